#include "ui/ws/wsmaskingview.h"

#include "core/wire/wsmaskingtable.h"

#include <QFontDatabase>
#include <QLabel>
#include <QResizeEvent>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace wirescope {

namespace {

QString hexByte(quint8 b)
{
    return QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0'));
}

// One tint per key byte, so the key's repetition every 4 bytes shows at a glance; light or
// dark after the palette's base.
QString keyTint(int keyIndex, const QPalette &palette)
{
    static const int hues[4] = {210, 30, 120, 290};
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsv(hues[keyIndex & 3], dark ? 110 : 55, dark ? 95 : 250).name();
}

} // namespace

WsMaskingView::WsMaskingView(QWidget *parent)
    : QWidget(parent)
    , m_explanation(new QLabel(this))
    , m_table(new QTextBrowser(this))
{
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setOpenLinks(false);
    m_table->setAccessibleName(tr("Masking, byte by byte"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_explanation);
    layout->addWidget(m_table, 1);
    showMessage(tr("Select a message or frame in the log."));
}

void WsMaskingView::setFrame(const WsFrame &frame, Direction direction)
{
    m_frame = frame;
    m_direction = direction;
    render();
}

void WsMaskingView::showMessage(const QString &text)
{
    m_frame.reset();
    m_explanation->setText(text.toHtmlEscaped());
    m_table->clear();
    m_renderedPerLine = 0;
}

QString WsMaskingView::explanationText() const
{
    return m_explanation->text();
}

QString WsMaskingView::tableHtml() const
{
    return m_table->toHtml();
}

int WsMaskingView::bytesPerLine() const
{
    // A label column of ~12 characters, then 4 characters per byte ("7f" and padding).
    const int charWidth = qMax(1, m_table->fontMetrics().horizontalAdvance(QLatin1Char('0')));
    // The widget's own width: the browser's viewport is laid out after this widget's resize.
    const int columns = (width() - 48) / charWidth;
    const int bytes = (columns - 12) / 4;
    return qBound(4, bytes / 4 * 4, 32);
}

void WsMaskingView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_frame && bytesPerLine() != m_renderedPerLine)
        render();
}

void WsMaskingView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_frame && bytesPerLine() != m_renderedPerLine)
        render();
}

void WsMaskingView::render()
{
    if (!m_frame)
        return;
    const WsFrame &frame = *m_frame;
    const WsMaskingTable table = WsMaskingTable::of(frame, shownBytes);
    const bool fromClient = m_direction == Direction::Out;
    QStringList keyBytes;
    for (quint8 b : table.key())
        keyBytes.append(hexByte(b));
    const QString key = keyBytes.join(QLatin1Char(' '));

    // What the rules say about this frame's mask (RFC 6455 §5.1, §5.3, §10.3).
    QString text;
    if (fromClient && table.masked()) {
        text = tr("<b>Sent by the client, masked.</b> Each payload byte crossed the wire XORed with one "
                  "byte of this frame's masking key <code>%1</code>: byte <i>i</i> with key byte "
                  "<i>i</i> mod 4 (RFC 6455 §5.3). XOR with the same key again gives the data back, "
                  "which is what the server does. The key is 32 fresh random bits per frame, sent in the "
                  "clear: masking hides nothing from an eavesdropper. It exists so that a script cannot "
                  "choose the bytes a proxy sees and make them look like an HTTP request (§10.3, cache "
                  "poisoning).").arg(key);
    } else if (fromClient) {
        text = tr("<b>Sent by the client without a mask.</b> RFC 6455 §5.1: a client must mask every frame "
                  "it sends, and a server must close the connection when a frame arrives unmasked (status "
                  "1002). The bytes below crossed the wire as they are.");
    } else if (table.masked()) {
        text = tr("<b>Sent by the server, masked (key <code>%1</code>).</b> RFC 6455 §5.1: a server must not "
                  "mask the frames it sends, and a client must close the connection when it receives a "
                  "masked frame. The columns show the XOR the server applied anyway.").arg(key);
    } else {
        text = tr("<b>Sent by the server: no mask.</b> RFC 6455 §5.1: a server must not mask the frames it "
                  "sends, so the payload crossed the wire as it is. Masking protects proxies from bytes a "
                  "script chose (§10.3); scripts run on the client's side only, so only the client masks.");
    }
    if (frame.payloadDiscarded)
        text += QLatin1Char(' ') + tr("The payload was over the frame size limit and was not kept.");
    else if (table.columns().isEmpty())
        text += QLatin1Char(' ') + tr("This frame has no payload: there is nothing to mask.");
    m_explanation->setText(text);

    const int perLine = bytesPerLine();
    m_renderedPerLine = perLine;
    const QPalette pal = palette();
    const QString muted = pal.color(QPalette::PlaceholderText).name();
    QString html = QStringLiteral("<table cellspacing=2 cellpadding=3>");
    const auto row = [&](const QString &label, const QList<WsMaskingColumn> &line, auto cell) {
        html += QStringLiteral("<tr><td style='color:%1; padding-right:8px'>%2</td>").arg(muted, label.toHtmlEscaped());
        for (const WsMaskingColumn &c : line)
            html += cell(c);
        html += QStringLiteral("</tr>");
    };
    const auto plainCell = [](const QString &content) {
        return QStringLiteral("<td align=center>%1</td>").arg(content);
    };
    for (const QList<WsMaskingColumn> &line : table.lines(perLine)) {
        row(tr("byte"), line, [&](const WsMaskingColumn &c) {
            return QStringLiteral("<td align=center style='color:%1'>%2</td>").arg(muted).arg(c.offset);
        });
        row(tr("on the wire"), line, [&](const WsMaskingColumn &c) { return plainCell(hexByte(c.wire)); });
        if (table.masked()) {
            row(tr("⊕ key byte"), line, [&](const WsMaskingColumn &c) {
                return QStringLiteral("<td align=center style='background:%1'>%2</td>")
                    .arg(keyTint(c.keyIndex, pal), hexByte(c.key));
            });
            row(tr("= data"), line, [&](const WsMaskingColumn &c) { return plainCell(QStringLiteral("<b>%1</b>").arg(hexByte(c.plain))); });
        }
        row(tr("character"), line, [&](const WsMaskingColumn &c) {
            return plainCell(QString(c.character()).toHtmlEscaped());
        });
        html += QStringLiteral("<tr><td>&nbsp;</td></tr>");
    }
    html += QStringLiteral("</table>");
    if (table.truncated()) {
        html += QStringLiteral("<p style='color:%1'>%2</p>")
                    .arg(muted, tr("The first %1 of %2 payload bytes. The key repeats every 4 bytes: the rest is the same operation.")
                                    .arg(table.columns().size())
                                    .arg(table.payloadBytes()));
    }
    // The text the data decodes to (a text frame's bytes are UTF-8, §5.6; a fragment may end
    // inside a character, which then shows as a replacement character).
    if (frame.header.opcode == WsOpcode::Text && !table.columns().isEmpty()) {
        html += QStringLiteral("<p>%1</p><pre>%2</pre>")
                    .arg(tr("Decodes to (UTF-8):"),
                         QString::fromUtf8(frame.payload.left(shownBytes)).toHtmlEscaped());
    }
    m_table->setHtml(html);
}

} // namespace wirescope
