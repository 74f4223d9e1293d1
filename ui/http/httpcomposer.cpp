#include "ui/http/httpcomposer.h"

#include "core/wire/curlcommand.h"
#include "core/wire/jsonpretty.h"

#include "ui/common/units.h"
#include "ui/http/jsonhighlighter.h"
#include "ui/http/keyvalueeditor.h"
#include "ui/http/keyvaluemodel.h"
#include "ui/widgets/payloadeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace wirescope {

namespace {

// A body editor that takes a multi-MiB paste or file without freezing (kept as bytes).
PayloadEditor *codeEditor(QWidget *parent)
{
    auto *edit = new PayloadEditor(parent);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    return edit;
}

} // namespace

HttpComposer::HttpComposer(QWidget *parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_environment(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_params(new KeyValueModel(this))
    , m_headers(new KeyValueModel(this))
{
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->setAccessibleName(tr("Method"));
    m_method->setToolTip(tr("Request method; any token can be typed (RFC 9110 §9)"));
    m_method->setMinimumContentsLength(7);

    m_url->setPlaceholderText(tr("Enter a URL, e.g. http://127.0.0.1:8080/get?name={{value}}"));
    m_url->setAccessibleName(tr("URL"));
    m_url->setClearButtonEnabled(true);
    m_url->setToolTip(tr("Enter or Ctrl+Enter sends, Esc cancels"));

    m_send->setAccessibleName(tr("Send request"));
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    m_send->setIcon(QIcon(QStringLiteral(":/ui/icons/send.svg")));
    m_send->setMinimumWidth(m_send->fontMetrics().horizontalAdvance(tr("Cancel")) + 56);

    m_environment->setAccessibleName(tr("Environment"));
    m_environment->setToolTip(tr("The environment whose {{variables}} the request uses"));
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *manageEnv = new QToolButton(this);
    manageEnv->setText(tr("..."));
    manageEnv->setToolTip(tr("Edit environments"));
    manageEnv->setAccessibleName(tr("Edit environments"));
    connect(manageEnv, &QToolButton::clicked, this, &HttpComposer::manageEnvironmentsRequested);

    auto *urlRow = new QHBoxLayout;
    urlRow->setSpacing(4);
    urlRow->addWidget(m_method);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_send);

    auto *envRow = new QHBoxLayout;
    auto *envLabel = new QLabel(tr("E&nvironment:"), this);
    envLabel->setBuddy(m_environment);
    envRow->addWidget(envLabel);
    envRow->addWidget(m_environment);
    envRow->addWidget(manageEnv);
    envRow->addSpacing(12);
    envRow->addWidget(m_problem, 1);

    QPalette warn = m_problem->palette();
    warn.setColor(QPalette::WindowText, QColor(0xd1, 0x3b, 0x2f));
    m_problem->setPalette(warn);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem with the request"));

    // Params
    m_params->setColumnTitles(tr("Parameter"), tr("Value"));
    auto *paramsEditor = new KeyValueEditor(m_params, this);
    paramsEditor->setAccessibleName(tr("Query parameters"));
    m_tabs->addTab(paramsEditor, tr("&Params"));

    // Headers
    m_headers->setColumnTitles(tr("Header"), tr("Value"));
    auto *headersEditor = new KeyValueEditor(m_headers, this);
    headersEditor->setNameCompletions(KeyValueEditor::commonRequestHeaders());
    headersEditor->setAccessibleName(tr("Request headers"));
    auto *headersPage = new QWidget(this);
    auto *headersLayout = new QVBoxLayout(headersPage);
    headersLayout->setContentsMargins(0, 0, 0, 0);
    headersLayout->addWidget(headersEditor, 1);
    auto *headersHint = new QLabel(tr("Host, Content-Length, Content-Type and Authorization are added when you do not set them."),
                                   headersPage);
    headersHint->setWordWrap(true);
    headersLayout->addWidget(headersHint);
    m_tabs->addTab(headersPage, tr("&Headers"));

    m_tabs->addTab(createBodyTab(), tr("&Body"));
    m_tabs->addTab(createAuthTab(), tr("&Auth"));
    m_tabs->addTab(createSettingsTab(), tr("Se&ttings"));
    m_tabs->setAccessibleName(tr("Request parts"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(urlRow);
    layout->addLayout(envRow);
    layout->addWidget(m_tabs, 1);

    connect(m_url, &QLineEdit::textEdited, this, &HttpComposer::urlEdited);
    connect(m_url, &QLineEdit::returnPressed, this, [this] {
        if (!m_busy)
            emit sendRequested();
    });
    connect(m_send, &QPushButton::clicked, this, &HttpComposer::sendOrCancel);
    connect(m_params, &KeyValueModel::rowsEdited, this, &HttpComposer::paramsEdited);
    connect(m_method, &QComboBox::currentTextChanged, this, &HttpComposer::updateTitle);

    // Ctrl+Enter (send) and Esc (cancel) are HttpWorkspace actions, scoped to the workspace.
    setTabOrder(m_method, m_url);
    setTabOrder(m_url, m_send);
    setTabOrder(m_send, m_environment);
    setTabOrder(m_environment, manageEnv);
    setTabOrder(manageEnv, m_tabs);
    setFocusProxy(m_url);
}

HttpComposer::~HttpComposer()
{
    // An editor still open commits while the children are torn down; nothing of this
    // object may react to it any more.
    m_params->disconnect(this);
    m_headers->disconnect(this);
    m_method->disconnect(this);
}

void HttpComposer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        m_jsonHighlighter->updateColors();
    QWidget::changeEvent(event);
}

QWidget *HttpComposer::createBodyTab()
{
    auto *page = new QWidget(this);
    m_bodyKind = new QComboBox(page);
    // Same order as BodyKind.
    m_bodyKind->addItems({tr("None"), tr("Raw"), tr("JSON"), tr("Form (URL-encoded)"), tr("Multipart form"), tr("File")});
    m_bodyKind->setAccessibleName(tr("Body type"));
    m_bodyStack = new QStackedWidget(page);

    auto *none = new QLabel(tr("This request has no body."), page);
    none->setAlignment(Qt::AlignCenter);
    m_bodyStack->addWidget(none);

    auto *raw = new QWidget(page);
    m_rawContentType = new QComboBox(raw);
    m_rawContentType->setEditable(true);
    m_rawContentType->addItems({QStringLiteral("text/plain; charset=utf-8"), QStringLiteral("application/xml"),
                                QStringLiteral("text/html; charset=utf-8"), QStringLiteral("application/octet-stream"),
                                QString()});
    m_rawContentType->setAccessibleName(tr("Content type of the raw body"));
    m_rawText = codeEditor(raw);
    m_rawText->setAccessibleName(tr("Raw body"));
    auto *rawLayout = new QFormLayout(raw);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addRow(tr("Content-&Type:"), m_rawContentType);
    rawLayout->addRow(m_rawText);
    auto *rawLoad = new QPushButton(tr("&Load from File..."), raw);
    rawLoad->setToolTip(tr("Use a text file as the body, exactly as it is (any size)"));
    connect(rawLoad, &QPushButton::clicked, m_rawText, &PayloadEditor::chooseFile);
    connect(m_rawText, &PayloadEditor::factsChanged, this, &HttpComposer::checkRawText);
    connect(m_rawText, &PayloadEditor::fileLoadFailed, this, &HttpComposer::showProblem);
    rawLayout->addRow(rawLoad);
    m_bodyStack->addWidget(raw);

    auto *json = new QWidget(page);
    m_jsonText = codeEditor(json);
    m_jsonText->setAccessibleName(tr("JSON body"));
    m_jsonHighlighter = new JsonHighlighter(m_jsonText->document());
    m_jsonText->setHighlighter(m_jsonHighlighter);
    m_jsonText->setCheck(PayloadEditor::Check::Json);
    m_jsonStatus = new QLabel(json);
    m_format = new QPushButton(tr("&Format"), json);
    m_format->setToolTip(tr("Pretty-print the JSON"));
    auto *jsonLoad = new QPushButton(tr("Load from F&ile..."), json);
    jsonLoad->setToolTip(tr("Use a JSON file as the body, exactly as it is (any size)"));
    connect(jsonLoad, &QPushButton::clicked, m_jsonText, &PayloadEditor::chooseFile);
    connect(m_jsonText, &PayloadEditor::fileLoadFailed, this, &HttpComposer::showProblem);
    auto *jsonBar = new QHBoxLayout;
    jsonBar->addWidget(m_jsonStatus, 1);
    jsonBar->addWidget(jsonLoad);
    jsonBar->addWidget(m_format);
    auto *jsonLayout = new QVBoxLayout(json);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_jsonText, 1);
    jsonLayout->addLayout(jsonBar);
    connect(m_jsonText, &PayloadEditor::factsChanged, this, &HttpComposer::validateJson);
    connect(m_format, &QPushButton::clicked, this, &HttpComposer::formatJson);
    m_bodyStack->addWidget(json);

    m_formFields = new KeyValueModel(this);
    m_formFields->setColumnTitles(tr("Field"), tr("Value"));
    auto *formEditor = new KeyValueEditor(m_formFields, page);
    formEditor->setAccessibleName(tr("Form fields"));
    m_bodyStack->addWidget(formEditor);

    auto *multipart = new QWidget(page);
    m_multipartFields = new KeyValueModel(this);
    m_multipartFields->setColumnTitles(tr("Part name"), tr("Value, or @path for a file"));
    auto *multipartEditor = new KeyValueEditor(m_multipartFields, multipart);
    multipartEditor->setAccessibleName(tr("Multipart parts"));
    auto *addFile = new QPushButton(tr("Add &File Part..."), multipart);
    connect(addFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a File to Send"));
        if (!path.isEmpty())
            m_multipartFields->appendRow({QStringLiteral("file"), u'@' + path, true});
    });
    auto *multipartLayout = new QVBoxLayout(multipart);
    multipartLayout->setContentsMargins(0, 0, 0, 0);
    multipartLayout->addWidget(multipartEditor, 1);
    multipartLayout->addWidget(addFile, 0, Qt::AlignLeft);
    m_bodyStack->addWidget(multipart);

    auto *file = new QWidget(page);
    m_filePath = new QLineEdit(file);
    m_filePath->setAccessibleName(tr("File to send as the body"));
    auto *browse = new QPushButton(tr("&Browse..."), file);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a File to Send"));
        if (!path.isEmpty())
            m_filePath->setText(path);
    });
    m_fileContentType = new QLineEdit(file);
    m_fileContentType->setPlaceholderText(QStringLiteral("application/octet-stream"));
    m_fileContentType->setAccessibleName(tr("Content type of the file"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_filePath, 1);
    pathRow->addWidget(browse);
    auto *fileLayout = new QFormLayout(file);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addRow(tr("F&ile:"), pathRow);
    fileLayout->addRow(tr("Content-T&ype:"), m_fileContentType);
    m_bodyStack->addWidget(file);

    connect(m_bodyKind, &QComboBox::currentIndexChanged, m_bodyStack, &QStackedWidget::setCurrentIndex);

    auto *kindRow = new QHBoxLayout;
    auto *kindLabel = new QLabel(tr("T&ype:"), page);
    kindLabel->setBuddy(m_bodyKind);
    kindRow->addWidget(kindLabel);
    kindRow->addWidget(m_bodyKind);
    kindRow->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(kindRow);
    layout->addWidget(m_bodyStack, 1);
    validateJson();
    return page;
}

