// The handshake view marks the raw response lines each check read, from the offsets the HTTP
// parser recorded, and lists what the parser found; nothing here re-reads the bytes.
#include "core/session/wsrecords.h"
#include "core/wire/httpresponseparser.h"
#include "ui/app/translations.h"
#include "ui/ws/wshandshakeview.h"

#include <QLocale>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QTest>

using namespace wirescope;

namespace {

// A record as WsConnection fills it: the answer read by HttpResponseParser, then checked.
WsHandshakeRecord recordFor(const QByteArray &answer, HttpParserLeniency leniency = {})
{
    WsHandshakeRequestOptions options;
    options.url = QUrl(QStringLiteral("ws://server.example.com/chat"));
    WsHandshakeRecord record;
    const WsHandshakeRequest request = wsBuildHandshakeRequest(options, "the sample nonce");
    record.requestBytes = request.bytes;
    HttpResponseParser parser({}, leniency);
    parser.reset("GET", 0, true);
    const ParseResult r = parser.feed(answer);
    record.responseBytes = answer.left(r.consumed);
    record.response = parser.response();
    record.verdict = wsCheckHandshakeResponse(request, record.response);
    return record;
}

} // namespace

class tst_WsHandshakeView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)); }
    void marksTheLinesEveryCheckRead();
    void aRepeatedHeaderIsMarkedEveryTime();
    void showsWhatTheHttpParserFound();
    void stepThroughRevealsOneStepAtATime();
    void aFailedCheckSaysAtWhichStep_data();
    void aFailedCheckSaysAtWhichStep();
    void everyHeaderIsExplainedWithItsSection();
};

void tst_WsHandshakeView::marksTheLinesEveryCheckRead()
{
    const QByteArray answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: wrong=\r\n\r\n";
    const WsHandshakeRecord record = recordFor(answer);
    const QList<WsHandshakeView::ResponseMark> marks = WsHandshakeView::responseMarks(record);
    QCOMPARE(marks.size(), 4); // status, Upgrade, Connection, Sec-WebSocket-Accept
    for (const WsHandshakeView::ResponseMark &mark : marks) {
        const QByteArray line = answer.mid(mark.offset, mark.length);
        QVERIFY2(line.endsWith("\r\n"), line.constData());
        QCOMPARE(mark.passed, mark.what != u"Sec-WebSocket-Accept");
        if (mark.what == u"status")
            QCOMPARE(line, QByteArray("HTTP/1.1 101 Switching Protocols\r\n"));
        else
            QVERIFY2(line.startsWith(QByteArray(mark.what.toLatin1() + ':')), line.constData());
    }
    WsHandshakeView view;
    view.setRecord(record);
    // On screen: the failed line is the one marked red, the others green.
    QPlainTextEdit *response = nullptr;
    for (QPlainTextEdit *edit : view.findChildren<QPlainTextEdit *>())
        if (edit->accessibleName() == u"Handshake response")
            response = edit;
    QVERIFY(response);
    QStringList marked;
    for (const QTextEdit::ExtraSelection &selection : response->extraSelections())
        marked << selection.cursor.selectedText();
    QCOMPARE(marked, (QStringList{QStringLiteral("HTTP/1.1 101 Switching Protocols"), QStringLiteral("Upgrade: websocket"),
                                  QStringLiteral("Connection: Upgrade"), QStringLiteral("Sec-WebSocket-Accept: wrong=")}));
}

void tst_WsHandshakeView::aRepeatedHeaderIsMarkedEveryTime()
{
    // RFC 6455 §11.3.3: Sec-WebSocket-Accept must not be repeated; both lines are the failure.
    const QByteArray answer = "HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nX-Other: 1\r\n"
                              "sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    const WsHandshakeRecord record = recordFor(answer);
    QList<qint64> failed;
    for (const WsHandshakeView::ResponseMark &mark : WsHandshakeView::responseMarks(record))
        if (!mark.passed)
            failed << mark.offset;
    QCOMPARE(failed, (QList<qint64>{answer.indexOf("Sec-WebSocket-Accept"), answer.indexOf("sec-websocket-accept")}));
}

void tst_WsHandshakeView::showsWhatTheHttpParserFound()
{
    HttpParserLeniency leniency;
    leniency.bareLf = true;
    const WsHandshakeRecord record = recordFor("HTTP/1.1 403 Forbidden\nContent-Length: 2\n\nno", leniency);
    WsHandshakeView view;
    view.setRecord(record);
    const QString html = view.explanationHtml();
    QVERIFY(html.contains(QStringLiteral("http.bare_lf")));
    QVERIFY2(html.contains(QStringLiteral("Refusal body 2 bytes (Content-Length)")), qPrintable(html));
}

