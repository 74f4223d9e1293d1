#include "ui/ws/wsconsole.h"

#include "core/demo/demoserver.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/support/wslogrows.h"
#include "tests/peers/pythonwspeer.h"
#include "core/wire/wshandshake.h"
#include "ui/widgets/hexview.h"
#include "ui/widgets/payloadeditor.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsframediagram.h"
#include "ui/ws/wsframefieldsmodel.h"
#include "ui/ws/wsframeinspector.h"
#include "ui/ws/wshandshakeview.h"
#include "ui/ws/wsmaskingview.h"
#include "ui/ws/wsworkspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTcpServer>
#include <QTcpSocket>
#include <QSpinBox>
#include <QTemporaryFile>
#include <QTest>
#include <QToolButton>
#include <QThread>

using namespace wirescope;
using wirescope::test::shownRows;

// A one-shot WebSocket "server" that answers the handshake correctly and then writes
// whatever bytes the test gives it: the way to see how the console shows a broken peer.
class CraftedPeer : public QObject
{
public:
    explicit CraftedPeer(QByteArray afterHandshake)
        : m_after(std::move(afterHandshake))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            connect(m_socket, &QTcpSocket::readyRead, this, [this] { onRead(); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/crafted").arg(m_server.serverPort())); }
    QString errorString() const { return m_server.errorString(); }

private:
    void onRead()
    {
        m_request += m_socket->readAll();
        if (m_answered || !m_request.contains("\r\n\r\n"))
            return;
        m_answered = true;
        QByteArray key;
        for (const QByteArray &line : m_request.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(line.indexOf(':') + 1).trimmed();
        }
        m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Accept: " + wsAcceptFor(key) + "\r\n\r\n");
        m_socket->write(m_after);
    }

    QTcpServer m_server;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_request;
    QByteArray m_after;
    bool m_answered = false;
};

// The row of a frame or message with this preview, from `from` on; -1 when none.
static int findRow(const WsLogModel *model, Direction direction, const QString &preview, int from = 0)
{
    for (int row = from; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, WsLogModel::PreviewColumn);
        const RowKind kind = RowKind(index.data(WsLogModel::KindRole).toInt());
        if (index.data(WsLogModel::DirectionRole).toInt() == int(direction)
            && (kind == RowKind::Frame || kind == RowKind::Message) && index.data().toString() == preview)
            return row;
    }
    return -1;
}


static QUrl demoUrl(const DemoServer &demo, const QString &path, const QString &query = {})
{
    QUrl url = demo.wsBaseUrl();
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

// Shows the console and clicks Connect for `url`; the caller waits for Open.
static void connectConsole(WsConsole &console, const QUrl &url)
{
    console.show();
    console.setUrl(url);
    QTest::mouseClick(console.connectButton(), Qt::LeftButton);
}

// The value of a row of the Connection tab ("Frames: 3 received, 2 sent" -> 3 for column 0).
static qint64 connectionFigure(WsConsole &console, const QString &name, int which)
{
    const QStringList lines = console.connectionInfo()->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(name))
            continue;
        // A table row reads as "name value" or as the name and, on the next line, the value.
        QString value = lines[i].mid(name.size());
        if (value.trimmed().isEmpty() && i + 1 < lines.size())
            value = lines[i + 1];
        static const QRegularExpression number(QStringLiteral("(\\d+)"));
        QRegularExpressionMatchIterator it = number.globalMatch(value);
        for (int i = 0; it.hasNext(); ++i) {
            const QRegularExpressionMatch m = it.next();
            if (i == which)
                return m.captured(1).toLongLong();
        }
    }
    return -1;
}

static QString fieldValue(const WsFrameFieldsModel *fields, WsField field)
{
    const int row = fields->rowOf(field);
    return row < 0 ? QString() : fields->index(row, WsFrameFieldsModel::ValueColumn).data().toString();
}