QWidget *HttpComposer::createAuthTab()
{
    auto *page = new QWidget(this);
    m_authKind = new QComboBox(page);
    m_authKind->addItems({tr("None"), tr("Basic (RFC 7617)"), tr("Bearer token (RFC 6750)")}); // same order as AuthKind
    m_authKind->setAccessibleName(tr("Authentication type"));
    m_authStack = new QStackedWidget(page);

    auto *none = new QLabel(tr("No Authorization header is added."), page);
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_authStack->addWidget(none);

    auto *basic = new QWidget(page);
    m_user = new QLineEdit(basic);
    m_user->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(basic);
    m_password->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_password->setAccessibleName(tr("Password"));
    auto *basicLayout = new QFormLayout(basic);
    basicLayout->addRow(tr("&User name:"), m_user);
    basicLayout->addRow(tr("Pass&word:"), m_password);
    m_authStack->addWidget(basic);

    auto *bearer = new QWidget(page);
    m_token = new QLineEdit(bearer);
    m_token->setAccessibleName(tr("Bearer token"));
    auto *bearerLayout = new QFormLayout(bearer);
    bearerLayout->addRow(tr("T&oken:"), m_token);
    m_authStack->addWidget(bearer);

    connect(m_authKind, &QComboBox::currentIndexChanged, m_authStack, &QStackedWidget::setCurrentIndex);
    auto *layout = new QFormLayout(page);
    layout->addRow(tr("&Type:"), m_authKind);
    layout->addRow(m_authStack);
    return page;
}

