#include "ui/http/httprequesttab.h"

#include "core/net/httpengine.h"
#include "ui/common/noteactions.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httpresponseview.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace wirescope {

namespace {
constexpr qint64 MaxBodyFileBytes = 512LL * 1024 * 1024; // a body file larger than this is refused, not loaded
}

HttpRequestTab::HttpRequestTab(HttpEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_composer(new HttpComposer(this))
    , m_response(new HttpResponseView(this))
    , m_note(NoteActions::createBanner(this))
{
    auto *responsePane = new QWidget(this);
    auto *responseLayout = new QVBoxLayout(responsePane);
    responseLayout->setContentsMargins(0, 0, 0, 0);
    responseLayout->setSpacing(2);
    responseLayout->addWidget(m_note);
    responseLayout->addWidget(m_response, 1);
    m_splitter->addWidget(m_composer);
    m_splitter->addWidget(responsePane);
    m_splitter->setChildrenCollapsible(false);
    // The answer gets most of the height; the composer's tables scroll.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
    setFocusProxy(m_composer);

    connect(m_composer, &HttpComposer::sendRequested, this, &HttpRequestTab::send);
    connect(m_composer, &HttpComposer::cancelRequested, this, &HttpRequestTab::cancel);
    connect(m_composer, &HttpComposer::titleChanged, this, &HttpRequestTab::titleChanged);
    connect(m_composer, &HttpComposer::manageEnvironmentsRequested, this, &HttpRequestTab::manageEnvironmentsRequested);
}

HttpRequestTab::~HttpRequestTab()
{
    cancel();
}

bool HttpRequestTab::isPristine() const
{
    return !m_sentOnce && !isRunning();
}

void HttpRequestTab::setEnvironments(const QList<Environment> &environments)
{
    QComboBox *box = m_composer->environmentBox();
    const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
    m_environments = environments;
    box->clear();
    box->addItem(tr("No environment"));
    for (const Environment &env : environments)
        box->addItem(env.name);
    const int found = current.isEmpty() ? -1 : box->findText(current);
    box->setCurrentIndex(found > 0 ? found : 0);
}

void HttpRequestTab::setRequest(const HttpRequest &request)
{
    m_composer->setRequest(request);
}

void HttpRequestTab::showRecord(const HttpExchangeRecord &record)
{
    m_response->showRecord(record);
}

void HttpRequestTab::showNote(const SessionAnnotation &annotation)
{
    NoteActions::showOnBanner(m_note, annotation);
}

VariableScope HttpRequestTab::currentScope() const
{
    const int index = m_composer->environmentBox()->currentIndex() - 1; // 0 is "No environment"
    VariableScope scope;
    if (index >= 0 && index < m_environments.size())
        scope.addEnvironment(m_environments.at(index));
    return scope;
}

void HttpRequestTab::send()
{
    if (isRunning())
        return;
    const HttpRequest request = m_composer->request();
    if (request.url().trimmed().isEmpty()) {
        m_composer->showProblem(tr("Enter a URL first."));
        m_response->showNotSent(tr("Enter a URL first."));
        m_composer->urlEdit()->setFocus();
        return;
    }
    const VariableScope scope = currentScope();
    // Check everything before a byte leaves: unresolved {{variables}}, a bad URL, a file.
    const PreparedRequest prepared = prepareRequest(request, scope, [](const QString &path) -> std::optional<QByteArray> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > MaxBodyFileBytes)
            return std::nullopt;
        return file.readAll();
    });
    if (!prepared.isValid()) {
        QStringList problems;
        if (!prepared.unresolvedVariables.isEmpty()) {
            QStringList names;
            for (const QString &name : prepared.unresolvedVariables)
                names.append(QStringLiteral("{{") + name + QStringLiteral("}}"));
            problems.append(tr("Not sent: no value for %1 in the selected environment.").arg(names.join(QStringLiteral(", "))));
        }
        for (const QString &error : prepared.errors)
            problems.append(tr("Not sent: %1").arg(error));
        m_composer->showProblem(problems.join(u' '));
        m_response->showNotSent(problems.join(u' '));
        return;
    }
    m_composer->showProblem({});

    if (!m_engine)
        return;
    m_exchangeId = m_engine->start(request, m_composer->options(), scope);
    m_sentOnce = true;
    m_composer->setBusy(true);
    m_response->showProgress({});
    emit runningChanged(true);
}

void HttpRequestTab::cancel()
{
    // Queued: the tab stays busy until the engine reports the cancelled exchange.
    if (m_engine && m_exchangeId != 0)
        m_engine->cancel(m_exchangeId);
}

void HttpRequestTab::showProgress(const HttpProgress &progress)
{
    m_response->showProgress(progress);
}

void HttpRequestTab::finish(const HttpExchangeRecord &record)
{
    m_exchangeId = 0;
    m_composer->setBusy(false);
    m_response->showRecord(record);
    emit runningChanged(false);
}

} // namespace wirescope