static void clickRow(QTableView *view, int row)
{
    view->scrollTo(view->model()->index(row, WsLogModel::PreviewColumn));
    const QRect rect = view->visualRect(view->model()->index(row, WsLogModel::PreviewColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

class TestWsConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void echoFromTheDemoServerShowsUpDecoded();
    void aViolationFromACraftedStreamStandsOutInTheLog();
    void anInvalidUrlSaysSoInsteadOfConnecting();
    void ignoringTlsErrorsIsAnOptionOfTheConnectForm();
    void automaticPingsFeedTheRoundTripLog();
    void readsAreStampedWhileTheWindowIsBusy();
    void jsonModeRefusesInvalidJson();
    void aMultiMegabytePasteIsSentExactlyAsPasted();
    void aLoadedFileIsSentAsItsBytes();
    void craftModeIsClearlyMarked();
    void fieldsModelPassesTheModelTester();
    void aReconnectKeepsTheOldLogAndAppendsTheNewOne();
    void aPastConnectionReopensWithEverythingItShowed();
    void craftedFramesAreMarkedInTheLog();
    void aFragmentedMessageIsOneRowOrItsFrames();
    void theConnectionTabCountersMoveWhileMessagesArrive();
    void clearFreesTheBytesAndResetsTheCounters();
    void followKeepsASelectedRowInView();
    void closingATabFreesWhatItHeld();
    void theMaskingTabShowsTheXorOfTheFrameOnShow();
};

void TestWsConsole::readsAreStampedWhileTheWindowIsBusy()
{
    // The engine has a thread of its own: while this (GUI) thread is busy for 400 ms, the
    // echo is still read and stamped when it arrives, not when the window is free again.
    test::PythonWsPeer peer; // a separate process, so the server answers meanwhile too
    QString error;
    QVERIFY2(peer.start(&error), qPrintable(error));
    Session session;
    WsConsole console(&session);
    console.urlEdit()->setText(peer.url().toString());
    QTest::mouseClick(console.connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    QTest::keyClicks(console.composer()->editor(), QStringLiteral("busy"));
    QTest::mouseClick(console.composer()->sendButton(), Qt::LeftButton);
    const qint64 busyFrom = session.clock().nowNs();
    QThread::msleep(400);
    WsLogModel *log = console.logModel();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, Direction::In, QStringLiteral("busy")) >= 0, 10000);
    const int echoed = findRow(log, Direction::In, QStringLiteral("busy"));
    const qint64 stampedNs = log->timeline().row(log->timelineRow(echoed)).tNs;
    QVERIFY2(stampedNs < busyFrom + 200'000'000,
             qPrintable(QStringLiteral("echo stamped %1 ms after the window got busy").arg((stampedNs - busyFrom) / 1e6)));
}

void TestWsConsole::automaticPingsFeedTheRoundTripLog()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    QUrl url = demo.wsBaseUrl();
    url.setPath(QStringLiteral("/ws/echo"));
    Session session;
    WsConsole console(&session);
    console.urlEdit()->setText(url.toString());
    // Both switches are part of the connect form and survive a round trip through options.
    QVERIFY(console.autoPongCheck()->isChecked());
    console.autoPongCheck()->setChecked(false);
    console.composer()->autoPingBox()->setValue(7);
    WsConnectOptions saved = console.options();
    QCOMPARE(saved.autoPong, false);
    QCOMPARE(saved.pingIntervalMs, 7000);
    console.autoPongCheck()->setChecked(true);
    console.composer()->autoPingBox()->setValue(0);
    console.setOptions(saved);
    QVERIFY(!console.autoPongCheck()->isChecked());
    QCOMPARE(console.composer()->autoPingBox()->value(), 7);
    QCOMPARE(console.composer()->autoPingBox()->text(), QStringLiteral("ping every 7 s"));
    console.composer()->autoPingBox()->setValue(0);
    QCOMPARE(console.composer()->autoPingBox()->text(), QStringLiteral("Auto-ping off"));

    QTest::mouseClick(console.connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    QVERIFY(!console.autoPongCheck()->isEnabled()); // a connect option, fixed while connected
    // Turned on while connected: pings start at once, each pong lands in the log.
    console.composer()->autoPingBox()->setValue(1);
    WsLogModel *log = console.logModel();
    // Each automatic ping and its pong are one row with the round trip, not two or three.
    auto pingPongRows = [log] {
        QList<int> rows;
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, WsLogModel::TypeColumn).data().toString() == QStringLiteral("ping \u21c4 pong")
                && log->index(row, WsLogModel::PreviewColumn).data().toString().startsWith(QStringLiteral("round trip ")))
                rows << row;
        }
        return rows;
    };
    QTRY_VERIFY_WITH_TIMEOUT(pingPongRows().size() >= 2, 5000);
    console.composer()->autoPingBox()->setValue(0);
    console.flushLog();
    for (int row = 0; row < log->rowCount(); ++row) {
        const QString type = log->index(row, WsLogModel::TypeColumn).data().toString();
        QVERIFY2(type != u"pong", qPrintable(QStringLiteral("a pong row of its own: ") + shownRows(log).join(u'\n')));
    }
    // Selecting the row inspects both frames: the ping we sent, then the pong received.
    const int row = pingPongRows().constFirst();
    clickRow(console.logView(), row);
    QCOMPARE(console.inspector()->frameCount(), 2);
    console.inspector()->setCurrentFrame(1);
    QVERIFY(fieldValue(console.inspector()->fieldsModel(), WsField::Opcode).startsWith(QStringLiteral("0xa"))); // the pong
    // The Frames view lists each frame as a row of its own.
    console.modeBox()->setCurrentIndex(console.modeBox()->findData(int(WsLogModel::Mode::Frames)));
    int pongs = 0;
    for (int r = 0; r < log->rowCount(); ++r)
        pongs += log->index(r, WsLogModel::TypeColumn).data().toString() == u"pong";
    QVERIFY(pongs >= 2);
}