QWidget *HttpComposer::createSettingsTab()
{
    auto *page = new QWidget(this);
    const HttpRequestOptions defaults;
    m_followRedirects = new QCheckBox(tr("&Follow redirects (every hop stays visible in Raw)"), page);
    m_maxRedirects = new QSpinBox(page);
    m_maxRedirects->setRange(1, 50);
    m_maxRedirects->setAccessibleName(tr("Maximum number of redirects"));
    m_ignoreCertErrors = new QCheckBox(tr("&Ignore TLS certificate errors (they are still listed in TLS)"), page);
    m_acceptCompressed = new QCheckBox(tr("Ask for &compression (Accept-Encoding: gzip, deflate, br)"), page);
    m_reuseConnections = new QCheckBox(tr("&Reuse connections (keep-alive)"), page);
    m_timeout = new QSpinBox(page);
    m_timeout->setRange(0, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("None"));
    m_timeout->setAccessibleName(tr("Timeout of the whole exchange"));
    connect(m_followRedirects, &QCheckBox::toggled, m_maxRedirects, &QSpinBox::setEnabled);

    auto *layout = new QFormLayout(page);
    layout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    layout->addRow(m_followRedirects);
    layout->addRow(tr("Ma&ximum redirects:"), m_maxRedirects);
    layout->addRow(m_ignoreCertErrors);
    layout->addRow(m_acceptCompressed);
    layout->addRow(m_reuseConnections);
    layout->addRow(tr("Time&out:"), m_timeout);
    HttpRequestOptions initial = defaults;
    initial.followRedirects = true; // as browsers and Postman do
    setOptions(initial);
    return page;
}

