// HAR and pcapng export of a large session (issue #11: "HAR export of that session streams,
// memory does not grow with its size"). Printed, never asserted.
//
// For each size a session file is written as bench_session writes it (32-byte server
// messages, each its own read, and one HTTP exchange per 100 messages), then a child process
// of this benchmark does what `wirescope-cli session export FILE --har OUT` does
// (SessionFileReader::load, then saveHar / savePcapng) and reports its resident set: after
// the open (the yardstick: the loaded timeline itself), the open's peak, and the peak during
// the export alone (VmHWM reset after the open through /proc/self/clear_refs). What the
// export adds is that peak minus the RSS after the open; streamed, it does not grow with
// the session.
//
//   bench_export [--sizes 250000,500000,1000000] [--exchanges-per 100] [--keep DIR]
// --keep: write the session files into DIR and leave them there (to run the CLI on them).
#include "core/session/harwriter.h"
#include "core/session/pcapngwriter.h"
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionstore.h"
#include "tests/bench/synthesizedtraffic.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace wirescope;

namespace {

// A /proc/self/status field in KiB (VmRSS, VmHWM).
qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

// proc(5): writing 5 to clear_refs resets the peak resident set size to the current one.
bool resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// The child: one export of one file, figures on stdout as "key=value" words.
int exportChild(const QString &path, const QString &format, const QString &out)
{
    const qint64 rssStart = statusKiB("VmRSS:");
    QElapsedTimer timer;
    timer.start();
    SessionFileError error;
    const std::unique_ptr<Session> session = SessionFileReader::load(path, &error);
    if (!session) {
        std::fprintf(stderr, "bench_export: %s: %s\n", qPrintable(error.id), qPrintable(error.message));
        return 1;
    }
    const double openSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 rssOpen = statusKiB("VmRSS:");
    const qint64 peakOpen = statusKiB("VmHWM:");
    const bool reset = resetPeakRss();
    ExportOptions options;
    options.wallAnchor = session->clock().wallAnchor();
    QString why;
    timer.restart();
    const bool written = format == u"har" ? saveHar(session->timeline(), out, options, &why)
                                          : savePcapng(session->timeline(), out, options, &why);
    const double exportSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!written) {
        std::fprintf(stderr, "bench_export: %s\n", qPrintable(why));
        return 1;
    }
    std::printf("rss_start=%lld rss_open=%lld peak_open=%lld peak_export=%lld reset=%d open_s=%.3f export_s=%.3f\n",
                rssStart, rssOpen, peakOpen, statusKiB("VmHWM:"), int(reset), openSeconds, exportSeconds);
    return 0;
}

struct ChildFigures {
    double rssOpenMiB = 0, peakOpenMiB = 0, peakExportMiB = 0, openSeconds = 0, exportSeconds = 0;
    bool reset = false;
};

ChildFigures runChild(const QString &self, const QString &path, const QString &format, const QString &out)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(self, {QStringLiteral("--child"), path, format, out});
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        std::fprintf(stderr, "bench_export: the %s export of %s failed\n", qPrintable(format), qPrintable(path));
        std::exit(1);
    }
    ChildFigures f;
    for (const QByteArray &word : child.readAllStandardOutput().trimmed().split(' ')) {
        const qsizetype eq = word.indexOf('=');
        const QByteArray key = word.left(eq);
        const double value = word.mid(eq + 1).toDouble();
        if (key == "rss_open")
            f.rssOpenMiB = value / 1024;
        else if (key == "peak_open")
            f.peakOpenMiB = value / 1024;
        else if (key == "peak_export")
            f.peakExportMiB = value / 1024;
        else if (key == "open_s")
            f.openSeconds = value;
        else if (key == "export_s")
            f.exportSeconds = value;
        else if (key == "reset")
            f.reset = value != 0;
    }
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args[1] == u"--child")
        return exportChild(args[2], args[3], args[4]);
    QList<qint64> sizes{250'000, 500'000, 1'000'000};
    qint64 exchangesPer = 100;
    QString keep;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--sizes") {
            sizes.clear();
            for (const QString &size : args[i + 1].split(u',', Qt::SkipEmptyParts))
                sizes.append(size.toLongLong());
        } else if (args[i] == u"--exchanges-per") {
            exchangesPer = std::max<qint64>(1, args[i + 1].toLongLong());
        } else if (args[i] == u"--keep") {
            keep = args[i + 1];
        }
    }
    QTemporaryDir temporary;
    const QDir dir(keep.isEmpty() ? temporary.path() : keep);
    std::printf("bench_export: sessions of N messages of 32 bytes (each its own read) and N/%lld HTTP exchanges;\n"
                "each export in a child process as `wirescope-cli session export` does it (RSS in MiB)\n\n",
                exchangesPer);
    std::printf("%9s %8s %7s | %9s %9s | %-6s %9s %9s %10s %8s\n", "messages", "exchanges", "file", "open RSS",
                "open peak", "export", "output", "peak", "added", "seconds");
    for (const qint64 messages : sizes) {
        const QString path = dir.filePath(QStringLiteral("s%1.wirescope").arg(messages));
        {
            Session session;
            SessionStore store;
            SessionFileError error;
            QFile::remove(path); // a kept file of an earlier run would be appended to
            if (!store.open(path, &error)) {
                std::fprintf(stderr, "bench_export: cannot write %s: %s\n", qPrintable(path), qPrintable(error.message));
                return 1;
            }
            store.attach(&session);
            test::synthesizeTraffic(session, &store, messages, messages / exchangesPer, 1);
            store.close();
        }
        const double fileMiB = double(QFileInfo(path).size()) / 1048576.0;
        for (const QString &format : {QStringLiteral("har"), QStringLiteral("pcapng")}) {
            const QString out = dir.filePath(QStringLiteral("out.") + format);
            const ChildFigures f = runChild(QCoreApplication::applicationFilePath(), path, format, out);
            std::printf("%9lld %9lld %7.1f | %9.1f %9.1f | %-6s %9.1f %9.1f %10.1f %8.2f%s\n", messages,
                        messages / exchangesPer, fileMiB, f.rssOpenMiB, f.peakOpenMiB, qPrintable(format),
                        double(QFileInfo(out).size()) / 1048576.0, f.peakExportMiB, f.peakExportMiB - f.rssOpenMiB,
                        f.exportSeconds, f.reset ? "" : "  (peak not reset: includes the open)");
            QFile::remove(out);
        }
        if (keep.isEmpty())
            QFile::remove(path);
    }
    std::printf("\nfile: the session file (MiB); open RSS: resident after SessionFileReader::load; open peak: the\n"
                "load's peak; output: the export's size; peak: VmHWM during the export alone; added: peak - open RSS.\n");
    return 0;
}