void TestWsConsole::echoFromTheDemoServerShowsUpDecoded()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    QUrl url = demo.wsBaseUrl();
    url.setPath(QStringLiteral("/ws/echo"));

    Session session;
    WsConsole console(&session);
    QAbstractItemModelTester tester(console.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    console.resize(1400, 900);
    console.show();
    QVERIFY(QTest::qWaitForWindowExposed(&console));
    console.urlEdit()->clear();
    QTest::keyClicks(console.urlEdit(), url.toString());
    QTest::mouseClick(console.connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    QVERIFY(console.stateLabel()->text().contains(QStringLiteral("Open")));
    QCOMPARE(console.connectButton()->text(), QStringLiteral("&Disconnect"));

    // The handshake view shows this connection's own Sec-WebSocket-Accept derivation, as the
    // timeline recorded it (with the next batch of rows).
    QTRY_VERIFY_WITH_TIMEOUT(console.handshakeView()->requestText().startsWith(QStringLiteral("GET /ws/echo HTTP/1.1")), 10000);
    QVERIFY(console.handshakeView()->responseText().startsWith(QStringLiteral("HTTP/1.1 101")));
    const QString key = QString::fromLatin1(console.handshakeRecord().verdict.accept.key);
    QVERIFY(!key.isEmpty());
    QVERIFY(console.handshakeView()->explanationHtml().contains(key));
    QVERIFY(console.handshakeView()->explanationHtml().contains(QString::fromUtf8(console.handshakeRecord().verdict.accept.expected)));

    QTest::keyClicks(console.composer()->editor(), QStringLiteral("Hello"));
    QVERIFY(console.composer()->sendButton()->isEnabled());
    QTest::mouseClick(console.composer()->sendButton(), Qt::LeftButton);

    WsLogModel *log = console.logModel();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, Direction::In, QStringLiteral("Hello")) >= 0, 10000);
    const int sent = findRow(log, Direction::Out, QStringLiteral("Hello"));
    const int echoed = findRow(log, Direction::In, QStringLiteral("Hello"));
    QVERIFY(sent >= 0);
    QVERIFY(sent < echoed);
    QCOMPARE(log->index(echoed, WsLogModel::TypeColumn).data().toString(), QStringLiteral("text"));
    QCOMPARE(log->index(echoed, WsLogModel::SizeColumn).data().toString(), QStringLiteral("5 B"));

    // The echo: a server frame, unmasked (RFC 6455 §5.1).
    clickRow(console.logView(), echoed);
    const WsFrameFieldsModel *fields = console.inspector()->fieldsModel();
    QCOMPARE(console.inspector()->frameCount(), 1);
    QCOMPARE(fieldValue(fields, WsField::Fin), QStringLiteral("1"));
    QCOMPARE(fieldValue(fields, WsField::Opcode), QStringLiteral("0x1 (text)"));
    QCOMPARE(fieldValue(fields, WsField::Mask), QStringLiteral("0"));
    QCOMPARE(fieldValue(fields, WsField::Length7), QStringLiteral("5"));
    QCOMPARE(fields->rowOf(WsField::MaskingKey), -1);
    QCOMPARE(console.inspector()->hexView()->bytes(), QByteArray::fromHex("8105") + "Hello");

    // What we sent: masked, with the key that is in the header bytes.
    clickRow(console.logView(), sent);
    QCOMPARE(fieldValue(fields, WsField::Mask), QStringLiteral("1"));
    const WsFrame frame = fields->frame();
    QVERIFY(frame.header.maskingKey.has_value());
    QCOMPARE(fieldValue(fields, WsField::MaskingKey), QString::fromLatin1(frame.headerBytes.mid(2, 4).toHex()));
    QCOMPARE(frame.payload, QByteArray("Hello"));
    QByteArray unmasked = frame.maskedPayload();
    for (int i = 0; i < unmasked.size(); ++i)
        unmasked[i] = char(unmasked[i] ^ frame.headerBytes.at(2 + i % 4));
    QCOMPARE(unmasked, QByteArray("Hello"));

    // Choosing the masking key in the fields table highlights its four bytes in the hex dump.
    console.inspector()->selectField(WsField::MaskingKey);
    QCOMPARE(console.inspector()->hexView()->selectionStart(), qint64(2));
    QCOMPARE(console.inspector()->hexView()->selectionLength(), qint64(4));
    // ...and clicking a payload byte in the hex dump selects the payload row.
    HexView *hex = console.inspector()->hexView();
    QTest::mouseClick(hex->viewport(), Qt::LeftButton, {}, hex->hexCellCenter(7));
    QCOMPARE(console.inspector()->fieldsView()->currentIndex().row(), fields->rowOf(WsField::Payload));

    // Disconnect with the chosen close code: a clean close.
    QTest::mouseClick(console.connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Closed, 10000);
    QVERIFY(console.closeRecord().clean);
    console.flushLog();
    QVERIFY(findRow(log, Direction::Out, QStringLiteral("1000 Normal Closure")) >= 0);
}

void TestWsConsole::aViolationFromACraftedStreamStandsOutInTheLog()
{
    // FIN + RSV1 + text, "hi": RSV1 without a negotiated extension (RFC 6455 §5.2).
    CraftedPeer peer(QByteArray::fromHex("c1026869"));
    QVERIFY2(peer.listen(), qPrintable(peer.errorString()));
    Session session;
    WsConsole console(&session);
    QAbstractItemModelTester tester(console.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    console.resize(1200, 800);
    console.show();
    console.setUrl(peer.url());
    QTest::mouseClick(console.connectButton(), Qt::LeftButton);
    WsLogModel *log = console.logModel();
    auto violationRow = [log]() {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, 0).data(WsLogModel::ViolationIdRole).toString() == QStringLiteral("ws.rsv_nonzero"))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(violationRow() >= 0, 10000);
    const int row = violationRow();
    const QModelIndex type = log->index(row, WsLogModel::TypeColumn);
    QCOMPARE(type.data().toString(), QStringLiteral("violation"));
    QVERIFY(!type.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(type.data(Qt::BackgroundRole).value<QColor>().isValid());
    QCOMPARE(type.data(WsLogModel::DirectionRole).toInt(), int(Direction::In));
    // The row explains itself: the RFC's rule, and the translated sentence on the Message tab.
    QVERIFY(log->index(row, WsLogModel::PreviewColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("RFC 6455")));
    clickRow(console.logView(), row);
    auto *message = qobject_cast<QPlainTextEdit *>(console.detailTabs()->currentWidget());
    QVERIFY(message);
    QVERIFY(message->toPlainText().contains(QString::fromUtf8(log->timeline().violation(log->timelineRow(row))->kind->rfc)));
    // RFC 6455 §7.1.7: without keep-inspecting the connection fails with 1002.
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Closed, 10000);
    QCOMPARE(console.closeRecord().sentCode.value_or(0), quint16(1002));
}