HttpRequestOptions HttpComposer::options() const
{
    HttpRequestOptions options;
    options.followRedirects = m_followRedirects->isChecked();
    options.maxRedirects = m_maxRedirects->value();
    options.ignoreCertificateErrors = m_ignoreCertErrors->isChecked();
    options.acceptCompressed = m_acceptCompressed->isChecked();
    options.reuseConnections = m_reuseConnections->isChecked();
    options.totalTimeoutMs = m_timeout->value() * 1000;
    return options;
}

void HttpComposer::setOptions(const HttpRequestOptions &options)
{
    m_followRedirects->setChecked(options.followRedirects);
    m_maxRedirects->setValue(options.maxRedirects);
    m_maxRedirects->setEnabled(options.followRedirects);
    m_ignoreCertErrors->setChecked(options.ignoreCertificateErrors);
    m_acceptCompressed->setChecked(options.acceptCompressed);
    m_reuseConnections->setChecked(options.reuseConnections);
    m_timeout->setValue(options.totalTimeoutMs / 1000);
}

void HttpComposer::urlEdited(const QString &text)
{
    // A curl command pasted (or dropped) into the URL bar fills the whole composer instead
    // of becoming a URL; typing "curl" by hand is a URL like any other.
    const QString before = m_request.url();
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < text.size() && before[prefix] == text[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < text.size() - prefix
           && before[before.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    const QString inserted = text.mid(prefix, text.size() - prefix - suffix);
    if (inserted.size() > 1 && CurlCommand::looksLikeCurl(inserted)) {
        m_url->setText(before);
        importCurl(inserted);
        return;
    }
    m_request.setUrl(text);
    m_params->setRows(m_request.queryParams());
    showProblem({});
    updateTitle();
}

void HttpComposer::paramsEdited()
{
    m_request.setQueryParams(m_params->rows());
    const int cursor = m_url->cursorPosition();
    m_url->setText(m_request.url());
    m_url->setCursorPosition(std::min<int>(cursor, int(m_request.url().size())));
    updateTitle();
}

HttpRequest HttpComposer::request() const
{
    HttpRequest request = m_request;
    request.setMethod(m_method->currentText().trimmed());
    request.setHeaders(m_headers->rows());

    HttpBody body;
    body.kind = BodyKind(m_bodyKind->currentIndex());
    switch (body.kind) {
    case BodyKind::Raw:
        body.text = QString::fromUtf8(m_rawText->bytes());
        body.rawContentType = m_rawContentType->currentText().trimmed();
        break;
    case BodyKind::Json:
        body.text = QString::fromUtf8(m_jsonText->bytes());
        break;
    case BodyKind::UrlEncoded:
        body.formFields = m_formFields->rows();
        break;
    case BodyKind::Multipart:
        for (const KeyValueRow &row : m_multipartFields->rows()) {
            MultipartPart part;
            part.name = row.name;
            part.enabled = row.enabled;
            if (row.value.startsWith(u'@'))
                part.filePath = row.value.mid(1); // curl -F convention: @path sends the file
            else
                part.value = row.value;
            body.parts.append(part);
        }
        break;
    case BodyKind::BinaryFile:
        body.binaryFilePath = m_filePath->text();
        body.binaryContentType = m_fileContentType->text().trimmed();
        break;
    case BodyKind::None:
        break;
    }
    request.setBody(body);

    HttpAuth auth;
    auth.kind = AuthKind(m_authKind->currentIndex());
    auth.username = m_user->text();
    auth.password = m_password->text();
    auth.token = m_token->text();
    request.setAuth(auth);
    return request;
}

void HttpComposer::setRequest(const HttpRequest &request)
{
    m_request = request;
    m_method->setCurrentText(request.method());
    m_url->setText(request.url());
    m_params->setRows(request.queryParams());
    m_headers->setRows(request.headers());

    const HttpBody &body = request.body();
    m_bodyKind->setCurrentIndex(int(body.kind));
    m_rawText->setText(body.kind == BodyKind::Raw ? body.text : QString());
    if (body.kind == BodyKind::Raw)
        m_rawContentType->setCurrentText(body.rawContentType);
    m_jsonText->setText(body.kind == BodyKind::Json ? body.text : QString());
    m_formFields->setRows(body.formFields);
    QList<KeyValueRow> parts;
    for (const MultipartPart &part : body.parts)
        parts.append({part.name, part.filePath.isEmpty() ? part.value : u'@' + part.filePath, part.enabled});
    m_multipartFields->setRows(parts);
    m_filePath->setText(body.binaryFilePath);
    m_fileContentType->setText(body.binaryContentType);

    const HttpAuth &auth = request.auth();
    m_authKind->setCurrentIndex(int(auth.kind));
    m_user->setText(auth.username);
    m_password->setText(auth.password);
    m_token->setText(auth.token);
    showProblem({});
    updateTitle();
}

bool HttpComposer::importCurl(const QString &text)
{
    const CurlCommand command = CurlCommand::parse(text);
    if (!command.ok()) {
        showProblem(tr("Not imported: %1").arg(command.error));
        return false;
    }
    setRequest(command.request());
    HttpRequestOptions settings = options();
    settings.followRedirects = command.followRedirects;
    if (command.maxRedirects > 0)
        settings.maxRedirects = command.maxRedirects;
    settings.ignoreCertificateErrors = command.insecure;
    settings.acceptCompressed = command.compressed;
    setOptions(settings);
    QStringList warnings = command.warnings;
    if (command.hasBody && !command.bodyIsText())
        warnings.append(tr("the body has bytes that are not UTF-8 text; the editor shows them replaced"));
    if (!warnings.isEmpty())
        showProblem(tr("Imported from curl with %n warning(s): %1", nullptr, int(warnings.size()))
                        .arg(warnings.join(QStringLiteral("; "))));
    return true;
}

void HttpComposer::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setText(busy ? tr("Cancel") : tr("&Send"));
    m_send->setIcon(QIcon(busy ? QStringLiteral(":/ui/icons/cancel.svg") : QStringLiteral(":/ui/icons/send.svg")));
    m_send->setAccessibleName(busy ? tr("Cancel request") : tr("Send request"));
    m_send->setToolTip(busy ? tr("Cancel the running request (Esc)") : tr("Send the request (Enter or Ctrl+Enter)"));
}

void HttpComposer::showProblem(const QString &text)
{
    m_problem->setText(text);
}

void HttpComposer::sendOrCancel()
{
    if (m_busy)
        emit cancelRequested();
    else
        emit sendRequested();
}

void HttpComposer::validateJson()
{
    const PayloadFacts &facts = m_jsonText->facts();
    // Formatting lays the whole text out in the editor: not for a payload kept as bytes.
    const bool large = m_jsonText->isKept() || facts.bytes > PayloadEditor::LargeBytes;
    m_format->setEnabled(!large && !m_jsonText->pending() && facts.jsonError.isEmpty() && !facts.blank);
    m_format->setToolTip(large ? tr("Too large to format in the editor (%1)").arg(formatBytes(facts.bytes))
                               : tr("Pretty-print the JSON"));
    if (m_jsonText->pending()) {
        m_jsonStatus->setText(tr("Checking %1...").arg(formatBytes(facts.bytes)));
        return;
    }
    if (facts.blank) {
        m_jsonStatus->setText(tr("Empty body"));
        return;
    }
    if (facts.jsonError.isEmpty()) {
        m_jsonStatus->setText(large ? tr("Valid JSON, %1").arg(formatBytes(facts.bytes)) : tr("Valid JSON"));
        return;
    }
    // {{variables}} make the text invalid JSON until resolved; say so instead of alarming.
    if (facts.containsVariables)
        m_jsonStatus->setText(tr("Contains {{variables}}: checked after they are resolved"));
    else
        m_jsonStatus->setText(facts.jsonError);
}

void HttpComposer::checkRawText()
{
    // The body is sent as UTF-8 text: a file that is not would be changed on the way.
    if (!m_rawText->pending() && !m_rawText->facts().utf8)
        showProblem(tr("%1 is not UTF-8 text: the File body type sends it unchanged").arg(m_rawText->fileName()));
}

void HttpComposer::formatJson()
{
    // Whitespace only: the user's member order, repeated names and number spellings stay.
    const JsonPretty indented = jsonPretty(m_jsonText->bytes());
    if (indented.ok)
        m_jsonText->setBytes(indented.text);
}

void HttpComposer::updateTitle()
{
    QString url = m_request.url();
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme >= 0)
        url = url.mid(scheme + 3);
    emit titleChanged(url.isEmpty() ? tr("New request") : m_method->currentText() + u' ' + url);
}

} // namespace wirescope
