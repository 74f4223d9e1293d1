#pragma once

#include "core/wire/direction.h"
#include "core/wire/wsframe.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTextBrowser;

namespace wirescope {

// Masking shown as the operation it is (RFC 6455 §5.3): for the frame the inspector shows,
// each payload byte as it crossed the wire, the key byte it was XORed with and the result,
// in aligned columns, with the text the result decodes to. A server's frame says why it has
// no mask (§5.1); a frame that breaks the masking rule says which rule.
class WsMaskingView : public QWidget
{
    Q_OBJECT
public:
    // Bytes shown: the key repeats every 4, so a few lines show the whole operation.
    static constexpr qsizetype shownBytes = 256;

    explicit WsMaskingView(QWidget *parent = nullptr);

    void setFrame(const WsFrame &frame, Direction direction);
    void showMessage(const QString &text);

    QString explanationText() const;
    QString tableHtml() const;
    // Payload bytes per line at the current width (4 to 32, a multiple of 4 so every line
    // starts with key byte 0).
    int bytesPerLine() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void render();

    QLabel *m_explanation;
    QTextBrowser *m_table;
    std::optional<WsFrame> m_frame;
    Direction m_direction = Direction::In;
    int m_renderedPerLine = 0;
};

} // namespace wirescope
