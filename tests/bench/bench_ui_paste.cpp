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
// Checked: the composers send exactly the pasted bytes ("WRONG BYTES" otherwise).
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
#include <ctime>
#include <functional>

using namespace wirescope;

namespace {

qint64 uiThreadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// The event loop's latency: how late a 1 ms timer fires at worst (wall clock), and the most
// CPU the UI thread itself used between two ticks (its own work, apart from time the shared
// host did not schedule it).
class LoopLatency : public QObject
{
public:
    LoopLatency()
    {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        connect(&m_tick, &QTimer::timeout, this, [this] { tick(); });
    }
    void start()
    {
        m_worstNs = m_worstCpuNs = 0;
        m_clock.start();
        m_lastNs = 0;
        m_lastCpuNs = uiThreadCpuNs();
        m_tick.start();
    }
    void stop()
    {
        tick(); // the wait from the last tick to now counts too (a stall at the very end)
        m_tick.stop();
    }
    double worstGapMs() const { return double(m_worstNs) / 1e6 - 1.0; }
    double worstCpuMs() const { return double(m_worstCpuNs) / 1e6; }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = uiThreadCpuNs();
        m_worstNs = std::max(m_worstNs, now - m_lastNs);
        m_worstCpuNs = std::max(m_worstCpuNs, cpu - m_lastCpuNs);
        m_lastNs = now;
        m_lastCpuNs = cpu;
    }

    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_worstNs = 0;
    qint64 m_worstCpuNs = 0;
};

QString jsonOfSize(qsizetype bytes)
{
    QString text = QStringLiteral("[\n");
    for (int i = 0; text.size() < bytes - 80; ++i)
        text += QStringLiteral("  {\"id\": %1, \"name\": \"item %1\", \"tags\": [\"a\", \"b\"], \"ok\": true},\n").arg(1000000 + i);
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
    double stallMs = 0; // the longest event-loop gap, wall clock
    double cpuMs = 0;   // the UI thread's own CPU time within its busiest gap
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
    probe.stop();
    f.stallMs = probe.worstGapMs();
    f.cpuMs = probe.worstCpuMs();
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

    std::printf("Paste into the composers (%s platform). Per cell: the longest UI-thread stall (event-loop gap, wall\n"
                "clock) / the UI thread's own CPU time in its busiest gap; composers: from the paste until the payload\n"
                "is checked (JSON, on a pool thread), plus 200 ms\n",
                qPrintable(QGuiApplication::platformName()));
    std::printf("%8s  %24s  %24s  %34s  %34s\n", "size", "QPlainTextEdit::paste", "QPlainTextEdit::setPlain",
                "WS composer, JSON (checked after)", "HTTP JSON body (checked after)");
    for (const QString &part : parser.value(QStringLiteral("sizes")).split(u',')) {
        const qsizetype size = qsizetype(part.toDouble() * 1024 * 1024);
        const QString text = jsonOfSize(size);
        QClipboard *clipboard = QGuiApplication::clipboard();

        Figures barePaste{-1, -1, -1}, bareSet{-1, -1, -1}; // -1: not measured (--no-yardstick)
        if (!parser.isSet(QStringLiteral("no-yardstick"))) {
            QPlainTextEdit bare;
            bare.resize(600, 400);
            bare.show();
            clipboard->setText(text);
            barePaste = measure([&] { bare.paste(); }, [] { return true; });
            bare.clear();
            QPlainTextEdit bare2;
            bare2.resize(600, 400);
            bare2.show();
            bareSet = measure([&] { bare2.setPlainText(text); }, [] { return true; });
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

        std::printf("%5.1f MiB  %10.1f / %7.1f ms  %10.1f / %7.1f ms  %8.1f / %6.1f ms (%5.0f ms)%s  %8.1f / %6.1f ms (%5.0f ms)%s\n",
                    double(text.size()) / 1048576.0, barePaste.stallMs, barePaste.cpuMs, bareSet.stallMs, bareSet.cpuMs,
                    wsFig.stallMs, wsFig.cpuMs, wsFig.doneMs, wsOk ? "" : " WRONG BYTES", httpFig.stallMs, httpFig.cpuMs,
                    httpFig.doneMs, httpOk ? "" : " WRONG BYTES");
        std::fflush(stdout);
    }
    return 0;
}
