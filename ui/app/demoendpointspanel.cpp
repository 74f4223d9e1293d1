#include "ui/app/demoendpointspanel.h"

#include "ui/app/demoendpointsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QTableView>
#include <QVBoxLayout>

namespace wirescope {

DemoEndpointsPanel::DemoEndpointsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DemoEndpointsModel(this))
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
    , m_copyButton(new QPushButton(tr("&Copy URL"), this))
    , m_openButton(new QPushButton(tr("&Open"), this))
{
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(int(DemoEndpointsModel::Column::Method), QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(int(DemoEndpointsModel::Column::Path), QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(int(DemoEndpointsModel::Column::Description), QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Demo server endpoints"));

    m_copyButton->setIcon(QIcon(QStringLiteral(":/ui/icons/copy.svg")));
    m_openButton->setIcon(QIcon(QStringLiteral(":/ui/icons/open.svg")));
    m_copyButton->setToolTip(tr("Copy the selected endpoint's URL to the clipboard"));
    m_openButton->setToolTip(tr("Open the selected endpoint in the HTTP composer or the WebSocket console (Enter)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_openButton);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { open(index.row()); });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) { open(index.row()); });
    connect(m_copyButton, &QPushButton::clicked, this, [this] { copyUrl(currentRow()); });
    connect(m_openButton, &QPushButton::clicked, this, [this] { open(currentRow()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &DemoEndpointsPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DemoEndpointsPanel::updateButtons);
    setServer({}, {});
}

void DemoEndpointsPanel::setServer(const QUrl &httpBase, const QUrl &wsBase, const QString &notRunningReason)
{
    m_model->setBaseUrls(httpBase, wsBase);
    if (httpBase.isValid()) {
        m_status->setText(tr("The built-in demo server answers at <b>%1</b> and <b>%2</b>. "
                             "Double-click an endpoint to open it.")
                              .arg(httpBase.toString().toHtmlEscaped(), wsBase.toString().toHtmlEscaped()));
        m_view->selectRow(0);
    } else {
        m_status->setText(notRunningReason.isEmpty()
                              ? tr("The demo server is not running. Turn it on in Edit > Preferences.")
                              : notRunningReason);
    }
    updateButtons();
}

void DemoEndpointsPanel::resizeEvent(QResizeEvent *event)
{
    // In a narrow dock the path matters most; the description stays in each row's tooltip.
    const bool narrow = event->size().width() < 420;
    m_view->setColumnHidden(int(DemoEndpointsModel::Column::Description), narrow);
    m_view->horizontalHeader()->setSectionResizeMode(int(DemoEndpointsModel::Column::Path),
                                                     narrow ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    QWidget::resizeEvent(event);
}

int DemoEndpointsPanel::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void DemoEndpointsPanel::updateButtons()
{
    const bool any = currentRow() >= 0;
    m_copyButton->setEnabled(any);
    m_openButton->setEnabled(any);
    m_view->setEnabled(m_model->rowCount() > 0);
}

void DemoEndpointsPanel::copyUrl(int row)
{
    const QUrl url = m_model->urlAt(row);
    if (url.isValid())
        QApplication::clipboard()->setText(url.toString());
}

void DemoEndpointsPanel::open(int row)
{
    const QUrl url = m_model->urlAt(row);
    if (!url.isValid())
        return;
    if (m_model->isWebSocketAt(row))
        emit openWebSocketRequested(url);
    else
        emit openHttpRequested(m_model->methodAt(row), url);
}

} // namespace wirescope