void TestWsConsole::anInvalidUrlSaysSoInsteadOfConnecting()
{
    Session session;
    WsConsole console(&session);
    console.show();
    console.setUrl(QUrl(QStringLiteral("ftp://example.invalid/")));
    QTest::mouseClick(console.connectButton(), Qt::LeftButton);
    // The engine says so (request.invalid), recorded in the timeline like any failure.
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Closed, 10000);
    console.flushLog();
    WsLogModel *log = console.logModel();
    QVERIFY(log->rowCount() >= 2);
    QVERIFY(log->index(0, WsLogModel::PreviewColumn).data().toString().contains(QStringLiteral("ftp://example.invalid/")));
    QVERIFY2(log->index(1, WsLogModel::PreviewColumn).data().toString().contains(QStringLiteral("(request.invalid)")),
             qPrintable(log->index(1, WsLogModel::PreviewColumn).data().toString()));
    QVERIFY(log->index(1, WsLogModel::PreviewColumn).data().toString().contains(QStringLiteral("not a ws:// or wss:// URL")));
    QCOMPARE(console.closeRecord().failure.id(), QStringLiteral("request.invalid"));
}

void TestWsConsole::ignoringTlsErrorsIsAnOptionOfTheConnectForm()
{
    Session session;
    WsConsole console(&session);
    console.show();
    QCheckBox *ignore = console.ignoreTlsErrorsCheck();
    QVERIFY(ignore);
    QCOMPARE(ignore->accessibleName(), QStringLiteral("Ignore TLS certificate errors"));
    // The options fold into the connect bar until asked for.
    console.optionsButton()->setChecked(false);
    QVERIFY(!ignore->isVisible());
    QTest::mouseClick(console.optionsButton(), Qt::LeftButton);
    QVERIFY(ignore->isVisible());
    QVERIFY(!console.options().ignoreCertificateErrors);
    QTest::mouseClick(ignore, Qt::LeftButton);
    QVERIFY(console.options().ignoreCertificateErrors);
    // Reopening a past connection brings the choice back.
    WsConnectOptions options = console.options();
    WsConsole again(&session);
    again.setOptions(options);
    QVERIFY(again.ignoreTlsErrorsCheck()->isChecked());
    options.ignoreCertificateErrors = false;
    again.setOptions(options);
    QVERIFY(!again.options().ignoreCertificateErrors);
}

void TestWsConsole::jsonModeRefusesInvalidJson()
{
    WsComposer composer;
    composer.setConnected(true);
    composer.setMode(WsComposer::Mode::Json);
    QTest::keyClicks(composer.editor(), QStringLiteral("{\"a\": 1"));
    QVERIFY(!composer.validationError().isEmpty());
    QVERIFY(!composer.sendButton()->isEnabled());
    QTest::keyClicks(composer.editor(), QStringLiteral("}"));
    QVERIFY(composer.validationError().isEmpty());
    QVERIFY(composer.sendButton()->isEnabled());
    composer.setMode(WsComposer::Mode::Binary);
    composer.setText(QStringLiteral("de ad be e"));
    QVERIFY(!composer.validationError().isEmpty());
    composer.setText(QStringLiteral("de ad be ef"));
    QCOMPARE(composer.payload(), QByteArray::fromHex("deadbeef"));
}

// The payload of the first message row in `direction` of this size; empty when none.
static QByteArray messageOfSize(const WsLogModel *log, Direction direction, qsizetype size)
{
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex index = log->index(row, 0);
        const RowKind kind = RowKind(index.data(WsLogModel::KindRole).toInt());
        if (index.data(WsLogModel::DirectionRole).toInt() != int(direction) || (kind != RowKind::Frame && kind != RowKind::Message))
            continue;
        const QByteArray payload = log->timeline().payload(log->timelineRow(row));
        if (payload.size() == size)
            return payload;
    }
    return {};
}

// A console connected to the demo server's /ws/echo.
struct EchoConsole {
    test::DemoPeer demo;
    Session session;
    WsConsole console{&session};

    [[nodiscard]] bool open()
    {
        QString error;
        if (!demo.start(&error)) {
            qWarning("the demo server did not start: %s", qPrintable(error));
            return false;
        }
        console.resize(1400, 900);
        connectConsole(console, demo.wsUrl(QStringLiteral("/ws/echo")));
        return QTest::qWaitFor([this] { return console.state() == WsConnectionState::Open; }, 10000);
    }
};

void TestWsConsole::aMultiMegabytePasteIsSentExactlyAsPasted()
{
    EchoConsole echo;
    QVERIFY(echo.open());
    WsConsole &console = echo.console;

    // 2 MiB with CRLF line ends and text beyond ASCII, pasted with Ctrl+V: no line end is
    // turned into LF, no character changed.
    QString text;
    for (int i = 0; text.size() < 2 * 1024 * 1024; ++i)
        text += QStringLiteral("Zeile %1: Grüße, 日本, \u2713\r\n").arg(i);
    QGuiApplication::clipboard()->setText(text);
    PayloadEditor *editor = console.composer()->editor();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(editor->isKept());
    QVERIFY(editor->toPlainText().size() <= PayloadEditor::PreviewBytes);
    QVERIFY(editor->bannerLabel()->text().contains(QStringLiteral("Pasted")));
    QTRY_VERIFY_WITH_TIMEOUT(console.composer()->sendButton()->isEnabled(), 20000);
    QTest::mouseClick(console.composer()->sendButton(), Qt::LeftButton);

    const QByteArray sent = text.toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(!messageOfSize(console.logModel(), Direction::In, sent.size()).isEmpty(), 20000);
    QVERIFY(messageOfSize(console.logModel(), Direction::Out, sent.size()) == sent);
    QVERIFY(messageOfSize(console.logModel(), Direction::In, sent.size()) == sent); // the demo server's echo

    // "Edit anyway" puts the text in the editor; Clear empties it.
    QTest::mouseClick(editor->editAnywayButton(), Qt::LeftButton);
    QVERIFY(!editor->isKept());
    QCOMPARE(editor->document()->blockCount(), text.count(u'\n') + 1);
    editor->setText(text);
    QVERIFY(editor->isKept());
    QTest::mouseClick(editor->clearKeptButton(), Qt::LeftButton);
    QVERIFY(!editor->isKept());
    QVERIFY(editor->bytes().isEmpty());
}