namespace {

QByteArray goodAnswer(const WsHandshakeRecord &forRequest)
{
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
        + wsAcceptFor(forRequest.verdict.accept.key) + "\r\nX-Served-By: test\r\n\r\n";
}

} // namespace

void tst_WsHandshakeView::stepThroughRevealsOneStepAtATime()
{
    const WsHandshakeRecord record = recordFor(goodAnswer(recordFor({})));
    QVERIFY(record.verdict.accept.match);
    WsHandshakeView view;
    view.setRecord(record);
    QCOMPARE(view.shownSteps(), 0);
    QVERIFY(view.explanationHtml().contains(QStringLiteral("All response checks")));
    QVERIFY(!view.backButton()->isEnabled());

    view.nextButton()->click();
    QCOMPARE(view.shownSteps(), 1);
    QVERIFY(view.explanationHtml().contains(QStringLiteral("Sec-WebSocket-Key sent by the client")));
    // The key's 16 bytes: "the sample nonce" in hex.
    QVERIFY(view.explanationHtml().contains(QString::fromLatin1(QByteArray("the sample nonce").toHex(' '))));
    QVERIFY(!view.explanationHtml().contains(QStringLiteral("Key + GUID")));
    QVERIFY(!view.explanationHtml().contains(QStringLiteral("All response checks")));
    for (int i = 2; i <= WsHandshakeView::stepCount; ++i)
        view.nextButton()->click();
    QCOMPARE(view.shownSteps(), WsHandshakeView::stepCount);
    QVERIFY(!view.nextButton()->isEnabled());
    QVERIFY(view.explanationHtml().contains(QStringLiteral("Match: the server computed the same value.")));
    view.backButton()->click();
    QCOMPARE(view.shownSteps(), WsHandshakeView::stepCount - 1);
    QVERIFY(!view.explanationHtml().contains(QStringLiteral("Sec-WebSocket-Accept sent by the server")));
    view.allButton()->click();
    QCOMPARE(view.shownSteps(), 0);
    QVERIFY(view.explanationHtml().contains(QStringLiteral("Sec-WebSocket-Accept sent by the server")));
}

void tst_WsHandshakeView::aFailedCheckSaysAtWhichStep_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("accept"); // empty: the header is missing
    QTest::addColumn<int>("step");
    const QByteArray key = QByteArray("the sample nonce").toBase64();
    QTest::newRow("match") << key << wsAcceptFor(key) << 0;
    QTest::newRow("mismatch") << key << QByteArray("d3Jvbmc=") << 5;
    QTest::newRow("missing") << key << QByteArray() << 5;
    QTest::newRow("a key of 15 bytes") << QByteArray(15, 'k').toBase64() << QByteArray("d3Jvbmc=") << 1;
    QTest::newRow("a key that is not base64") << QByteArray("not base64!") << QByteArray("d3Jvbmc=") << 1;
}

void tst_WsHandshakeView::aFailedCheckSaysAtWhichStep()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, accept);
    QFETCH(int, step);
    WsHandshakeRecord record;
    record.verdict.accept = wsDeriveAccept(key, accept, !accept.isEmpty());
    QCOMPARE(WsHandshakeView::failedStep(record), step);
    WsHandshakeView view;
    view.setRecord(record);
    QCOMPARE(view.explanationHtml().contains(QStringLiteral("The check fails at this step.")), step != 0);
}

void tst_WsHandshakeView::everyHeaderIsExplainedWithItsSection()
{
    const WsHandshakeRecord record = recordFor(goodAnswer(recordFor({})));
    WsHandshakeView view;
    view.setRecord(record);
    const QString html = view.explanationHtml();
    QVERIFY(html.contains(QStringLiteral("The request's headers, what they mean")));
    QVERIFY(html.contains(QStringLiteral("RFC 6455 §4.1 item 7")));       // Sec-WebSocket-Key
    QVERIFY(html.contains(QStringLiteral("RFC 6455 §4.1 item 9, §4.4"))); // Sec-WebSocket-Version
    QVERIFY(html.contains(QStringLiteral("RFC 6455 §4.2.2 item 5.4")));   // Sec-WebSocket-Accept
    QVERIFY(html.contains(QStringLiteral("X-Served-By")));
    QVERIFY(html.contains(QStringLiteral("not part of the WebSocket handshake")));
}

QTEST_MAIN(tst_WsHandshakeView)
#include "tst_wshandshakeview.moc"
