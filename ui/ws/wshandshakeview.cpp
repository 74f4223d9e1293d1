#include "ui/ws/wshandshakeview.h"

#include "core/net/wsconnection.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace wirescope {

static QPlainTextEdit *rawView(QWidget *parent, const QString &name)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setAccessibleName(name);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 2 + 8); // fits a 768 px high window
    return edit;
}

static QWidget *titled(const QString &title, QWidget *child, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    label->setBuddy(child);
    label->setWordWrap(true); // wraps instead of widening the pane on a narrow screen
    layout->addWidget(label);
    layout->addWidget(child, 1);
    return box;
}

WsHandshakeView::WsHandshakeView(QWidget *parent)
    : QWidget(parent)
    , m_request(rawView(this, tr("Handshake request")))
    , m_response(rawView(this, tr("Handshake response")))
    , m_explanation(new QTextBrowser(this))
{
    m_explanation->setAccessibleName(tr("Sec-WebSocket-Accept check"));
    m_explanation->setOpenExternalLinks(false);
    m_explanation->setMinimumHeight(m_explanation->fontMetrics().lineSpacing() * 3 + 8);
    auto *raw = new QSplitter(Qt::Vertical, this);
    raw->addWidget(titled(tr("Request (sent)"), m_request, raw));
    raw->addWidget(titled(tr("Response (received)"), m_response, raw));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(raw);
    split->addWidget(titled(tr("Sec-WebSocket-Accept, step by step"), m_explanation, split));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);
    clear();
}

void WsHandshakeView::clear()
{
    m_request->clear();
    m_response->clear();
    m_explanation->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Connect to see the opening handshake.").toHtmlEscaped()));
}

void WsHandshakeView::setRequestOnly(const QByteArray &requestBytes)
{
    m_request->setPlainText(QString::fromUtf8(requestBytes));
    m_response->setPlainText(tr("(waiting for the server's answer)"));
}

QString WsHandshakeView::requestText() const
{
    return m_request->toPlainText();
}

QString WsHandshakeView::responseText() const
{
    return m_response->toPlainText();
}

QString WsHandshakeView::explanationHtml() const
{
    return m_explanation->toHtml();
}

static QString code(const QByteArray &bytes)
{
    return QStringLiteral("<code style=\"font-size:large\">%1</code>").arg(QString::fromUtf8(bytes).toHtmlEscaped());
}

QList<WsHandshakeView::ResponseMark> WsHandshakeView::responseMarks(const WsHandshakeRecord &record)
{
    QList<ResponseMark> marks;
    const HttpResponse &r = record.response;
    for (const WsHandshakeCheck &check : record.verdict.checks) {
        if (check.what == u"status") {
            if (r.offset >= 0) {
                const qsizetype lineEnd = record.responseBytes.indexOf('\n', qsizetype(r.offset));
                marks.append({r.offset, (lineEnd < 0 ? record.responseBytes.size() : lineEnd + 1) - r.offset, check.what, check.passed});
            }
            continue;
        }
        // A header check reads every field of that name (a repeated one included).
        for (const HttpHeaderField &h : r.headers) {
            if (h.offset >= 0 && QString::fromLatin1(h.name).compare(check.what, Qt::CaseInsensitive) == 0)
                marks.append({h.offset, h.raw.size(), check.what, check.passed});
        }
    }
    return marks;
}

