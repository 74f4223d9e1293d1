#include "ui/ws/wscomposer.h"

#include "ui/common/units.h"
#include "ui/widgets/payloadeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace wirescope {

WsComposer::WsComposer(QWidget *parent)
    : QWidget(parent)
    , m_modeBox(new QComboBox(this))
    , m_editor(new PayloadEditor(this))
    , m_status(new QLabel(this))
    , m_fragments(new QSpinBox(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_ping(new QPushButton(tr("P&ing"), this))
    , m_loadFile(new QPushButton(tr("&Load from File..."), this))
    , m_autoPing(new QSpinBox(this))
    , m_craft(new QCheckBox(tr("&Craft mode"), this))
    , m_craftPanel(new QFrame(this))
    , m_fin(new QCheckBox(tr("FIN"), m_craftPanel))
    , m_opcode(new QComboBox(m_craftPanel))
    , m_mask(new QCheckBox(tr("MASK"), m_craftPanel))
    , m_lengthBox(new QComboBox(m_craftPanel))
{
    m_modeBox->addItem(tr("Text"), int(Mode::Text));
    m_modeBox->addItem(tr("JSON"), int(Mode::Json));
    m_modeBox->addItem(tr("Binary (hex)"), int(Mode::Binary));
    m_modeBox->setAccessibleName(tr("Message type"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("Message to send (Ctrl+Enter sends)"));
    m_editor->setAccessibleName(tr("Message to send"));
    m_editor->setMinimumHeight(m_editor->fontMetrics().lineSpacing() * 2 + 10); // two lines at least
    m_editor->setTabChangesFocus(true);
    // Pings on a timer feed the round-trip chart without clicking Ping again and again.
    m_autoPing->setRange(0, 3600);
    m_autoPing->setSpecialValueText(tr("Auto-ping off"));
    m_autoPing->setPrefix(tr("ping every "));
    m_autoPing->setSuffix(tr(" s"));
    m_autoPing->setAccessibleName(tr("Automatic ping interval"));
    m_autoPing->setToolTip(tr("Send a ping this often while connected; each pong's round trip goes to the log and the "
                              "Ping round trip chart. Takes effect at once."));
    m_fragments->setRange(1, 1000);
    m_fragments->setPrefix(tr("in "));
    m_fragments->setSuffix(tr(" fragment(s)"));
    m_fragments->setAccessibleName(tr("Number of fragments"));
    m_fragments->setToolTip(tr("RFC 6455 §5.4: split the message into this many frames"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the message (Ctrl+Enter)"));
    m_ping->setToolTip(tr("Send a ping; the pong's round-trip time appears in the log and the chart (Ctrl+Shift+P)"));
    m_loadFile->setToolTip(tr("Send a file's bytes as they are (any size; a large one is not put in the editor)"));
    connect(m_loadFile, &QPushButton::clicked, m_editor, &PayloadEditor::chooseFile);
    m_craft->setToolTip(tr("Write one frame with header bits of your choosing, even ones RFC 6455 forbids"));

    // Craft mode: a panel in warning colours so nobody mistakes it for normal sending.
    m_craftPanel->setObjectName(QStringLiteral("craftPanel"));
    m_craftPanel->setAutoFillBackground(true);
    QPalette warn = m_craftPanel->palette();
    const bool dark = warn.color(QPalette::Window).lightness() < 128;
    warn.setColor(QPalette::Window, dark ? QColor(0x5d, 0x40, 0x00) : QColor(0xff, 0xf3, 0xcd));
    warn.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe0, 0x82) : QColor(0x66, 0x4d, 0x03));
    m_craftPanel->setPalette(warn);
    m_craftPanel->setFrameShape(QFrame::StyledPanel);
    // The banner sits above the grid in a box layout: a word-wrapped label in a grid cell
    // gets one line's height and is cut off.
    auto *craftBox = new QVBoxLayout(m_craftPanel);
    auto *craftLayout = new QGridLayout;
    auto *banner = new QLabel(tr("<b>\u26a0 CRAFT MODE</b> — the next frame is written exactly as set here, "
                                 "unchecked: it may break RFC 6455 on purpose."),
                              m_craftPanel);
    banner->setWordWrap(true);
    craftBox->addWidget(banner);
    craftBox->addLayout(craftLayout);
    m_fin->setChecked(true);
    craftLayout->addWidget(m_fin, 1, 0);
    for (int i = 0; i < 3; ++i) {
        m_rsv[i] = new QCheckBox(tr("RSV%1").arg(i + 1), m_craftPanel);
        craftLayout->addWidget(m_rsv[i], 1, 1 + i);
    }
    for (int op = 0; op < 16; ++op)
        m_opcode->addItem(QStringLiteral("0x%1 %2").arg(op, 0, 16).arg(wsOpcodeName(WsOpcode(op))), op);
    m_opcode->setCurrentIndex(1);
    m_opcode->setAccessibleName(tr("Crafted opcode"));
    auto *opLabel = new QLabel(tr("&Opcode:"), m_craftPanel);
    opLabel->setBuddy(m_opcode);
    // Two rows of switches, so the panel fits the composer at half of a 1366 px screen.
    craftLayout->addWidget(opLabel, 2, 0);
    craftLayout->addWidget(m_opcode, 2, 1, 1, 2);
    m_mask->setChecked(true);
    m_mask->setToolTip(tr("Unchecked writes an unmasked client frame (RFC 6455 §5.1 forbids it)"));
    craftLayout->addWidget(m_mask, 1, 4);
    m_lengthBox->addItem(tr("minimal length"), int(WsCraftSpec::Length::Minimal));
    m_lengthBox->addItem(tr("16-bit length"), int(WsCraftSpec::Length::Force16));
    m_lengthBox->addItem(tr("64-bit length"), int(WsCraftSpec::Length::Force64));
    m_lengthBox->setAccessibleName(tr("Crafted length encoding"));
    craftLayout->addWidget(m_lengthBox, 2, 3, 1, 2);
    craftLayout->setColumnStretch(5, 1);
    m_craftPanel->setVisible(false);

    auto *row = new QHBoxLayout;
    auto *modeLabel = new QLabel(tr("&Type:"), this);
    modeLabel->setBuddy(m_modeBox);
    row->addWidget(modeLabel);
    row->addWidget(m_modeBox);
    row->addWidget(m_fragments);
    row->addWidget(m_craft);
    row->addStretch(1);
    row->addWidget(m_loadFile);
    // Status, Ping and Send on a row of their own: the composer stays narrow; the status
    // (a JSON error can be long) wraps and never widens it.
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_modeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modeBox->setMinimumContentsLength(6);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_status, 1);
    sendRow->addWidget(m_autoPing);
    sendRow->addWidget(m_ping);
    sendRow->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_craftPanel);
    layout->addWidget(m_editor, 1);
    layout->addLayout(row);
    layout->addLayout(sendRow);

    setTabOrder(m_editor, m_modeBox);
    setTabOrder(m_modeBox, m_fragments);
    setTabOrder(m_fragments, m_craft);
    setTabOrder(m_craft, m_loadFile);
    setTabOrder(m_loadFile, m_autoPing);
    setTabOrder(m_autoPing, m_ping);
    setTabOrder(m_ping, m_send);

    connect(m_modeBox, &QComboBox::currentIndexChanged, this, &WsComposer::updateCheck);
    connect(m_editor, &PayloadEditor::factsChanged, this, &WsComposer::updateCheck);
    connect(m_editor, &PayloadEditor::fileLoadFailed, this, [this](const QString &sentence) {
        m_status->setText(QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(sentence.toHtmlEscaped()));
    });
    connect(m_craft, &QCheckBox::toggled, this, [this](bool on) {
        m_craftPanel->setVisible(on);
        m_fragments->setEnabled(!on);
        m_send->setText(on ? tr("&Send crafted frame") : tr("&Send"));
        updateState();
    });
    connect(m_send, &QPushButton::clicked, this, &WsComposer::send);
    connect(m_ping, &QPushButton::clicked, this, &WsComposer::sendPing);
    connect(m_autoPing, &QSpinBox::valueChanged, this, &WsComposer::pingIntervalChanged);
    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_editor);
    sendShortcut->setContext(Qt::WidgetShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &WsComposer::send);
    auto *sendShortcut2 = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), m_editor);
    sendShortcut2->setContext(Qt::WidgetShortcut);
    connect(sendShortcut2, &QShortcut::activated, this, &WsComposer::send);
    updateCheck();
}

