#include "ui/http/httpresponseview.h"

#include "core/net/httpengine.h"
#include "core/session/curlsnippet.h"
#include "core/wire/jsonpretty.h"
#include "ui/app/appsettings.h"

#include "ui/common/units.h"
#include "ui/http/jsonhighlighter.h"
#include "ui/http/sseeventmodel.h"
#include "ui/http/sseeventsview.h"
#include "ui/http/timingwaterfallwidget.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QMenu>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextCursor>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <climits>

namespace wirescope {

namespace {

constexpr qint64 TextDisplayLimit = 2 * 1024 * 1024; // beyond this the views say they truncated
constexpr qint64 HexDisplayLimit = 256 * 1024;

QPlainTextEdit *readOnlyText(QWidget *parent, const QString &accessibleName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setAccessibleName(accessibleName);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

QTreeWidget *fieldTree(QWidget *parent, const QString &accessibleName)
{
    auto *tree = new QTreeWidget(parent);
    tree->setColumnCount(2);
    tree->setHeaderLabels({QCoreApplication::translate("HttpResponseView", "Name"),
                           QCoreApplication::translate("HttpResponseView", "Value")});
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    tree->setAlternatingRowColors(true);
    tree->setAccessibleName(accessibleName);
    tree->setRootIsDecorated(true);
    tree->setUniformRowHeights(true);
    return tree;
}

QTreeWidgetItem *group(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

} // namespace

HttpResponseView::HttpResponseView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_headers(fieldTree(this, tr("Request and response headers")))
    , m_rawAsHex(new QCheckBox(tr("Show as he&x"), this))
    , m_raw(readOnlyText(this, tr("Raw bytes sent and received")))
    , m_waterfall(new TimingWaterfallWidget(this))
    , m_tls(fieldTree(this, tr("TLS connection details")))
    , m_events(new SseEventsView(this))
    , m_copyButton(new QToolButton(this))
{
    const QList<QAction *> copyActions = createCopyCurlActions(this, [this] { return &m_record; });
    m_copyCurl = copyActions.at(0);
    m_copyCurlWithSecrets = copyActions.at(1);
    m_status->setAccessibleName(tr("Response status"));
    m_status->setMargin(4);
    m_status->setAutoFillBackground(true);
    m_summary->setAccessibleName(tr("Response summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    auto *copyMenu = new QMenu(m_copyButton);
    copyMenu->addAction(m_copyCurl);
    copyMenu->addAction(m_copyCurlWithSecrets);
    m_copyButton->setDefaultAction(m_copyCurl);
    m_copyButton->setMenu(copyMenu);
    m_copyButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_copyButton->setAccessibleName(tr("Copy as cURL"));
    addActions({m_copyCurl, m_copyCurlWithSecrets});
    setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status);
    top->addWidget(m_summary, 1);
    top->addWidget(m_copyButton);

    // A text/event-stream response shows its events first; other responses do not have the tab.
    m_tabs->addTab(m_events, tr("E&vents"));
    m_tabs->setTabVisible(0, false);
    connect(m_events->model(), &SseEventModel::countsChanged, this, [this] { setSummary(m_summaryText); });
    m_tabs->addTab(createBodyTab(), tr("Bod&y"));
    m_tabs->addTab(m_headers, tr("Hea&ders"));
    auto *rawPage = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addWidget(m_rawAsHex, 0, Qt::AlignLeft);
    rawLayout->addWidget(m_raw, 1);
    m_tabs->addTab(rawPage, tr("Ra&w"));
    // A redirect chain is many rows: they scroll rather than being cut off.
    auto *waterfallArea = new QScrollArea(this);
    waterfallArea->setWidget(m_waterfall);
    waterfallArea->setWidgetResizable(true);
    waterfallArea->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(waterfallArea, tr("&Timing"));
    m_tabs->addTab(m_tls, tr("T&LS"));
    m_tabs->setCurrentIndex(1); // Body: the Events tab is hidden until a stream shows it
    m_tabs->setAccessibleName(tr("Response parts"));
    connect(m_rawAsHex, &QCheckBox::toggled, this, &HttpResponseView::showRaw);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    clear();
}

void HttpResponseView::changeEvent(QEvent *event)
{
    // Light or dark: the JSON colours follow the palette.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        m_highlighter->updateColors();
    QWidget::changeEvent(event);
}

QWidget *HttpResponseView::createBodyTab()
{
    auto *page = new QWidget(this);
    m_bodyMode = new QComboBox(page);
    m_bodyMode->addItems({tr("Pretty"), tr("Raw"), tr("Hex"), tr("Preview")}); // same order as BodyMode
    m_bodyMode->setAccessibleName(tr("Body view"));
    m_bodyNote = new QLabel(page);
    m_bodyStack = new QStackedWidget(page);
    m_pretty = readOnlyText(page, tr("Body, pretty-printed"));
    m_highlighter = new JsonHighlighter(m_pretty->document());
    m_rawBody = readOnlyText(page, tr("Body as text"));
    m_hex = readOnlyText(page, tr("Body as hex dump"));
    m_image = new QLabel(page);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setAccessibleName(tr("Image preview"));
    m_imageArea = new QScrollArea(page);
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_bodyStack->addWidget(m_pretty);
    m_bodyStack->addWidget(m_rawBody);
    m_bodyStack->addWidget(m_hex);
    m_bodyStack->addWidget(m_imageArea);
    connect(m_bodyMode, &QComboBox::currentIndexChanged, m_bodyStack, &QStackedWidget::setCurrentIndex);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_bodyMode);
    bar->addWidget(m_bodyNote, 1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_bodyStack, 1);
    return page;
}

QColor HttpResponseView::statusColor(int status)
{
    if (status >= 200 && status < 300)
        return QColor(0x2e, 0x7d, 0x32);
    if (status >= 300 && status < 400)
        return QColor(0x15, 0x65, 0xc0);
    if (status >= 400 && status < 500)
        return QColor(0xc6, 0x60, 0x00);
    if (status >= 100 && status < 200)
        return QColor(0x54, 0x6e, 0x7a);
    return QColor(0xc6, 0x28, 0x28);
}

void HttpResponseView::setStatusChip(const QString &text, const QColor &color)
{
    m_status->setText(text);
    QPalette pal = m_status->palette();
    if (color.isValid()) {
        pal.setColor(QPalette::Window, color);
        pal.setColor(QPalette::WindowText, Qt::white);
    } else {
        pal = palette();
    }
    m_status->setPalette(pal);
    m_status->setAutoFillBackground(color.isValid());
    QFont f = m_status->font();
    f.setBold(color.isValid());
    m_status->setFont(f);
}

bool HttpResponseView::eventsShown() const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(m_events));
}

void HttpResponseView::showEvents(bool show)
{
    const int index = m_tabs->indexOf(m_events);
    if (show == m_tabs->isTabVisible(index))
        return;
    m_tabs->setTabVisible(index, show);
    if (show)
        m_tabs->setCurrentIndex(index);
    setSummary(m_summaryText);
}

void HttpResponseView::setSummary(const QString &text)
{
    m_summaryText = text;
    if (!eventsShown()) {
        m_summary->setText(text);
        return;
    }
    const int events = int(qMin<qsizetype>(m_events->model()->eventCount(), INT_MAX));
    m_summary->setText(tr("%n event(s)", nullptr, events) + QStringLiteral("  ·  ") + text);
}

void HttpResponseView::showNotSent(const QString &why)
{
    clear();
    setStatusChip(tr("Not sent"), {});
    setSummary(why);
}

void HttpResponseView::clear()
{
    m_record = {};
    m_liveShown = -1;
    m_livePending.clear();
    setStatusChip(tr("No response yet"), {});
    setSummary(tr("Press Enter in the URL bar to send the request."));
    m_pretty->clear();
    m_rawBody->clear();
    m_hex->clear();
    m_image->clear();
    m_bodyNote->clear();
    m_headers->clear();
    m_raw->clear();
    m_waterfall->clear();
    m_tls->clear();
    updateCopyActions();
}

void HttpResponseView::updateCopyActions()
{
    const bool any = !m_record.hops.isEmpty();
    m_copyCurl->setEnabled(any);
    m_copyCurlWithSecrets->setEnabled(any);
}

QList<QAction *> HttpResponseView::createCopyCurlActions(QObject *parent,
                                                        std::function<const HttpExchangeRecord *()> record)
{
    auto *hidden = new QAction(tr("Copy as c&URL"), parent);
    hidden->setToolTip(tr("Copy the request as a curl command; Authorization, Cookie and token-like query values are hidden"));
    auto *withSecrets = new QAction(tr("Copy as cURL (with &Secrets)"), parent);
    withSecrets->setToolTip(tr("Copy the request as a curl command exactly as it was sent, credentials included"));
    // Credentials are hidden unless the user asks for them by name, as in every export.
    const auto copy = [record](const RedactionRules &rules) {
        const HttpExchangeRecord *shown = record();
        const QString command = shown ? curlSnippet(*shown, rules) : QString();
        if (!command.isEmpty())
            QGuiApplication::clipboard()->setText(command);
    };
    QObject::connect(hidden, &QAction::triggered, parent, [copy] { copy(AppSettings::redactionRules()); });
    QObject::connect(withSecrets, &QAction::triggered, parent, [copy] { copy(RedactionRules::none()); });
    return {hidden, withSecrets};
}

void HttpResponseView::showProgress(const HttpProgress &progress)
{
    static const char *const phaseNames[] = {
        QT_TR_NOOP("Queued"),  QT_TR_NOOP("Resolving the host name"), QT_TR_NOOP("Connecting"),
        QT_TR_NOOP("TLS handshake"), QT_TR_NOOP("Sending"), QT_TR_NOOP("Waiting for the server"),
        QT_TR_NOOP("Receiving"), QT_TR_NOOP("Done"),
    };
    const int phase = std::clamp(int(progress.phase), 0, int(std::size(phaseNames)) - 1);
    QString text = tr("%1 sent, %2 received").arg(formatBytes(progress.bytesSent), formatBytes(progress.bytesReceived));
    if (progress.phase == ExchangePhase::Receiving && progress.status > 0) {
        // The head is in and the body is still coming (a stream, a slow download): say so
        // with what has come, and show it.
        setStatusChip(tr("%1 · receiving…").arg(progress.status), {});
        text = tr("%1 of body so far").arg(formatBytes(progress.bodyBytes));
        if (progress.chunks > 0)
            text += tr(" in %n chunk(s)", nullptr, int(qMin<qsizetype>(progress.chunks, INT_MAX)));
        showLiveBody(progress);
    } else {
        setStatusChip(tr(phaseNames[phase]) + QStringLiteral("…"), {});
    }
    if (progress.hop > 0)
        text += u' ' + tr("(redirect %1)").arg(progress.hop);
    setSummary(text + u' ' + tr("— Esc stops"));
}

void HttpResponseView::showLiveBody(const HttpProgress &progress)
{
    const QByteArray encoding = progress.contentEncoding.trimmed().toLower();
    const bool encoded = !encoding.isEmpty() && encoding != "identity";
    if (m_liveShown < 0 || progress.hop != m_liveHop) {
        m_pretty->clear();
        m_rawBody->clear();
        m_hex->clear();
        m_image->clear();
        m_bodyMode->setCurrentIndex(int(BodyMode::Raw));
        m_liveShown = 0;
        m_liveHop = progress.hop;
        m_livePending.clear();
    }
    // Whole lines only (streams are line-based: server-sent events, JSON lines), so a UTF-8
    // sequence is never cut; a long run without a line end is shown anyway.
    m_livePending += progress.bodyAdded;
    qsizetype end = m_livePending.lastIndexOf('\n') + 1;
    if (end == 0 && m_livePending.size() >= 64 * 1024)
        end = m_livePending.size();
    if (!encoded && end > 0) {
        QScrollBar *bar = m_rawBody->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        QTextCursor cursor(m_rawBody->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(bytesAsText(m_livePending.first(end), TextDisplayLimit));
        m_liveShown += end;
        m_livePending.remove(0, end);
        if (atEnd)
            bar->setValue(bar->maximum());
    }
    QStringList notes;
    if (!progress.contentType.isEmpty())
        notes.append(QString::fromLatin1(progress.contentType));
    notes.append(tr("arriving: %1 so far").arg(formatBytes(progress.bodyBytes)));
    if (encoded)
        notes.append(tr("%1-encoded: shown decoded when it ends").arg(QString::fromLatin1(encoding)));
    else if (progress.bodyBytes > HttpEngine::liveBodyBytes)
        notes.append(tr("the live view stops at %1; the whole body shows when it ends").arg(formatBytes(HttpEngine::liveBodyBytes)));
    m_bodyNote->setText(notes.join(QStringLiteral("  ·  ")));
}

void HttpResponseView::showRecord(const HttpExchangeRecord &record)
{
    m_record = record;
    m_liveShown = -1;
    m_livePending.clear();
    updateCopyActions();
    const HttpHop *hop = record.finalHop();
    const bool gotResponse = hop && hop->response.status > 0;

    if (gotResponse) {
        const HttpResponse &r = hop->response;
        setStatusChip(QString::number(r.status) + u' ' + QString::fromLatin1(r.reason), statusColor(r.status));
    } else {
        setStatusChip(record.error.kind == &failures::Cancelled ? tr("Cancelled") : tr("Failed"),
                      statusColor(0));
    }

    QStringList parts;
    if (record.startNs >= 0 && record.endNs >= record.startNs)
        parts.append(tr("Time %1").arg(formatDurationNs(record.endNs - record.startNs)));
    if (gotResponse) {
        const HttpResponse &r = hop->response;
        parts.append(tr("Size %1 (headers %2, body %3)")
                         .arg(formatBytes(hop->responseBytes.size()), formatBytes(r.headBytes), formatBytes(r.wireBodyBytes)));
        if (!r.contentCodings.isEmpty())
            parts.append(tr("%1 decoded (%2)")
                             .arg(formatBytes(r.decodedSize()), QString::fromLatin1(r.contentCodings.join(", "))));
        if (r.decodedTruncated)
            parts.append(tr("decoded body truncated at the size limit"));
        if (!r.violations.isEmpty())
            parts.append(tr("%n protocol finding(s), see Headers", nullptr, int(r.violations.size())));
    }
    if (record.hops.size() > 1)
        parts.append(tr("%n redirect(s) followed", nullptr, int(record.hops.size() - 1)));
    if (!record.error.isNull())
        parts.append(record.error.message());
    setSummary(parts.join(QStringLiteral("  ·  ")));

    if (hop) {
        showBody(hop->response);
        m_waterfall->setExchange(record);
        showTls(hop);
    } else {
        showBody({});
        m_waterfall->clear();
        showTls(nullptr);
    }
    showHeaders(record);
    showRaw();
}

void HttpResponseView::showBody(const HttpResponse &response)
{
    const QByteArray &body = response.decodedBody;
    const QByteArray contentType = response.headerValue("Content-Type");
    const bool truncated = body.size() > TextDisplayLimit;
    const QByteArray shown = truncated ? body.left(TextDisplayLimit) : body;

    QString pretty;
    qsizetype repeatedNames = 0;
    const bool json = isJsonContentType(contentType) || body.trimmed().startsWith('{') || body.trimmed().startsWith('[');
    if (json && !truncated) {
        // Indented from the tokens: the members' order, repeated names and number spellings
        // are what the server sent.
        const JsonPretty indented = jsonPretty(body);
        if (indented.ok) {
            pretty = QString::fromUtf8(indented.text);
            repeatedNames = indented.duplicateKeys;
        }
    }
    const QString text = bytesAsText(shown, TextDisplayLimit);
    m_pretty->setPlainText(pretty.isEmpty() ? text : pretty);
    m_rawBody->setPlainText(text);
    m_hex->setPlainText(hexDump(body, HexDisplayLimit));

    QImage image;
    const bool isImage = contentType.trimmed().toLower().startsWith("image/");
    if (isImage)
        image.loadFromData(body);
    m_image->setPixmap(image.isNull() ? QPixmap() : QPixmap::fromImage(image));
    m_image->setText(image.isNull() ? (isImage ? tr("The image could not be decoded.") : tr("Not an image."))
                                    : QString());

    QStringList notes;
    if (!contentType.isEmpty())
        notes.append(QString::fromLatin1(contentType));
    notes.append(formatBytes(body.size()));
    if (repeatedNames > 0)
        notes.append(tr("%n repeated member name(s), each shown where it came", nullptr, int(repeatedNames)));
    if (truncated)
        notes.append(tr("showing the first %1").arg(formatBytes(TextDisplayLimit)));
    m_bodyNote->setText(notes.join(QStringLiteral("  ·  ")));

    BodyMode mode = BodyMode::Raw;
    if (!image.isNull())
        mode = BodyMode::Preview;
    else if (!pretty.isEmpty())
        mode = BodyMode::Pretty;
    else if (!body.isValidUtf8())
        mode = BodyMode::Hex;
    m_bodyMode->setCurrentIndex(int(mode));
}

void HttpResponseView::showHeaders(const HttpExchangeRecord &record)
{
    m_headers->clear();
    const HttpHop *hop = record.finalHop();
    if (!hop) {
        auto *item = new QTreeWidgetItem(m_headers, {record.error.isNull() ? tr("Nothing was sent.")
                                                                                    : record.error.message()});
        item->setFirstColumnSpanned(true);
        return;
    }
    const HttpResponse &r = hop->response;
    if (!r.violations.isEmpty()) {
        QTreeWidgetItem *findings = group(m_headers, tr("Protocol findings (%1)").arg(r.violations.size()));
        for (const Violation &v : r.violations) {
            const QString text = v.kind ? QCoreApplication::translate("Violation", v.kind->text) : v.id();
            auto *item = new QTreeWidgetItem(findings, {v.id(), text + (v.detail.isEmpty() ? QString() : u" (" + v.detail + u')')
                                                                + u"  " + v.rfc()});
            item->setForeground(1, statusColor(v.isError() ? 500 : 400));
        }
    }
    QTreeWidgetItem *req = group(m_headers, tr("Request headers (%1)").arg(hop->request.headers.size()));
    new QTreeWidgetItem(req, {QString::fromLatin1(hop->request.method), QString::fromLatin1(hop->request.target)});
    for (const WireHeader &h : hop->request.headers)
        new QTreeWidgetItem(req, {QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    QTreeWidgetItem *resp = group(m_headers, tr("Response headers (%1)").arg(r.headers.size()));
    if (r.status > 0)
        new QTreeWidgetItem(resp, {QString::fromLatin1(r.version), QString::number(r.status) + u' ' + QString::fromLatin1(r.reason)});
    for (const HttpHeaderField &h : r.headers)
        new QTreeWidgetItem(resp, {QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    if (!r.trailers.isEmpty()) {
        QTreeWidgetItem *trailers = group(m_headers, tr("Trailers (%1)").arg(r.trailers.size()));
        for (const HttpHeaderField &h : r.trailers)
            new QTreeWidgetItem(trailers, {QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    }
    for (const HttpInterimResponse &interim : r.interim) {
        QTreeWidgetItem *item = group(m_headers, tr("Interim response %1 %2").arg(interim.status).arg(QString::fromLatin1(interim.reason)));
        for (const HttpHeaderField &h : interim.headers)
            new QTreeWidgetItem(item, {QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    }
}

void HttpResponseView::showRaw()
{
    QString text;
    const bool hex = m_rawAsHex->isChecked();
    for (qsizetype i = 0; i < m_record.hops.size(); ++i) {
        const HttpHop &hop = m_record.hops.at(i);
        const QString hopNote = m_record.hops.size() > 1 ? tr(" (hop %1 of %2)").arg(i + 1).arg(m_record.hops.size()) : QString();
        // Bytes are "sent" once the socket took them; a request whose connection failed first
        // is shown as what it would have been.
        text += (hop.timings.sendStartNs >= 0 ? tr("── Sent, %1%2 ──") : tr("── Not sent (the connection failed first), %1 prepared%2 ──"))
                    .arg(formatBytes(hop.requestBytes.size()), hopNote)
            + u'\n';
        text += hex ? hexDump(hop.requestBytes, HexDisplayLimit) : bytesAsText(hop.requestBytes, TextDisplayLimit);
        text += u'\n' + tr("── Received, %1%2 ──").arg(formatBytes(hop.responseBytes.size()), hopNote) + u'\n';
        text += hex ? hexDump(hop.responseBytes, HexDisplayLimit) : bytesAsText(hop.responseBytes, TextDisplayLimit);
        text += u'\n';
    }
    m_raw->setPlainText(text);
}

void HttpResponseView::showTls(const HttpHop *hop)
{
    m_tls->clear();
    QTreeWidgetItem *conn = group(m_tls, tr("Connection"));
    if (!hop) {
        new QTreeWidgetItem(conn, {tr("Connection"), tr("None: the request was refused before any connection")});
        return;
    }
    const ConnectionInfo &connection = hop->connection;
    if (!connection.remoteAddress.isEmpty()) {
        new QTreeWidgetItem(conn, {tr("Remote"), connection.remoteAddress + u':' + QString::number(connection.remotePort)});
        new QTreeWidgetItem(conn, {tr("Local"), connection.localAddress + u':' + QString::number(connection.localPort)});
        new QTreeWidgetItem(conn, {tr("Connection"), connection.reused ? tr("#%1, reused (keep-alive)").arg(connection.id)
                                                                       : tr("#%1, new").arg(connection.id)});
    }
    const TlsInfo &tls = connection.tls;
    if (!tls.used) {
        // An https:// request whose handshake did not finish is not plain HTTP.
        if (hop->request.scheme == u"https")
            new QTreeWidgetItem(conn, {tr("TLS"), hop->timings.sslStartNs >= 0
                                                      ? tr("Not established: the handshake started and did not finish")
                                                      : tr("Not established: the connection failed before the handshake")});
        else
            new QTreeWidgetItem(conn, {tr("TLS"), tr("Not used: plain HTTP, every byte is readable on the wire")});
        return;
    }
    new QTreeWidgetItem(conn, {tr("Protocol"), tls.protocol});
    new QTreeWidgetItem(conn, {tr("Cipher"), tls.cipher});
    new QTreeWidgetItem(conn, {tr("ALPN"), tls.alpn.isEmpty() ? tr("none") : QString::fromLatin1(tls.alpn)});

    QTreeWidgetItem *errors = group(m_tls, tls.errors.isEmpty() ? tr("Certificate verification: passed")
                                                                 : tr("Certificate errors (%1)%2")
                                                                       .arg(tls.errors.size())
                                                                       .arg(tls.errorsIgnored ? tr(", ignored on request") : QString()));
    for (const TlsErrorInfo &e : tls.errors) {
        auto *item = new QTreeWidgetItem(errors, {e.id, e.message});
        item->setForeground(1, statusColor(500));
    }
    QTreeWidgetItem *chain = group(m_tls, tr("Certificate chain (%1)").arg(tls.chain.size()));
    for (qsizetype i = 0; i < tls.chain.size(); ++i) {
        const TlsCertificateInfo &c = tls.chain.at(i);
        auto *cert = new QTreeWidgetItem(chain, {tr("#%1").arg(i), c.subject});
        new QTreeWidgetItem(cert, {tr("Subject"), c.subject});
        new QTreeWidgetItem(cert, {tr("Issuer"), c.issuer});
        new QTreeWidgetItem(cert, {tr("Valid from"), c.notBefore.toString(Qt::ISODate)});
        new QTreeWidgetItem(cert, {tr("Valid until"), c.notAfter.toString(Qt::ISODate)});
        if (!c.subjectAltNames.isEmpty())
            new QTreeWidgetItem(cert, {tr("Alternative names"), c.subjectAltNames.join(QStringLiteral(", "))});
        new QTreeWidgetItem(cert, {tr("SHA-256"), QString::fromLatin1(c.sha256)});
        cert->setExpanded(i == 0);
    }
}

QString HttpResponseView::hexDump(const QByteArray &bytes, qint64 maxBytes)
{
    const qint64 n = std::min<qint64>(bytes.size(), maxBytes);
    QString out;
    out.reserve(int(n / 16 + 1) * 80);
    for (qint64 row = 0; row < n; row += 16) {
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qint64 i = row; i < row + 16; ++i) {
            if (i < n) {
                const auto b = quint8(bytes.at(i));
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QChar(char16_t(b)) : QChar(u'.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == row + 7)
                out += u' ';
        }
        out += u' ' + ascii + u'\n';
    }
    if (bytes.size() > n)
        out += QCoreApplication::translate("HttpResponseView", "… %1 more not shown").arg(formatBytes(bytes.size() - n)) + u'\n';
    return out;
}

QString HttpResponseView::bytesAsText(const QByteArray &bytes, qint64 maxBytes)
{
    const QByteArray shown = bytes.left(maxBytes);
    QString decoded = QString::fromUtf8(shown);
    QString out;
    out.reserve(decoded.size());
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        const QChar c = decoded.at(i);
        if (c == u'\r' && i + 1 < decoded.size() && decoded.at(i + 1) == u'\n')
            continue; // CRLF shows as one line break
        if (c == u'\n' || c == u'\t' || c.unicode() >= 0x20)
            out += c;
        else
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > shown.size())
        out += u'\n' + QCoreApplication::translate("HttpResponseView", "… %1 more not shown").arg(formatBytes(bytes.size() - shown.size()));
    return out;
}

} // namespace wirescope