void TestWsConsole::aLoadedFileIsSentAsItsBytes()
{
    EchoConsole echo;
    QVERIFY(echo.open());
    WsConsole &console = echo.console;

    // Binary mode: a file is sent as its bytes (not read as hex), whatever they are.
    QByteArray bytes(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7 + i / 251) & 0xff);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(bytes);
    file.close();
    WsComposer *composer = console.composer();
    composer->setMode(WsComposer::Mode::Binary);
    QVERIFY(composer->editor()->loadFile(file.fileName()));
    QVERIFY(composer->editor()->isKept());
    QTRY_VERIFY_WITH_TIMEOUT(composer->sendButton()->isEnabled(), 20000);
    QCOMPARE(composer->payload(), bytes);
    // The same bytes as text are refused: a text message must be UTF-8.
    composer->setMode(WsComposer::Mode::Text);
    QTRY_VERIFY_WITH_TIMEOUT(!composer->checkPending(), 20000);
    QVERIFY(!composer->validationError().isEmpty());
    QVERIFY(!composer->sendButton()->isEnabled());
    composer->setMode(WsComposer::Mode::Binary);
    QTRY_VERIFY_WITH_TIMEOUT(composer->sendButton()->isEnabled(), 20000);
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!messageOfSize(console.logModel(), Direction::In, bytes.size()).isEmpty(), 20000);
    QVERIFY(messageOfSize(console.logModel(), Direction::In, bytes.size()) == bytes);
    QVERIFY(!composer->editor()->loadFile(QStringLiteral("/nonexistent/payload.bin")));
}

void TestWsConsole::craftModeIsClearlyMarked()
{
    WsComposer composer;
    composer.show();
    composer.setConnected(true);
    auto *panel = composer.findChild<QWidget *>(QStringLiteral("craftPanel"));
    QVERIFY(panel);
    QVERIFY(!panel->isVisible());
    QTest::mouseClick(composer.craftCheck(), Qt::LeftButton, {}, QPoint(5, composer.craftCheck()->height() / 2));
    QVERIFY(panel->isVisible());
    QVERIFY(composer.sendButton()->text().contains(QStringLiteral("crafted")));
    composer.craftRsvCheck(2)->setChecked(true);
    composer.craftMaskCheck()->setChecked(false);
    composer.craftOpcodeBox()->setCurrentIndex(0xB);
    composer.setText(QStringLiteral("x"));
    const WsCraftSpec spec = composer.craftSpec();
    QVERIFY(spec.rsv2);
    QVERIFY(!spec.masked);
    QCOMPARE(spec.opcode, quint8(0xB));
    QCOMPARE(spec.payload, QByteArray("x"));
}

void TestWsConsole::fieldsModelPassesTheModelTester()
{
    WsFrameFieldsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    WsFrame frame;
    frame.header.masked = true;
    frame.header.length7 = 126;
    frame.header.payloadLength = 300;
    frame.header.lengthEncoding = WsLengthEncoding::Bits16;
    frame.header.maskingKey = WsMaskKey{1, 2, 3, 4};
    frame.header.headerSize = 8;
    frame.headerBytes = QByteArray::fromHex("81fe012c01020304");
    frame.payload = QByteArray(300, 'a');
    model.setFrame(frame);
    QCOMPARE(model.rowCount(), 10); // every field, the 16-bit length and the key included
    QCOMPARE(fieldValue(&model, WsField::ExtLength), QStringLiteral("300"));
    QCOMPARE(model.index(model.rowOf(WsField::ExtLength), WsFrameFieldsModel::PositionColumn).data().toString(),
             QStringLiteral("bytes 2-3"));
    QCOMPARE(model.index(model.rowOf(WsField::Opcode), WsFrameFieldsModel::PositionColumn).data().toString(),
             QStringLiteral("bits 4-7"));
    QCOMPARE(fieldValue(&model, WsField::MaskingKey), QStringLiteral("01020304"));
    // Nothing selected: an empty table, not the fields of a made-up frame.
    WsFrameInspector inspector;
    QCOMPARE(inspector.findChild<QTableView *>()->model()->rowCount(), 0);
    // The diagram puts the 16-bit length at bits 16-31 of row 0 and the key on row 1.
    const QList<WsDiagramCell> cells = wsDiagramCells(frame.header, frame.headerBytes);
    auto cellOf = [&](WsField field) {
        for (const WsDiagramCell &cell : cells) {
            if (cell.field == field)
                return cell;
        }
        return WsDiagramCell();
    };
    QCOMPARE(cellOf(WsField::ExtLength).firstBit, 16);
    QCOMPARE(cellOf(WsField::ExtLength).bits, QStringLiteral("0000000100101100"));
    QCOMPARE(cellOf(WsField::MaskingKey).row, 1);
    QCOMPARE(cellOf(WsField::MaskingKey).bits, QStringLiteral("00000001000000100000001100000100"));
    QCOMPARE(cellOf(WsField::Opcode).bits, QStringLiteral("0001"));
}