void WsHandshakeView::setRecord(const WsHandshakeRecord &record)
{
    m_request->setPlainText(QString::fromUtf8(record.requestBytes));
    m_response->setPlainText(QString::fromUtf8(record.responseBytes));
    QList<QTextEdit::ExtraSelection> selections;
    const QTextDocument *document = m_response->document();
    for (const ResponseMark &mark : responseMarks(record)) {
        // A mark is whole lines; the document holds one block per line (its CRLF dropped), so
        // byte offsets become block numbers.
        const int firstLine = int(record.responseBytes.left(mark.offset).count('\n'));
        const int endLine = int(record.responseBytes.left(mark.offset + mark.length).count('\n'));
        const QTextBlock first = document->findBlockByNumber(firstLine);
        const QTextBlock last = document->findBlockByNumber(qMax(firstLine, endLine - 1));
        if (!first.isValid() || !last.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_response->document());
        selection.cursor.setPosition(first.position());
        selection.cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        selection.format.setBackground(QColor(mark.passed ? QStringLiteral("#c8e6c9") : QStringLiteral("#ffcdd2")));
        selection.format.setForeground(QColor(Qt::black));
        selection.format.setToolTip(mark.passed ? tr("%1: check passed").arg(mark.what) : tr("%1: check failed").arg(mark.what));
        selections.append(selection);
    }
    m_response->setExtraSelections(selections);

    const QPalette pal = palette();
    const QString good = QStringLiteral("#2e7d32");
    const QString bad = QStringLiteral("#c62828");
    const QString dim = pal.color(QPalette::PlaceholderText).name();
    const QString boxBg = pal.color(QPalette::AlternateBase).name();
    const WsAcceptDerivation &a = record.verdict.accept;
    auto step = [&](int n, const QString &title, const QString &value, const QString &note) {
        return QStringLiteral("<tr><td valign=\"top\" style=\"padding:6px 10px 6px 0;color:%1;font-size:x-large\"><b>%2</b></td>"
                              "<td style=\"padding:6px 0\"><b>%3</b><br/>"
                              "<table cellpadding=\"6\" width=\"100%\" style=\"background:%4\"><tr><td>%5</td></tr></table>"
                              "<span style=\"color:%1\">%6</span></td></tr>")
            .arg(dim)
            .arg(n)
            .arg(title.toHtmlEscaped(), boxBg, value, note.toHtmlEscaped());
    };
    QString html = QStringLiteral("<p>%1</p><table width=\"100%\">")
                       .arg(tr("RFC 6455 §4.2.2: the server proves it read this handshake by hashing the client's key "
                               "with a fixed GUID. The client checks the result (§4.1).").toHtmlEscaped());
    html += step(1, tr("Sec-WebSocket-Key sent by the client"), code(a.key),
                 tr("base64 of 16 random bytes, fresh for this connection"));
    html += step(2, tr("Key + GUID"),
                 code(a.key) + QStringLiteral("<br/>") + QStringLiteral("<code style=\"color:%1\">+ %2</code>")
                                                             .arg(dim, QString::fromLatin1(WsGuid)),
                 tr("concatenated as text: %1").arg(QString::fromUtf8(a.keyPlusGuid)));
    html += step(3, tr("SHA-1 of that text (hex)"), code(a.sha1Hex), tr("20 bytes"));
    html += step(4, tr("base64 of the 20 bytes: the expected Sec-WebSocket-Accept"), code(a.expected), QString());
    const QString actual = a.present ? code(a.actual) : QStringLiteral("<i>%1</i>").arg(tr("header missing").toHtmlEscaped());
    html += step(5, tr("Sec-WebSocket-Accept sent by the server"), actual, QString());
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p style=\"font-size:x-large;color:%1\"><b>%2</b></p>")
                .arg(a.match ? good : bad,
                     (a.match ? tr("\u2714 Match: the server computed the same value.")
                              : tr("\u2718 Mismatch: RFC 6455 §4.1 says the client must fail the connection."))
                         .toHtmlEscaped());

    html += QStringLiteral("<h3>%1</h3><table cellpadding=\"4\" cellspacing=\"0\" width=\"100%\" border=\"0\">"
                           "<tr style=\"background:%2\"><th align=\"left\"></th><th align=\"left\">%3</th><th align=\"left\">%4</th><th align=\"left\">%5</th></tr>")
                .arg(tr("All response checks").toHtmlEscaped(), boxBg, tr("Check").toHtmlEscaped(),
                     tr("Expected").toHtmlEscaped(), tr("Received").toHtmlEscaped());
    for (const WsHandshakeCheck &check : record.verdict.checks) {
        html += QStringLiteral("<tr><td style=\"color:%1\"><b>%2</b></td><td>%3</td><td><code>%4</code></td><td><code>%5</code></td></tr>")
                    .arg(check.passed ? good : bad, check.passed ? QStringLiteral("\u2714") : QStringLiteral("\u2718"),
                         check.what.toHtmlEscaped(), check.expected.toHtmlEscaped(), check.actual.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    const HttpResponse &response = record.response;
    if (!response.violations.isEmpty()) {
        // How the answer was read as HTTP/1.1: tolerated leniencies, a truncated refusal.
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("HTTP findings").toHtmlEscaped());
        for (const Violation &v : response.violations) {
            const QString text = QCoreApplication::translate("Violation", v.kind->text);
            html += QStringLiteral("<li style=\"color:%1\"><code>%2</code> %3%4 <span style=\"color:%5\">%6</span></li>")
                        .arg(v.isError() ? bad : dim, v.id().toHtmlEscaped(), text.toHtmlEscaped(),
                             v.detail.isEmpty() ? QString() : QString(u" (" + v.detail.toHtmlEscaped() + u')'), dim,
                             v.offset >= 0 ? tr("byte %1").arg(v.offset) : QString());
        }
        html += QStringLiteral("</ul>");
    }
    QStringList facts;
    if (!record.peerAddress.isEmpty())
        facts << tr("Peer %1").arg(record.peerAddress);
    const PhaseTimings &t = record.timings;
    if (t.dnsNs() >= 0)
        facts << tr("DNS %1 ms").arg(double(t.dnsNs()) / 1e6, 0, 'f', 3);
    facts << tr("TCP connect %1 ms").arg(double(t.connectEndNs - t.connectStartNs) / 1e6, 0, 'f', 3);
    if (record.tls.used)
        facts << tr("TLS %1 (%2), handshake %3 ms").arg(record.tls.protocol, record.tls.cipher).arg(double(t.sslNs()) / 1e6, 0, 'f', 3);
    facts << tr("Upgrade round trip %1 ms").arg(double(t.lastByteNs - t.sendStartNs) / 1e6, 0, 'f', 3);
    if (response.status != 0 && response.status != 101) {
        // A refusal is an HTTP response like any other: say how its body was framed.
        const QString framing = response.framing == BodyFraming::Chunked         ? tr("chunked, %n chunk(s)", nullptr, int(response.chunks.size()))
                                : response.framing == BodyFraming::ContentLength  ? tr("Content-Length")
                                : response.framing == BodyFraming::CloseDelimited ? tr("until the server closed")
                                                                                  : tr("no body");
        facts << tr("Refusal body %n byte(s) (%1)", nullptr, int(response.body.size())).arg(framing);
    }
    if (!record.verdict.subprotocol.isEmpty())
        facts << tr("Subprotocol: %1").arg(record.verdict.subprotocol);
    if (record.deflateNegotiated)
        facts << tr("permessage-deflate: %1").arg(QString::fromLatin1(record.deflateParams.headerValue()));
    html += QStringLiteral("<p style=\"color:%1\">%2</p>").arg(dim, facts.join(QStringLiteral(" · ")).toHtmlEscaped());
    m_explanation->setHtml(html);
}

} // namespace wirescope
