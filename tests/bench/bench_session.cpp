// The session file's figures (docs/session-schema.md), printed, never asserted:
//   - write-through: messages per second recorded into a timeline with and without a
//     SessionStore attached (the store's thread does the SQL);
//   - file bytes per small message beyond its payload;
//   - the time to open the file into a timeline ready to scroll, and the peak RSS.
// The traffic is synthesized as tst_recorder does: real frames through the real codecs
// (SimulatedWsConnection) into a TimelineWriter and the session's Recorder.
//
//   bench_session [--messages 1000000] [--exchanges 10000] [--per-read 1]
// --per-read: messages per read (1: each message its own chunk, the costly case).
#include "core/session/session.h"
#include "core/session/sessiondocument.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionstore.h"
#include "tests/bench/synthesizedtraffic.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <sys/resource.h>

using namespace wirescope;
using wirescope::test::synthesizeTraffic;

namespace {

struct Options {
    qint64 messages = 1'000'000;
    qint64 exchanges = 10'000;
    int perRead = 1;
};

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux: KiB
}

struct FileRun {
    double recordSeconds = 0;
    qint64 fileBytes = 0;
    double loadSeconds = 0;
    qsizetype rows = 0;
};

FileRun writeAndLoad(const QString &path, const Options &o, qint64 exchanges)
{
    FileRun run;
    {
        Session session;
        SessionStore store;
        SessionFileError error;
        if (!store.open(path, &error)) {
            std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(error.message));
            std::exit(1);
        }
        store.attach(&session);
        run.recordSeconds = synthesizeTraffic(session, &store, o.messages, exchanges, o.perRead);
        store.close();
        run.rows = session.timeline().rowCount();
    }
    run.fileBytes = QFileInfo(path).size();
    QElapsedTimer timer;
    timer.start();
    SessionFileError error;
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    run.loadSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!loaded || loaded->timeline().rowCount() != run.rows) {
        std::fprintf(stderr, "load failed: %s %s\n", qPrintable(error.id), qPrintable(error.message));
        std::exit(1);
    }
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--messages")
            o.messages = args[i + 1].toLongLong();
        else if (args[i] == u"--exchanges")
            o.exchanges = args[i + 1].toLongLong();
        else if (args[i] == u"--per-read")
            o.perRead = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    std::printf("bench_session: %lld messages of 32 bytes (%d per read), %lld HTTP exchanges\n", o.messages,
                o.perRead, o.exchanges);

    {
        Session bare;
        const double seconds = synthesizeTraffic(bare, nullptr, o.messages, o.exchanges, o.perRead);
        std::printf("  timeline only          %8.0f msg/s  (%.2f s)\n", double(o.messages) / seconds, seconds);
    }
    const FileRun messagesOnly = writeAndLoad(dir.filePath(QStringLiteral("messages.wirescope")), o, 0);
    const FileRun empty = writeAndLoad(dir.filePath(QStringLiteral("empty.wirescope")), Options{0, 0, 1}, 0);
    const FileRun full = writeAndLoad(dir.filePath(QStringLiteral("full.wirescope")), o, o.exchanges);
    std::printf("  write-through          %8.0f msg/s  (%.2f s, last commit included)\n",
                double(o.messages) / full.recordSeconds, full.recordSeconds);
    std::printf("  file per message       %8.1f bytes beyond its 32-byte payload (messages only: %lld bytes)\n",
                double(messagesOnly.fileBytes - empty.fileBytes) / double(o.messages) - 32.0, messagesOnly.fileBytes);
    std::printf("  file, with exchanges   %8.1f MiB  (%lld rows)\n", double(full.fileBytes) / 1048576.0,
                qint64(full.rows));
    std::printf("  open into a timeline   %8.3f s  (messages only: %.3f s)\n", full.loadSeconds, messagesOnly.loadSeconds);
    {
        // What File > Open does: a working copy of the file, loaded and ready to record more.
        QElapsedTimer timer;
        timer.start();
        SessionFileError error;
        const auto document = SessionDocument::open(dir.filePath(QStringLiteral("full.wirescope")),
                                                    dir.filePath(QStringLiteral("work")), &error);
        if (!document) {
            std::fprintf(stderr, "document open failed: %s %s\n", qPrintable(error.id), qPrintable(error.message));
            return 1;
        }
        std::printf("  open in a window       %8.3f s  (working copy + load; the file is not written)\n",
                    double(timer.nsecsElapsed()) / 1e9);
    }
    std::printf("  peak RSS               %8.1f MiB\n", peakRssMiB());
    return 0;
}