void TestWsConsole::aReconnectKeepsTheOldLogAndAppendsTheNewOne()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsConsole console(&session);
    QAbstractItemModelTester tester(console.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    console.show();
    console.setUrl(demoUrl(demo, QStringLiteral("/ws/echo")));
    WsLogModel *log = console.logModel();
    for (const QString &text : {QStringLiteral("first"), QStringLiteral("second")}) {
        QTest::mouseClick(console.connectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
        console.composer()->setText(text);
        QTest::mouseClick(console.composer()->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(log, Direction::In, text) >= 0, 10000);
        QTest::mouseClick(console.connectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Closed, 10000);
        console.flushLog();
    }
    // Both connections in one log, the first one's rows (its close included) above the second's.
    QCOMPARE(log->connections().size(), 2);
    const int firstEcho = findRow(log, Direction::In, QStringLiteral("first"));
    const int firstClose = findRow(log, Direction::Out, QStringLiteral("1000 Normal Closure"));
    const int secondEcho = findRow(log, Direction::In, QStringLiteral("second"));
    QVERIFY(firstEcho >= 0 && firstClose > firstEcho);
    QVERIFY(secondEcho > firstClose);
    QVERIFY(findRow(log, Direction::Out, QStringLiteral("1000 Normal Closure"), firstClose + 1) > secondEcho);
    int openings = 0;
    for (int row = 0; row < log->rowCount(); ++row)
        openings += log->index(row, WsLogModel::PreviewColumn).data().toString().startsWith(QStringLiteral("Connecting to"));
    QCOMPARE(openings, 2);
    // One clock: the second connection's rows are later than the first one's.
    QVERIFY(log->index(secondEcho, WsLogModel::TimeColumn).data().toString().toDouble()
            > log->index(firstEcho, WsLogModel::TimeColumn).data().toString().toDouble());
    // The Connection tab and the handshake view follow the latest connection.
    QCOMPARE(console.lastConnection()->id, log->connections().last());
    QVERIFY(console.handshakeRecord().verdict.ok);
    QCOMPARE(console.chartData().totalMessages(Direction::In), qint64(2));
}

void TestWsConsole::aPastConnectionReopensWithEverythingItShowed()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsWorkspace workspace(&session);
    workspace.resize(1400, 900);
    workspace.show();
    workspace.setHistoryShown(true);
    WsConsole *live = workspace.currentConsole();
    live->setUrl(demoUrl(demo, QStringLiteral("/ws/echo")));
    QTest::mouseClick(live->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(live->state(), WsConnectionState::Open, 10000);
    for (const QString &text : {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}) {
        live->composer()->setText(text);
        QTest::mouseClick(live->composer()->sendButton(), Qt::LeftButton);
    }
    QTest::mouseClick(live->composer()->pingButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(live->logModel(), Direction::In, QStringLiteral("three")) >= 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!live->chartData().rttPoints(live->chartNowNs(), 60'000'000'000).isEmpty(), 10000);
    QTest::mouseClick(live->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(live->state(), WsConnectionState::Closed, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(workspace.historyList()->count(), 1, 10000);
    live->flushLog();

    // Double-click the past connection: a tab of its own shows what the live tab showed.
    QListWidget *history = workspace.historyList();
    QVERIFY(history->item(0)->text().contains(QStringLiteral("/ws/echo")));
    QVERIFY(history->item(0)->toolTip().contains(QStringLiteral("Closed with 1000")));
    history->setCurrentItem(history->item(0));
    QTest::keyClick(history, Qt::Key_Return);
    QCOMPARE(workspace.consoleCount(), 2);
    WsConsole *past = workspace.currentConsole();
    QVERIFY(past != live);
    QCOMPARE(shownRows(past->logModel()), shownRows(live->logModel()));
    QCOMPARE(past->handshakeView()->requestText(), live->handshakeView()->requestText());
    QCOMPARE(past->handshakeView()->responseText(), live->handshakeView()->responseText());
    QCOMPARE(past->handshakeView()->explanationHtml(), live->handshakeView()->explanationHtml());
    QCOMPARE(past->closeRecord().code, quint16(1000));
    for (Direction d : {Direction::In, Direction::Out}) {
        QCOMPARE(past->chartData().totalMessages(d), live->chartData().totalMessages(d));
        QCOMPARE(past->chartData().totalBytes(d), live->chartData().totalBytes(d));
    }
    QCOMPARE(past->chartData().rttPoints(past->chartNowNs(), 60'000'000'000),
             live->chartData().rttPoints(live->chartNowNs(), 60'000'000'000));
    QCOMPARE(past->chartNowNs(), live->chartNowNs()); // both end where the connection ended
    past->detailTabs()->setCurrentWidget(past->connectionInfo());
    live->detailTabs()->setCurrentWidget(live->connectionInfo());
    QCOMPARE(connectionFigure(*past, QStringLiteral("Frames"), 0), connectionFigure(*live, QStringLiteral("Frames"), 0));
    QCOMPARE(connectionFigure(*past, QStringLiteral("Bytes on the wire"), 1),
             connectionFigure(*live, QStringLiteral("Bytes on the wire"), 1));
    // Read-only: nothing can be sent; the tab titles tell the two apart.
    QVERIFY(!past->composer()->sendButton()->isEnabled());
    QCOMPARE(past->urlEdit()->text(), live->urlEdit()->text());
    QCOMPARE(workspace.tabs()->tabText(1), workspace.tabs()->tabText(0) + QStringLiteral(" (2)"));

    // Connect in that tab opens the same URL again: the new rows go below the old ones.
    const int before = past->logModel()->rowCount();
    QTest::mouseClick(past->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(past->state(), WsConnectionState::Open, 10000);
    past->composer()->setText(QStringLiteral("again"));
    QTest::mouseClick(past->composer()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(past->logModel(), Direction::In, QStringLiteral("again")) >= before, 10000);
    QCOMPARE(shownRows(past->logModel()).mid(0, before), shownRows(live->logModel()));
}

void TestWsConsole::craftedFramesAreMarkedInTheLog()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsConsole console(&session);
    connectConsole(console, demoUrl(demo, QStringLiteral("/ws/echo")));
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    console.composer()->setCraftMode(true);
    console.composer()->setText(QStringLiteral("by hand"));
    QTest::mouseClick(console.composer()->sendButton(), Qt::LeftButton);
    WsLogModel *log = console.logModel();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, Direction::Out, QStringLiteral("by hand")) >= 0, 10000);
    const int row = findRow(log, Direction::Out, QStringLiteral("by hand"));
    const QModelIndex type = log->index(row, WsLogModel::TypeColumn);
    QVERIFY2(type.data().toString().contains(QStringLiteral("[crafted]")), qPrintable(type.data().toString()));
    QVERIFY(type.data(WsLogModel::FlagsRole).toInt() & TimelineRow::Crafted);
    // No console-made note: the row itself says it.
    for (int r = 0; r < log->rowCount(); ++r)
        QVERIFY(!log->index(r, WsLogModel::PreviewColumn).data().toString().startsWith(QStringLiteral("Crafted frame")));
    // The echo of it is an ordinary frame.
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, Direction::In, QStringLiteral("by hand")) >= 0, 10000);
    const int echo = findRow(log, Direction::In, QStringLiteral("by hand"));
    QVERIFY(!(log->index(echo, 0).data(WsLogModel::FlagsRole).toInt() & TimelineRow::Crafted));
}

void TestWsConsole::aFragmentedMessageIsOneRowOrItsFrames()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsConsole console(&session);
    QAbstractItemModelTester tester(console.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    connectConsole(console, demoUrl(demo, QStringLiteral("/ws/echo")));
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    console.composer()->setFragments(3);
    console.composer()->setText(QStringLiteral("abcdefghi"));
    QTest::mouseClick(console.composer()->sendButton(), Qt::LeftButton);
    WsLogModel *log = console.logModel();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, Direction::In, QStringLiteral("abcdefghi")) >= 0, 10000);
    // Messages mode: what we sent is one row made of three frames.
    const int sent = findRow(log, Direction::Out, QStringLiteral("abcdefghi"));
    QVERIFY(sent >= 0);
    QCOMPARE(log->index(sent, WsLogModel::TypeColumn).data().toString(), QStringLiteral("text (3 frames)"));
    QCOMPARE(findRow(log, Direction::Out, QStringLiteral("abc")), -1);
    clickRow(console.logView(), sent);
    QCOMPARE(console.inspector()->frameCount(), 3);
    // Frames mode: the three frames, no message row.
    console.modeBox()->setCurrentIndex(console.modeBox()->findData(int(WsLogModel::Mode::Frames)));
    QCOMPARE(findRow(log, Direction::Out, QStringLiteral("abcdefghi")), -1);
    const int first = findRow(log, Direction::Out, QStringLiteral("abc"));
    QVERIFY(first >= 0);
    QCOMPARE(log->index(first, WsLogModel::TypeColumn).data().toString(), QStringLiteral("text (fragment)"));
    QCOMPARE(findRow(log, Direction::Out, QStringLiteral("def")), first + 1);
    QCOMPARE(findRow(log, Direction::Out, QStringLiteral("ghi")), first + 2);
    clickRow(console.logView(), first + 2);
    QCOMPARE(console.inspector()->frameCount(), 1);
}

void TestWsConsole::theConnectionTabCountersMoveWhileMessagesArrive()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsConsole console(&session);
    console.detailTabs()->setCurrentWidget(console.connectionInfo());
    connectConsole(console, demoUrl(demo, QStringLiteral("/ws/ticker"), QStringLiteral("hz=200&size=32")));
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(connectionFigure(console, QStringLiteral("Frames"), 0) > 0, 10000);
    const qint64 frames = connectionFigure(console, QStringLiteral("Frames"), 0);
    const qint64 bytes = connectionFigure(console, QStringLiteral("Bytes on the wire"), 0);
    // More arrive while the tab is shown: its figures grow without anything being clicked.
    QTRY_VERIFY_WITH_TIMEOUT(connectionFigure(console, QStringLiteral("Frames"), 0) > frames, 10000);
    QVERIFY(connectionFigure(console, QStringLiteral("Bytes on the wire"), 0) > bytes);
    QVERIFY(connectionFigure(console, QStringLiteral("Messages"), 0) >= frames);
    // They are the timeline's own counters.
    console.flushLog();
    QCOMPARE(connectionFigure(console, QStringLiteral("Frames"), 0), qint64(console.lastConnection()->frameCount[0]));
    console.disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Closed, 10000);
}

