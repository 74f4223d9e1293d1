#include "ui/widgets/payloadeditor.h"

#include "core/wire/jsonpretty.h"
#include "ui/common/units.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cctype>
#include <climits>

namespace wirescope {

namespace {

// A file bigger than this is refused with a sentence rather than read into memory.
constexpr qint64 MaxFileBytes = 512LL * 1024 * 1024;
// Typing in a text above LargeBytes is re-checked once the keys pause this long.
constexpr int TypingPauseMs = 250;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Checks run on a pool of their own: Qt's image conversions and scaling split their work over
// the global pool and wait for it on the UI thread, so a JSON check there stalled the window
// for as long as the check ran (measured: 400 ms for 2 MiB behind a repaint).
QThreadPool *checkPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance()); // ends with the application
        p->setMaxThreadCount(1);
        return p;
    }();
    return pool;
}

// The preview ends on a character boundary: never inside a UTF-8 sequence.
QByteArray headOf(const QByteArray &bytes, qsizetype limit)
{
    if (bytes.size() <= limit)
        return bytes;
    qsizetype end = limit;
    while (end > 0 && (quint8(bytes.at(end)) & 0xc0) == 0x80)
        --end;
    return bytes.left(end);
}

} // namespace

PayloadEditor::PayloadEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_pause(new QTimer(this))
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
    , m_editAnyway(new QPushButton(tr("&Edit anyway"), m_banner))
    , m_clear(new QPushButton(tr("C&lear"), m_banner))
{
    m_pause->setSingleShot(true);
    m_pause->setInterval(TypingPauseMs);
    connect(m_pause, &QTimer::timeout, this, [this] {
        if (!m_kept)
            checkAsync(toPlainText().toUtf8());
    });

    m_banner->setObjectName(QStringLiteral("payloadBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_bannerText->setWordWrap(true);
    m_bannerText->setForegroundRole(QPalette::ToolTipText);
    m_editAnyway->setToolTip(tr("Load the whole text into the editor. Many MiB take a while to lay out, and line "
                                "ends become LF."));
    m_clear->setToolTip(tr("Drop the kept payload"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_editAnyway);
    bannerLayout->addWidget(m_clear);
    m_banner->hide();
    connect(m_editAnyway, &QPushButton::clicked, this, &PayloadEditor::editAnyway);
    connect(m_clear, &QPushButton::clicked, this, [this] { setText({}); });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText)
            textEdited();
    });
    refresh();
}

PayloadEditor::~PayloadEditor()
{
    // A check still running on a pool thread finds no editor when it reports.
    ++m_generation;
}

void PayloadEditor::setCheck(Check check)
{
    if (m_check == check)
        return;
    m_check = check;
    refresh();
}

void PayloadEditor::setHighlighter(QSyntaxHighlighter *highlighter)
{
    m_highlighter = highlighter;
    attachHighlighter(!m_kept && document()->characterCount() <= LargeBytes);
}

void PayloadEditor::attachHighlighter(bool on)
{
    if (!m_highlighter)
        return;
    QTextDocument *wanted = on ? document() : nullptr;
    if (m_highlighter->document() != wanted)
        m_highlighter->setDocument(wanted);
}

QByteArray PayloadEditor::bytes() const
{
    return m_kept ? m_bytes : toPlainText().toUtf8();
}

void PayloadEditor::setBytes(const QByteArray &bytes)
{
    if (bytes.size() > LargeBytes) {
        keep(bytes, {});
        return;
    }
    leaveKept();
    setPlainText(QString::fromUtf8(bytes));
}

void PayloadEditor::setText(const QString &text)
{
    if (text.size() > LargeBytes) {
        keep(text.toUtf8(), {});
        return;
    }
    leaveKept();
    setPlainText(text);
}

bool PayloadEditor::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    QString sentence;
    if (!file.open(QIODevice::ReadOnly))
        sentence = tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
    else if (file.size() > MaxFileBytes)
        sentence = tr("%1 is %2, more than the %3 a payload may have")
                       .arg(QFileInfo(path).fileName(), formatBytes(file.size()), formatBytes(MaxFileBytes));
    if (!sentence.isEmpty()) {
        if (error)
            *error = sentence;
        Q_EMIT fileLoadFailed(sentence);
        return false;
    }
    // A file is always kept as its bytes, however small: it is sent exactly as it is on disk.
    keep(file.readAll(), QFileInfo(path).fileName());
    return true;
}

void PayloadEditor::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Payload from File"));
    if (!path.isEmpty())
        loadFile(path);
}

void PayloadEditor::keep(const QByteArray &bytes, const QString &fileName)
{
    m_kept = true;
    m_bytes = bytes;
    m_fileName = fileName;
    m_pause->stop();
    attachHighlighter(false);
    m_settingText = true;
    setReadOnly(true);
    setPlainText(QString::fromUtf8(headOf(bytes, PreviewBytes)));
    m_settingText = false;
    updateBanner();
    refresh();
}

void PayloadEditor::leaveKept()
{
    if (!m_kept)
        return;
    m_kept = false;
    m_bytes.clear();
    m_fileName.clear();
    setReadOnly(false);
    m_banner->hide();
    setViewportMargins(0, 0, 0, 0);
}

void PayloadEditor::editAnyway()
{
    if (!m_kept)
        return;
    const QByteArray bytes = m_bytes;
    leaveKept();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    m_settingText = true;
    setPlainText(QString::fromUtf8(bytes));
    m_settingText = false;
    QGuiApplication::restoreOverrideCursor();
    textEdited();
}

void PayloadEditor::textEdited()
{
    attachHighlighter(document()->characterCount() <= LargeBytes);
    refresh();
}

