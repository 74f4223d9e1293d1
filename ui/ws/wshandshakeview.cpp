#include "ui/ws/wshandshakeview.h"

#include "core/net/wsconnection.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
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
    , m_back(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_all(new QToolButton(this))
    , m_stepLabel(new QLabel(this))
{
    m_explanation->setAccessibleName(tr("Sec-WebSocket-Accept check"));
    m_explanation->setOpenExternalLinks(false);
    m_explanation->setMinimumHeight(m_explanation->fontMetrics().lineSpacing() * 3 + 8);
    auto *raw = new QSplitter(Qt::Vertical, this);
    raw->addWidget(titled(tr("Request (sent)"), m_request, raw));
    raw->addWidget(titled(tr("Response (received)"), m_response, raw));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(raw);
    // Step by step for a class: Next reveals one step of the derivation at a time.
    m_back->setText(tr("◀ Back"));
    m_next->setText(tr("Next step ▶"));
    m_all->setText(tr("All steps"));
    m_back->setToolTip(tr("Hide the last step shown"));
    m_next->setToolTip(tr("Show the derivation one step at a time"));
    connect(m_back, &QToolButton::clicked, this, [this] { setShownSteps(m_shownSteps <= 1 ? 1 : m_shownSteps - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { setShownSteps(m_shownSteps == 0 ? 1 : m_shownSteps + 1); });
    connect(m_all, &QToolButton::clicked, this, [this] { setShownSteps(0); });
    auto *derivation = new QWidget(this);
    auto *stepper = new QHBoxLayout;
    stepper->addWidget(m_back);
    stepper->addWidget(m_next);
    stepper->addWidget(m_all);
    stepper->addWidget(m_stepLabel, 1);
    auto *derivationLayout = new QVBoxLayout(derivation);
    derivationLayout->setContentsMargins(0, 0, 0, 0);
    derivationLayout->addLayout(stepper);
    derivationLayout->addWidget(m_explanation, 1);
    split->addWidget(titled(tr("Sec-WebSocket-Accept, step by step"), derivation, split));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);
    clear();
}

void WsHandshakeView::clear()
{
    m_record.reset();
    m_stepLabel->clear();
    for (QToolButton *button : {m_back, m_next, m_all})
        button->setEnabled(false);
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

namespace {

// What each header of an opening handshake means and where it is defined (RFC 6455 §4.1 for
// the request, §4.2.2 for the answer); sent in both directions unless a side is named.
struct HeaderMeaning {
    const char *name;
    const char *meaning;
    const char *section;
};

constexpr HeaderMeaning kRequestMeanings[] = {
    {"Host", QT_TRANSLATE_NOOP("WsHandshakeView", "the server's name (and port) as the URL gave it; every HTTP/1.1 request carries it"), "RFC 6455 §4.1 item 4, RFC 9112 §3.2"},
    {"Upgrade", QT_TRANSLATE_NOOP("WsHandshakeView", "asks to switch this connection from HTTP to the WebSocket protocol"), "RFC 6455 §4.1 item 5, RFC 9110 §7.8"},
    {"Connection", QT_TRANSLATE_NOOP("WsHandshakeView", "\"Upgrade\": the Upgrade header is meant for this hop, a proxy must not pass it on"), "RFC 6455 §4.1 item 6, RFC 9110 §7.6.1"},
    {"Sec-WebSocket-Key", QT_TRANSLATE_NOOP("WsHandshakeView", "16 random bytes in base64; the server must hash them into Sec-WebSocket-Accept (the steps above)"), "RFC 6455 §4.1 item 7"},
    {"Sec-WebSocket-Version", QT_TRANSLATE_NOOP("WsHandshakeView", "13, the protocol of RFC 6455; a server that speaks another answers 426 listing its versions"), "RFC 6455 §4.1 item 9, §4.4"},
    {"Origin", QT_TRANSLATE_NOOP("WsHandshakeView", "the page that opened the connection, as a browser sends it; a server may refuse origins it does not trust (403)"), "RFC 6455 §4.1 item 8, §10.2"},
    {"Sec-WebSocket-Protocol", QT_TRANSLATE_NOOP("WsHandshakeView", "the subprotocols the client speaks, in order of preference; the server picks at most one"), "RFC 6455 §4.1 item 10, §11.3.4"},
    {"Sec-WebSocket-Extensions", QT_TRANSLATE_NOOP("WsHandshakeView", "the extensions offered, such as permessage-deflate with its parameters"), "RFC 6455 §4.1 item 11, §9; RFC 7692 §5"},
    {"User-Agent", QT_TRANSLATE_NOOP("WsHandshakeView", "the client's name and version"), "RFC 9110 §10.1.5"},
    {"Authorization", QT_TRANSLATE_NOOP("WsHandshakeView", "credentials (Basic or Bearer) for a server that asks for them"), "RFC 9110 §11.6.2"},
    {"Cookie", QT_TRANSLATE_NOOP("WsHandshakeView", "cookies this host set earlier, sent as with any request"), "RFC 6265 §5.4"},
};

constexpr HeaderMeaning kResponseMeanings[] = {
    {"Upgrade", QT_TRANSLATE_NOOP("WsHandshakeView", "\"websocket\": the server agrees to switch protocols"), "RFC 6455 §4.2.2 item 5.2"},
    {"Connection", QT_TRANSLATE_NOOP("WsHandshakeView", "\"Upgrade\": this hop switches protocols"), "RFC 6455 §4.2.2 item 5.3"},
    {"Sec-WebSocket-Accept", QT_TRANSLATE_NOOP("WsHandshakeView", "base64(SHA-1(key + GUID)): proof that the server read this request's key"), "RFC 6455 §4.2.2 item 5.4"},
    {"Sec-WebSocket-Protocol", QT_TRANSLATE_NOOP("WsHandshakeView", "the one subprotocol the server chose from the client's list"), "RFC 6455 §4.2.2 item 5.5"},
    {"Sec-WebSocket-Extensions", QT_TRANSLATE_NOOP("WsHandshakeView", "the extensions the server accepted, with the parameters it chose"), "RFC 6455 §4.2.2 item 5.6; RFC 7692 §5"},
    {"Sec-WebSocket-Version", QT_TRANSLATE_NOOP("WsHandshakeView", "in a refusal (426): the versions the server speaks"), "RFC 6455 §4.4"},
};

template<size_t N>
const HeaderMeaning *meaningOf(const HeaderMeaning (&table)[N], const QByteArray &name)
{
    for (const HeaderMeaning &m : table) {
        if (name.compare(m.name, Qt::CaseInsensitive) == 0)
            return &m;
    }
    return nullptr;
}

} // namespace

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

    m_record = record;
    render();
}

void WsHandshakeView::setShownSteps(int steps)
{
    m_shownSteps = qBound(0, steps, int(stepCount));
    render();
}

int WsHandshakeView::failedStep(const WsHandshakeRecord &record)
{
    const WsAcceptDerivation &a = record.verdict.accept;
    // RFC 6455 §4.1 item 7: the key is a randomly selected 16-byte value, base64-encoded.
    const auto decoded = QByteArray::fromBase64Encoding(a.key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16)
        return 1;
    return a.present && a.match ? 0 : stepCount;
}

void WsHandshakeView::render()
{
    if (!m_record)
        return;
    const WsHandshakeRecord &record = *m_record;
    const QPalette pal = palette();
    const QString good = QStringLiteral("#2e7d32");
    const QString bad = QStringLiteral("#c62828");
    const QString dim = pal.color(QPalette::PlaceholderText).name();
    const QString boxBg = pal.color(QPalette::AlternateBase).name();
    const WsAcceptDerivation &a = record.verdict.accept;
    const int failed = failedStep(record);
    const int shown = m_shownSteps == 0 ? stepCount : m_shownSteps;
    // The step's number is green when the derivation went through it, red at the step the
    // check failed; its note then says why.
    auto step = [&](int n, const QString &title, const QString &value, const QString &note) {
        if (n > shown)
            return QString();
        const QString number = failed == n ? bad : (failed == 0 || n < failed ? good : dim);
        const QString failure = failed == n
            ? QStringLiteral("<br/><b style=\"color:%1\">%2</b>").arg(bad, tr("\u2718 The check fails at this step.").toHtmlEscaped())
            : QString();
        return QStringLiteral("<tr><td valign=\"top\" style=\"padding:6px 10px 6px 0;color:%1;font-size:x-large\"><b>%2</b></td>"
                              "<td style=\"padding:6px 0\"><b>%3</b><br/>"
                              "<table cellpadding=\"6\" width=\"100%\" style=\"background:%4\"><tr><td>%5</td></tr></table>"
                              "<span style=\"color:%6\">%7</span>%8</td></tr>")
            .arg(number)
            .arg(n)
            .arg(title.toHtmlEscaped(), boxBg, value, dim, note.toHtmlEscaped(), failure);
    };
    QString html = QStringLiteral("<p>%1</p><table width=\"100%\">")
                       .arg(tr("RFC 6455 §4.2.2: the server proves it read this handshake by hashing the client's key "
                               "with a fixed GUID. The client checks the result (§4.1).").toHtmlEscaped());
    const auto nonce = QByteArray::fromBase64Encoding(a.key, QByteArray::AbortOnBase64DecodingErrors);
    const QString nonceNote = nonce && nonce.decoded.size() == 16
        ? tr("base64 of 16 random bytes, fresh for this connection (§4.1): %1").arg(QString::fromLatin1(nonce.decoded.toHex(' ')))
        : tr("RFC 6455 §4.1 asks for base64 of 16 random bytes; this key decodes to %n byte(s)", nullptr,
             nonce ? int(nonce.decoded.size()) : 0);
    html += step(1, tr("Sec-WebSocket-Key sent by the client"), code(a.key), nonceNote);
    html += step(2, tr("Key + GUID"),
                 code(a.key) + QStringLiteral("<br/>") + QStringLiteral("<code style=\"color:%1\">+ %2</code>")
                                                             .arg(dim, QString::fromLatin1(WsGuid)),
                 tr("concatenated as text: %1").arg(QString::fromUtf8(a.keyPlusGuid)));
    html += step(3, tr("SHA-1 of that text (hex)"), code(a.sha1Hex), tr("20 bytes"));
    html += step(4, tr("base64 of the 20 bytes: the expected Sec-WebSocket-Accept"), code(a.expected), QString());
    const QString actual = a.present ? code(a.actual) : QStringLiteral("<i>%1</i>").arg(tr("header missing").toHtmlEscaped());
    html += step(5, tr("Sec-WebSocket-Accept sent by the server"), actual,
                 a.present && !a.match ? tr("differs from step 4") : QString());
    html += QStringLiteral("</table>");
    if (shown == stepCount) {
        html += QStringLiteral("<p style=\"font-size:x-large;color:%1\"><b>%2</b></p>")
                    .arg(a.match ? good : bad,
                         (a.match ? tr("\u2714 Match: the server computed the same value.")
                                  : tr("\u2718 Mismatch: RFC 6455 §4.1 says the client must fail the connection."))
                             .toHtmlEscaped());
    }
    m_stepLabel->setText(m_shownSteps == 0 ? tr("All %1 steps").arg(stepCount) : tr("Step %1 of %2").arg(m_shownSteps).arg(stepCount));
    m_back->setEnabled(m_shownSteps > 1);
    m_next->setText(m_shownSteps == 0 ? tr("Step through ▶") : tr("Next step ▶"));
    m_next->setEnabled(m_shownSteps < stepCount);
    m_all->setEnabled(m_shownSteps != 0);
    if (shown < stepCount) {
        // Stepping: the derivation alone, so a class follows one thing at a time.
        m_explanation->setHtml(html);
        return;
    }

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
    // Every header of both sides with what it means; one the handshake does not define is
    // listed without a meaning (it is the application's).
    const auto headerRows = [&](const QList<WsHeader> &fields, auto meanings) {
        QString rows;
        for (const WsHeader &field : fields) {
            const HeaderMeaning *m = meaningOf(*meanings, field.first);
            rows += QStringLiteral("<tr><td valign=\"top\"><code>%1</code></td><td valign=\"top\"><code>%2</code></td><td>%3 <span style=\"color:%4\">%5</span></td></tr>")
                        .arg(QString::fromLatin1(field.first).toHtmlEscaped(),
                             QString::fromLatin1(field.second.left(120)).toHtmlEscaped(),
                             m ? QCoreApplication::translate("WsHandshakeView", m->meaning).toHtmlEscaped()
                               : tr("not part of the WebSocket handshake").toHtmlEscaped(),
                             dim, m ? QString::fromUtf8(m->section) : QString());
        }
        return rows;
    };
    const QString headerTable = QStringLiteral("<h3>%1</h3><table cellpadding=\"4\" cellspacing=\"0\" width=\"100%\">"
                                               "<tr style=\"background:%2\"><th align=\"left\">%3</th><th align=\"left\">%4</th><th align=\"left\">%5</th></tr>%6</table>");
    const WsRequestHead requestHead = wsSplitRequestHead(record.requestBytes);
    html += headerTable.arg(tr("The request's headers, what they mean").toHtmlEscaped(), boxBg, tr("Header").toHtmlEscaped(),
                            tr("Value").toHtmlEscaped(), tr("Meaning").toHtmlEscaped(), headerRows(requestHead.fields, &kRequestMeanings));
    QList<WsHeader> responseFields;
    for (const HttpHeaderField &h : response.headers)
        responseFields.append({h.name, h.value});
    if (!responseFields.isEmpty()) {
        html += headerTable.arg(tr("The answer's headers, what they mean").toHtmlEscaped(), boxBg, tr("Header").toHtmlEscaped(),
                                tr("Value").toHtmlEscaped(), tr("Meaning").toHtmlEscaped(), headerRows(responseFields, &kResponseMeanings));
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
