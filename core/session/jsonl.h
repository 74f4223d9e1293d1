#pragma once

#include <QJsonObject>

class QIODevice;

namespace wirescope {

// Writes one compact JSON object per line and flushes it, so a consumer piping the CLI
// sees each event as it happens (the CLI's public contract, see docs/cli.md).
class JsonLinesWriter
{
public:
    explicit JsonLinesWriter(QIODevice *device);

    void write(const QJsonObject &object);

private:
    QIODevice *m_device;
};

// Hex without separators, truncated to maxBytes (the caller states the full length).
QString hexPreview(const QByteArray &bytes, qsizetype maxBytes);

} // namespace wirescope