void PayloadEditor::refresh()
{
    ++m_generation;
    if (!m_kept && document()->characterCount() <= LargeBytes) {
        m_pause->stop();
        m_pending = false;
        m_facts = inspect(toPlainText().toUtf8(), m_check);
        Q_EMIT factsChanged();
        return;
    }
    if (m_kept) {
        checkAsync(m_bytes);
        return;
    }
    // A long text being typed in: checked once the keys pause, not on every key.
    m_pending = true;
    m_pause->start();
    Q_EMIT factsChanged();
}

void PayloadEditor::checkAsync(const QByteArray &bytes)
{
    const quint64 generation = ++m_generation;
    m_pending = true;
    m_facts.bytes = bytes.size();
    Q_EMIT factsChanged();
    QPointer<PayloadEditor> self(this);
    checkPool()->start([self, bytes, check = m_check, generation] {
        const PayloadFacts facts = inspect(bytes, check);
        QMetaObject::invokeMethod(
            qApp,
            [self, facts, generation] {
                if (!self || self->m_generation != generation)
                    return;
                self->m_facts = facts;
                self->m_pending = false;
                Q_EMIT self->factsChanged();
            },
            Qt::QueuedConnection);
    });
}

PayloadFacts PayloadEditor::inspect(const QByteArray &bytes, Check check)
{
    PayloadFacts facts;
    facts.bytes = bytes.size();
    facts.blank = std::all_of(bytes.cbegin(), bytes.cend(), isSpace);
    facts.containsVariables = bytes.contains("{{");
    facts.utf8 = bytes.isValidUtf8();
    switch (check) {
    case Check::None:
        break;
    case Check::Json: {
        // From the tokens, as Format and the response view read JSON: one growing buffer, where
        // a parsed document made as many allocations as the text has values.
        const JsonPretty pretty = jsonPretty(bytes, 0);
        if (!pretty.ok)
            facts.jsonError = tr("Invalid JSON at character %1: %2").arg(pretty.errorOffset).arg(QString::fromLatin1(pretty.error));
        break;
    }
    case Check::Hex: {
        qsizetype digits = 0;
        qsizetype i = 0;
        while (i < bytes.size() && isSpace(bytes.at(i)))
            ++i;
        if (bytes.mid(i, 2).compare("0x", Qt::CaseInsensitive) == 0)
            i += 2;
        for (; i < bytes.size(); ++i) {
            const char c = bytes.at(i);
            if (isSpace(c))
                continue;
            if (!std::isxdigit(quint8(c))) {
                facts.hexError = tr("Not a hex digit: \u201c%1\u201d").arg(QString::fromUtf8(bytes.mid(i, 4)).left(1));
                break;
            }
            ++digits;
        }
        if (facts.hexError.isEmpty() && digits % 2)
            facts.hexError = tr("Odd number of hex digits");
        facts.hexBytes = digits / 2;
        break;
    }
    }
    return facts;
}

bool PayloadEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return (m_kept && source && source->hasText()) || QPlainTextEdit::canInsertFromMimeData(source);
}

void PayloadEditor::insertFromMimeData(const QMimeData *source)
{
    if (!source || !source->hasText()) {
        if (!m_kept)
            QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    const QString text = source->text();
    if (m_kept) { // the banner says it: a paste replaces a kept payload
        keep(text.toUtf8(), {});
        return;
    }
    if (text.size() + document()->characterCount() <= LargeBytes) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    // The pasted text replaces the selection, as a paste does; the result is kept as bytes.
    const QTextCursor cursor = textCursor();
    if (document()->isEmpty() || (cursor.selectionStart() == 0 && cursor.selectionEnd() >= document()->characterCount() - 1)) {
        keep(text.toUtf8(), {});
        return;
    }
    QString all = toPlainText();
    all.replace(cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart(), text);
    keep(all.toUtf8(), {});
}

void PayloadEditor::keyPressEvent(QKeyEvent *event)
{
    // The preview is read-only; a paste still replaces the kept payload.
    if (m_kept && event->matches(QKeySequence::Paste)) {
        paste();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void PayloadEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    if (m_kept)
        placeBanner();
}

void PayloadEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    menu->addSeparator();
    if (m_kept) {
        menu->addAction(tr("&Paste (replaces the payload)"), this, &QPlainTextEdit::paste);
        menu->addAction(tr("&Edit anyway"), this, &PayloadEditor::editAnyway);
    }
    menu->addAction(tr("Load from &File..."), this, &PayloadEditor::chooseFile);
    menu->exec(event->globalPos());
    delete menu;
}

void PayloadEditor::updateBanner()
{
    const QString size = formatBytes(m_bytes.size());
    const QString shown = formatBytes(headOf(m_bytes, PreviewBytes).size());
    // One short line: the composer's editor may be two lines high.
    m_bannerText->setText(m_fileName.isEmpty() ? tr("Pasted %1: kept as bytes, sent exactly as pasted").arg(size)
                                               : tr("%1, %2: sent byte for byte as in the file").arg(m_fileName, size));
    m_bannerText->setToolTip(tr("%n byte(s).", nullptr, int(std::min<qsizetype>(m_bytes.size(), INT_MAX))) + u' '
                             + tr("The first %1 are shown, read-only. A paste replaces the payload; Edit anyway puts "
                                  "the whole text in the editor.").arg(shown));
    m_banner->show();
    placeBanner();
}

void PayloadEditor::placeBanner()
{
    const QRect area = contentsRect();
    QLayout *layout = m_banner->layout();
    const int height = layout->hasHeightForWidth() ? layout->heightForWidth(area.width())
                                                   : layout->sizeHint().height();
    setViewportMargins(0, height, 0, 0);
    m_banner->setGeometry(area.left(), area.top(), area.width(), height);
}

} // namespace wirescope
