#include "ui/app/aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace wirescope {

AboutDialog::AboutDialog(const QString &demoServerText, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Wirescope"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setOpenExternalLinks(false);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setText(tr("<h2>Wirescope %1</h2>"
                     "<p>An inspector for HTTP/1.1 and WebSocket: compose requests, hold WebSocket "
                     "conversations and see every byte, frame, header and timing as it crosses the wire.</p>"
                     "<p>Built with Qt %2, running on Qt %3.</p>"
                     "<p>%4</p>")
                      .arg(QApplication::applicationVersion().toHtmlEscaped(), QStringLiteral(QT_VERSION_STR),
                           QString::fromLatin1(qVersion()), demoServerText.toHtmlEscaped()));
    text->setMinimumWidth(360);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
}

} // namespace wirescope
