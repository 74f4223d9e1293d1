// libFuzzer target: a hostile or damaged .wirescope file, loaded as the window and the CLI
// load one (SessionFileReader). The input bytes are the file. Whatever they are, the load
// either gives a session whose every row can be printed, or an error with an id; it never
// crashes, hangs or allocates what the file merely claims.
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/timelinetext.h"
#include "core/session/wsjsonlines.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdlib>

#include <unistd.h>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path =
        QDir::temp().filePath(QStringLiteral("fuzz_sessionload_%1.wirescope").arg(qint64(::getpid())));
    // SQLite's side files of the previous input would be read as part of this one.
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    SessionFileError error;
    const std::unique_ptr<Session> session = SessionFileReader::load(path, &error);
    if (!session) {
        if (error.id.isEmpty())
            std::abort(); // a refusal always says why
        return 0;
    }
    const Timeline &timeline = session->timeline();
    WsJsonLines lines;
    for (qsizetype row = 0; row < timeline.rowCount(); ++row) {
        timelineRowText(timeline, row, true);
        lines.linesFor(timeline, row);
    }
    return 0;
}