void TestWsConsole::clearFreesTheBytesAndResetsTheCounters()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsConsole console(&session);
    console.detailTabs()->setCurrentWidget(console.connectionInfo());
    connectConsole(console, demoUrl(demo, QStringLiteral("/ws/ticker"), QStringLiteral("hz=200&size=2000")));
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(connectionFigure(console, QStringLiteral("Frames"), 0) > 20, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(console.chartData().totalMessages(Direction::In) > 20, 10000);
    const qsizetype oldRow = console.logModel()->timelineRow(console.logModel()->rowCount() - 1);
    const qint64 heldBefore = session.timeline().bytesHeld();
    QVERIFY(heldBefore > 20 * 2000);

    console.clearLog();
    // The counters, the charts and the log start again from zero ...
    QCOMPARE(console.logModel()->rowCount(), 0);
    QCOMPARE(connectionFigure(console, QStringLiteral("Frames"), 0), qint64(0));
    QCOMPARE(connectionFigure(console, QStringLiteral("Messages"), 0), qint64(0));
    QCOMPARE(connectionFigure(console, QStringLiteral("Bytes on the wire"), 0), qint64(0));
    QCOMPARE(console.counts().messages[0], quint64(0));
    QCOMPARE(console.chartData().totalMessages(Direction::In), qint64(0));
    QVERIFY(console.connectionInfo()->toPlainText().contains(QStringLiteral("the log was cleared")));
    // ... and the bytes the log held are freed; the timeline keeps its rows, marked so.
    QVERIFY(session.timeline().bytesReleased() >= heldBefore - 64 * 1024);
    QVERIFY(session.timeline().bytesHeld() < heldBefore);
    QCOMPARE(session.timeline().absence(oldRow), ByteStream::Absence::Released);
    // New messages count from there.
    QTRY_VERIFY_WITH_TIMEOUT(connectionFigure(console, QStringLiteral("Frames"), 0) > 5, 10000);
    console.flushLog();
    const WsConsole::Counts counts = console.counts();
    QVERIFY(counts.frames[0] < console.lastConnection()->frameCount[0]);
    QCOMPARE(qint64(counts.messages[0]), console.chartData().totalMessages(Direction::In));
    const QString newest = console.logModel()
                               ->index(console.logModel()->rowCount() - 1, WsLogModel::PreviewColumn)
                               .data()
                               .toString();
    QVERIFY2(newest.startsWith(QStringLiteral("{\"seq\"")), qPrintable(newest)); // later bytes are kept
    console.disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Closed, 10000);
}

