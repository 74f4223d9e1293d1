#pragma once

#include <QByteArray>
#include <QPlainTextEdit>
#include <QPointer>

class QLabel;
class QPushButton;
class QSyntaxHighlighter;
class QTimer;

namespace wirescope {

// What a payload is, as the composers show it under the editor. Computed from the bytes on
// the UI thread for small payloads and on a pool thread for large ones.
struct PayloadFacts {
    qsizetype bytes = 0;
    bool blank = true;              // empty or only whitespace
    bool utf8 = true;               // RFC 6455 §5.6: a text message must be UTF-8
    bool containsVariables = false; // "{{" somewhere
    QString jsonError;              // checked JSON only; empty when valid
    QString hexError;               // checked hex only; empty when valid
    qsizetype hexBytes = 0;         // checked hex only: the bytes its digits make
};

// A message or body editor that takes a multi-MiB paste or file without freezing the window.
// Up to LargeBytes it is an ordinary QPlainTextEdit. A paste or file above that is kept as
// the bytes it was (a QTextDocument would lay out, highlight and validate them on the UI
// thread for minutes, and turn CRLF into LF): the editor then shows a read-only preview under
// a banner with the size, "Edit anyway" (loads the text into the editor, explicitly) and
// "Clear". The facts (size, UTF-8, JSON or hex check) of a large payload are computed off the
// UI thread, a text being edited is re-checked once typing pauses, never per keystroke.
class PayloadEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr qsizetype LargeBytes = 128 * 1024;
    static constexpr qsizetype PreviewBytes = 16 * 1024;
    enum class Check { None, Json, Hex };

    explicit PayloadEditor(QWidget *parent = nullptr);
    ~PayloadEditor() override;

    void setCheck(Check check);
    Check check() const { return m_check; }
    // Highlights the text while it is small; detached above LargeBytes.
    void setHighlighter(QSyntaxHighlighter *highlighter);

    // The payload as it will be sent: the kept bytes, or the editor's text in UTF-8.
    QByteArray bytes() const;
    // Replaces the payload; above LargeBytes it is kept as bytes with a preview.
    void setBytes(const QByteArray &bytes);
    void setText(const QString &text);
    // True while the payload is kept as bytes (a large paste or a file), not in the editor.
    bool isKept() const { return m_kept; }
    // The file the kept bytes came from; empty for a paste.
    QString fileName() const { return m_fileName; }
    // Reads a file as the payload, as is; false and a sentence when it cannot.
    bool loadFile(const QString &path, QString *error = nullptr);

    // The facts of the current payload; pending() while a pool thread computes them.
    const PayloadFacts &facts() const { return m_facts; }
    bool pending() const { return m_pending; }
    static PayloadFacts inspect(const QByteArray &bytes, Check check);

    QPushButton *editAnywayButton() const { return m_editAnyway; }
    QPushButton *clearKeptButton() const { return m_clear; }
    QLabel *bannerLabel() const { return m_bannerText; }

public Q_SLOTS:
    // Loads the kept bytes into the editor as text (slow for many MiB: the user asked).
    void editAnyway();
    void chooseFile();

Q_SIGNALS:
    // The payload or its facts changed (after an edit, a paste, a load or a check).
    void factsChanged();
    void fileLoadFailed(const QString &sentence);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void keep(const QByteArray &bytes, const QString &fileName);
    void leaveKept();
    void textEdited();
    void refresh();
    void checkAsync(const QByteArray &bytes);
    void placeBanner();
    void updateBanner();
    void attachHighlighter(bool on);

    Check m_check = Check::None;
    bool m_kept = false;
    QByteArray m_bytes;
    QString m_fileName;
    PayloadFacts m_facts;
    bool m_pending = false;
    quint64 m_generation = 0;
    bool m_settingText = false;
    QPointer<QSyntaxHighlighter> m_highlighter;
    QTimer *m_pause;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_editAnyway;
    QPushButton *m_clear;
};

} // namespace wirescope
