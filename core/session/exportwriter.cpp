#include "core/session/exportwriter.h"

#include <QSaveFile>

namespace wirescope {

bool ExportWriter::put(const QByteArray &bytes)
{
    if (m_out->write(bytes) == bytes.size())
        return true;
    m_error = m_out->errorString();
    return false;
}

bool saveExportFile(const QString &path, QString *error, const std::function<bool(QIODevice *, QString *)> &write)
{
    QSaveFile file(path);
    QString reason;
    const bool ok = file.open(QIODevice::WriteOnly) && write(&file, &reason) && file.commit();
    if (!ok && error)
        *error = reason.isEmpty() ? file.errorString() : reason;
    return ok;
}

} // namespace wirescope
