#include "core/session/jsonl.h"

#include <QFile>
#include <QIODevice>
#include <QJsonDocument>

namespace wirescope {

JsonLinesWriter::JsonLinesWriter(QIODevice *device)
    : m_device(device)
{
}

void JsonLinesWriter::write(const QJsonObject &object)
{
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    m_device->write(line);
    if (auto *file = qobject_cast<QFile *>(m_device))
        file->flush();
}

QString hexPreview(const QByteArray &bytes, qsizetype maxBytes)
{
    return QString::fromLatin1(bytes.left(maxBytes).toHex());
}

} // namespace wirescope