QCheckBox *WsComposer::craftRsvCheck(int bit) const
{
    return (bit >= 1 && bit <= 3) ? m_rsv[bit - 1] : nullptr;
}

void WsComposer::setMode(Mode mode)
{
    m_modeBox->setCurrentIndex(m_modeBox->findData(int(mode)));
}

WsComposer::Mode WsComposer::mode() const
{
    return Mode(m_modeBox->currentData().toInt());
}

void WsComposer::setText(const QString &text)
{
    m_editor->setText(text);
}

QString WsComposer::text() const
{
    return QString::fromUtf8(m_editor->bytes());
}

void WsComposer::setFragments(int count)
{
    m_fragments->setValue(count);
}

void WsComposer::setCraftMode(bool on)
{
    m_craft->setChecked(on);
}

bool WsComposer::craftMode() const
{
    return m_craft->isChecked();
}

void WsComposer::setConnected(bool connected)
{
    m_connected = connected;
    updateState();
}

bool WsComposer::sendsFileBytes() const
{
    return m_editor->isKept() && !m_editor->fileName().isEmpty();
}

void WsComposer::updateCheck()
{
    // A file's bytes are the payload in every mode; only typed or pasted text is hex.
    const Mode m = mode();
    m_editor->setCheck(m == Mode::Json ? PayloadEditor::Check::Json
                       : m == Mode::Binary && !sendsFileBytes() ? PayloadEditor::Check::Hex
                                                                 : PayloadEditor::Check::None);
    updateState();
}

