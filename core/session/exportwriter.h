#pragma once

#include "core/session/exportoptions.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace wirescope {

class Timeline;

// What every exporter of a timeline shares: its options, the device it streams to and the
// reason it stopped. HarWriter and PcapngWriter write through put().
class ExportWriter
{
public:
    ExportWriter(QIODevice *out, ExportOptions options) : m_options(std::move(options)), m_out(out) {}
    QString errorString() const { return m_error; }

protected:
    // Hands all of `bytes` to the device; false (with the device's reason) otherwise.
    bool put(const QByteArray &bytes);

    const ExportOptions m_options;

private:
    QIODevice *m_out;
    QString m_error;
};

// writer.write(timeline), with its reason in `error` when it fails.
template<typename Writer>
bool runExport(Writer &&writer, const Timeline &timeline, QString *error)
{
    if (writer.write(timeline))
        return true;
    if (error)
        *error = writer.errorString();
    return false;
}

// Every export file is written through QSaveFile (DESIGN.md, data flow rules): it appears
// whole or not at all. `write` fills the device and says why when it could not.
bool saveExportFile(const QString &path, QString *error, const std::function<bool(QIODevice *, QString *)> &write);

} // namespace wirescope
