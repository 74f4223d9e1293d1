// A multi-MiB paste into the composers. Prints figures; asserts nothing about time.
//
// For each size (1, 2 and 10 MiB of pretty-printed JSON, by default) the text goes onto the
// clipboard and is pasted through the widget's own paste() (QClipboard + insertFromMimeData,
// offscreen), into:
//   - a bare QPlainTextEdit (the yardstick; and its setPlainText of the same text),
//   - the WebSocket composer in JSON mode,
//   - the HTTP composer's JSON body.
// A 1 ms precise timer on the UI thread records the longest time the event loop could not
// run (the stall) from the paste until the payload's JSON check has reported, plus 200 ms of
// painting after it.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_ui_paste [--sizes 1,2,10] [--no-yardstick]
#include "ui/http/httpcomposer.h"
#include "ui/widgets/payloadeditor.h"
#include "ui/ws/wscomposer.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace wirescope;

namespace {

// The event loop's latency: how late a 1 ms timer fires at worst.
class LoopLatency : public QObject
{
public:
    LoopLatency()
    {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        connect(&m_tick, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worstNs = std::max(m_worstNs, now - m_lastNs);
            m_lastNs = now;
        });
    }
    void start()
    {
        m_worstNs = 0;
        m_clock.start();
        m_lastNs = 0;
        m_tick.start();
    }
    double stopMs()
    {
        // The wait from the last tick to now counts too (a stall at the very end).
        m_worstNs = std::max(m_worstNs, m_clock.nsecsElapsed() - m_lastNs);
        m_tick.stop();
        return double(m_worstNs) / 1e6 - 1.0;
    }

private:
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_worstNs = 0;
};

QString jsonOfSize(qsizetype bytes)
{
    QString text = QStringLiteral("[\n");
    for (int i = 0; text.size() < bytes - 80; ++i)
        text += QStringLiteral("  {\"id\": %1, \"name\": \"item %1\", \"tags\": [\"a\", \"b\"], \"ok\": true},\n").arg(i, 7, 10, QLatin1Char('0'));
    text += QStringLiteral("  {\"id\": -1}\n]\n");
    return text;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs `paste` from inside the event loop and waits until `done()` (polled), then 200 ms
// more; returns the longest stall and the time until done.
struct Figures {
    double stallMs = 0;
    double doneMs = 0;
};

Figures measure(const std::function<void()> &paste, const std::function<bool()> &done)
{
    LoopLatency probe;
    QElapsedTimer clock;
    spin(50);
    probe.start();
    clock.start();
    QTimer::singleShot(5, paste);
    spin(10);
    while (!done())
        spin(5);
    Figures f;
    f.doneMs = double(clock.nsecsElapsed()) / 1e6 - 5;
    spin(200);
    f.stallMs = probe.stopMs();
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sizes"), QStringLiteral("Sizes in MiB, comma-separated."), QStringLiteral("list"),
                      QStringLiteral("1,2,10")});
    parser.addOption({QStringLiteral("no-yardstick"), QStringLiteral("Skip the bare QPlainTextEdit.")});
    parser.process(app);

    std::printf("Paste into the composers (offscreen, %s); stall = longest event-loop gap, paste to checked + 200 ms\n",
                qPrintable(QGuiApplication::platformName()));
    std::printf("%8s  %22s  %22s  %26s  %26s\n", "size", "QPlainTextEdit paste", "QPlainTextEdit setText",
                "WS composer (JSON) stall", "HTTP body (JSON) stall");
    for (const QString &part : parser.value(QStringLiteral("sizes")).split(u',')) {
        const qsizetype size = qsizetype(part.toDouble() * 1024 * 1024);
        const QString text = jsonOfSize(size);
        QClipboard *clipboard = QGuiApplication::clipboard();

        double barePaste = -1, bareSet = -1;
        if (!parser.isSet(QStringLiteral("no-yardstick"))) {
            QPlainTextEdit bare;
            bare.resize(600, 400);
            bare.show();
            clipboard->setText(text);
            barePaste = measure([&] { bare.paste(); }, [] { return true; }).stallMs;
            bare.clear();
            QPlainTextEdit bare2;
            bare2.resize(600, 400);
            bare2.show();
            bareSet = measure([&] { bare2.setPlainText(text); }, [] { return true; }).stallMs;
        }

        WsComposer ws;
        ws.resize(600, 400);
        ws.setMode(WsComposer::Mode::Json);
        ws.show();
        clipboard->setText(text);
        ws.editor()->setFocus();
        const Figures wsFig = measure([&] { ws.editor()->paste(); },
                                      [&] { return !ws.checkPending() && ws.editor()->isKept(); });
        const bool wsOk = ws.payload() == text.toUtf8() && ws.validationError().isEmpty();

        HttpComposer http;
        http.resize(900, 600);
        http.show();
        http.tabs()->setCurrentIndex(2);
        auto *kind = http.tabs()->widget(2)->findChild<QComboBox *>();
        kind->setCurrentIndex(int(BodyKind::Json));
        PayloadEditor *body = nullptr;
        for (PayloadEditor *e : http.findChildren<PayloadEditor *>())
            if (e->accessibleName() == QLatin1String("JSON body"))
                body = e;
        clipboard->setText(text);
        body->setFocus();
        const Figures httpFig = measure([&] { body->paste(); }, [&] { return !body->pending() && body->isKept(); });
        const bool httpOk = http.request().body().text == text;

        std::printf("%5.1f MiB  %19.1f ms  %19.1f ms  %9.1f ms (checked %6.0f ms)%s  %9.1f ms (checked %6.0f ms)%s\n",
                    double(text.size()) / 1048576.0, barePaste, bareSet, wsFig.stallMs, wsFig.doneMs,
                    wsOk ? "" : " WRONG BYTES", httpFig.stallMs, httpFig.doneMs, httpOk ? "" : " WRONG BYTES");
        std::fflush(stdout);
    }
    return 0;
}