bool WsComposer::checkPending() const
{
    return m_editor->pending();
}

QString WsComposer::validationError() const
{
    const PayloadFacts &facts = m_editor->facts();
    switch (mode()) {
    case Mode::Text:
        return facts.utf8 ? QString() : tr("Not UTF-8 text, which a text message must be (RFC 6455 §5.6): send it as Binary");
    case Mode::Json:
        return facts.jsonError;
    case Mode::Binary:
        return sendsFileBytes() ? QString() : facts.hexError;
    }
    return {};
}

QByteArray WsComposer::payload() const
{
    const QByteArray bytes = m_editor->bytes();
    if (mode() != Mode::Binary || sendsFileBytes())
        return bytes;
    // Hex digits with any whitespace between them and an optional 0x in front.
    QByteArray digits;
    digits.reserve(bytes.size());
    for (const char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            digits.append(c);
    }
    if (digits.startsWith("0x") || digits.startsWith("0X"))
        digits.remove(0, 2);
    return QByteArray::fromHex(digits);
}

WsCraftSpec WsComposer::craftSpec() const
{
    WsCraftSpec spec;
    spec.fin = m_fin->isChecked();
    spec.rsv1 = m_rsv[0]->isChecked();
    spec.rsv2 = m_rsv[1]->isChecked();
    spec.rsv3 = m_rsv[2]->isChecked();
    spec.opcode = quint8(m_opcode->currentData().toInt());
    spec.masked = m_mask->isChecked();
    spec.lengthEncoding = WsCraftSpec::Length(m_lengthBox->currentData().toInt());
    spec.payload = payload();
    return spec;
}

qsizetype WsComposer::fragmentSize(qsizetype payloadSize) const
{
    const int n = m_fragments->value();
    if (n <= 1 || payloadSize <= 1)
        return 0;
    return (payloadSize + n - 1) / n;
}

void WsComposer::updateState()
{
    const PayloadFacts &facts = m_editor->facts();
    const QString error = checkPending() ? QString() : validationError();
    if (checkPending()) {
        m_status->setText(tr("Checking %1...").arg(formatBytes(facts.bytes)));
    } else if (!error.isEmpty()) {
        m_status->setText(QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(error.toHtmlEscaped()));
    } else if (mode() == Mode::Json && !facts.blank) {
        m_status->setText(QStringLiteral("<span style=\"color:#2e7d32\">%1</span>").arg(tr("\u2714 valid JSON").toHtmlEscaped()));
    } else if (mode() == Mode::Binary && !sendsFileBytes()) {
        m_status->setText(tr("%n byte(s)", nullptr, int(std::min<qsizetype>(facts.hexBytes, INT_MAX))));
    } else {
        m_status->setText(tr("%n byte(s)", nullptr, int(std::min<qsizetype>(facts.bytes, INT_MAX))));
    }
    m_send->setEnabled(m_connected && !checkPending() && error.isEmpty());
    m_ping->setEnabled(m_connected);
}

void WsComposer::send()
{
    if (!m_connected || checkPending() || !validationError().isEmpty())
        return;
    const QByteArray data = payload();
    if (craftMode()) {
        Q_EMIT craftRequested(craftSpec());
        return;
    }
    if (mode() == Mode::Binary)
        Q_EMIT binaryRequested(data, fragmentSize(data.size()));
    else // valid UTF-8 (checked), so the engine's toUtf8() gives these bytes back exactly
        Q_EMIT textRequested(QString::fromUtf8(data), fragmentSize(data.size()));
}

int WsComposer::pingIntervalSeconds() const
{
    return m_autoPing->value();
}

void WsComposer::setPingIntervalSeconds(int seconds)
{
    m_autoPing->setValue(seconds);
}

void WsComposer::sendPing()
{
    if (!m_connected)
        return;
    // A short, unique payload lets the engine match the pong to this ping.
    static quint32 counter = 0;
    Q_EMIT pingRequested(QByteArray("wirescope-") + QByteArray::number(++counter));
}

} // namespace wirescope