void TestWsConsole::followKeepsASelectedRowInView()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsConsole console(&session);
    console.resize(1200, 800);
    connectConsole(console, demoUrl(demo, QStringLiteral("/ws/ticker"), QStringLiteral("hz=100&size=32")));
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Open, 10000);
    QTableView *view = console.logView();
    QScrollBar *bar = view->verticalScrollBar();
    // Following: the newest row is in view.
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), 10000);
    const int picked = 3;
    clickRow(view, picked);
    QVERIFY(view->selectionModel()->isRowSelected(picked, {}));
    const int rows = console.logModel()->rowCount();
    // Rows keep arriving below it; the picked row stays selected and in view.
    QTRY_VERIFY_WITH_TIMEOUT(console.logModel()->rowCount() > rows + 50, 10000);
    QVERIFY(console.isFollowPaused());
    QVERIFY(view->selectionModel()->isRowSelected(picked, {}));
    QVERIFY(view->viewport()->rect().intersects(view->visualRect(console.logModel()->index(picked, WsLogModel::PreviewColumn))));
    QVERIFY(bar->value() < bar->maximum());
    // Giving the selection up (Esc) follows again.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(!view->selectionModel()->hasSelection());
    const int now = console.logModel()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(console.logModel()->rowCount() > now + 10 && bar->value() == bar->maximum(), 10000);
    QVERIFY(!console.isFollowPaused());
    console.disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), WsConnectionState::Closed, 10000);
}

void TestWsConsole::closingATabFreesWhatItHeld()
{
    DemoServer demo;
    QVERIFY2(demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + demo.errorString()));
    Session session;
    WsWorkspace workspace(&session);
    workspace.show();
    WsConsole *console = workspace.currentConsole();
    connectConsole(*console, demoUrl(demo, QStringLiteral("/ws/ticker"), QStringLiteral("hz=200&size=4000")));
    QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Open, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(session.timeline().bytesHeld() > 40 * 4000, 10000);
    const quint32 id = console->lastConnection()->id;
    const qsizetype rows = session.timeline().rowCount();
    QPointer<WsConsole> closed(console);
    workspace.closeConsole(workspace.tabs()->indexOf(console));
    QTRY_VERIFY_WITH_TIMEOUT(closed.isNull(), 10000);
    QCoreApplication::processEvents(); // whatever was still on its way
    const TimelineConnection *c = session.timeline().connection(id);
    QCOMPARE(c->stream(Direction::In).blockCount(), 0);
    QCOMPARE(c->stream(Direction::Out).blockCount(), 0);
    QVERIFY(session.timeline().bytesReleased() > 40 * 4000);
    QVERIFY(session.timeline().rowCount() >= rows); // the rows stay (append-only)
    QCOMPARE(workspace.consoleCount(), 1); // a fresh tab in its place
}

void TestWsConsole::theMaskingTabShowsTheXorOfTheFrameOnShow()
{
    EchoConsole echo;
    QVERIFY(echo.open());
    WsConsole &console = echo.console;
    QTest::keyClicks(console.composer()->editor(), QStringLiteral("Hello, class"));
    QTest::mouseClick(console.composer()->sendButton(), Qt::LeftButton);
    WsLogModel *log = console.logModel();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(log, Direction::In, QStringLiteral("Hello, class")) >= 0, 10000);

    // The sent frame: masked with its own key; every payload byte's wire value, key byte and
    // result are in the table, the key byte i mod 4.
    clickRow(console.logView(), findRow(log, Direction::Out, QStringLiteral("Hello, class")));
    const WsFrame sent = console.inspector()->frameAt(0);
    QVERIFY(sent.header.maskingKey.has_value());
    WsMaskingView *masking = console.maskingView();
    const WsMaskKey key = *sent.header.maskingKey;
    QVERIFY(masking->explanationText().contains(QString::asprintf("%02x %02x %02x %02x", key[0], key[1], key[2], key[3])));
    const QString html = masking->tableHtml();
    const QByteArray wire = sent.maskedPayload();
    for (qsizetype i = 0; i < wire.size(); ++i) {
        const QString wireHex = QStringLiteral(">%1<").arg(quint8(wire.at(i)), 2, 16, QLatin1Char('0'));
        QVERIFY2(html.contains(wireHex), qPrintable(wireHex));
    }
    QVERIFY(html.contains(QStringLiteral("⊕ key byte")));
    QVERIFY(html.contains(QStringLiteral("Hello, class")));

    // The echo: a server frame, no key, and the rule that says why.
    clickRow(console.logView(), findRow(log, Direction::In, QStringLiteral("Hello, class")));
    QVERIFY(masking->explanationText().contains(QStringLiteral("§5.1")));
    QVERIFY(!masking->tableHtml().contains(QStringLiteral("⊕ key byte")));
}

QTEST_MAIN(TestWsConsole)
#include "tst_wsconsole.moc"
