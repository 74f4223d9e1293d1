#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace wirescope {

// Colours JSON keys, strings, numbers and literals; the colours follow the palette (a light
// and a dark set chosen by the background's lightness), so text stays readable in both.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

    // Rebuilds the formats for the current application palette.
    void updateColors();

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace wirescope
