#include "core/wire/httplinereader.h"

#include "core/wire/httpviolations.h"

#include <cstring>

namespace wirescope {

HttpLineReader::HttpLineReader(qint64 maxLineBytes, bool bareLf)
    : m_maxLineBytes(maxLineBytes)
    , m_bareLf(bareLf)
{
}

void HttpLineReader::clear()
{
    m_line.clear();
    m_contentSize = 0;
}

HttpLineReader::Result HttpLineReader::read(QByteArrayView bytes, qint64 streamOffset, QList<Violation> &violations)
{
    const void *nl = std::memchr(bytes.data(), '\n', size_t(bytes.size()));
    const qsizetype take = nl ? (static_cast<const char *>(nl) - bytes.data()) + 1 : bytes.size();
    if (m_line.isEmpty())
        m_lineOffset = streamOffset;
    // The limit is checked before the bytes are kept: an endless line costs nothing. It
    // counts the content and a CR, not the LF.
    if (m_line.size() + take - (nl ? 1 : 0) > m_maxLineBytes + 1) {
        violations.append(Violation{&httpv::LineTooLong, m_lineOffset, m_line.size() + take,
                                    QStringLiteral("limit %1 bytes").arg(m_maxLineBytes)});
        return {Status::Error, 0};
    }
    m_line.append(bytes.first(take));
    if (!nl)
        return {Status::NeedMore, take};
    // RFC 9112 §2.2: lines end with CRLF; a recipient MAY accept a bare LF (named leniency).
    const qsizetype lf = m_line.size() - 1;
    if (lf > 0 && m_line.at(lf - 1) == '\r') {
        m_contentSize = lf - 1;
        return {Status::Line, take};
    }
    if (!m_bareLf) {
        violations.append(Violation{&httpv::BareLf, m_lineOffset + lf, 1, QString()});
        return {Status::Error, take};
    }
    violations.append(Violation{&httpv::BareLfTolerated, m_lineOffset + lf, 1, QStringLiteral("tolerated")});
    m_contentSize = lf;
    return {Status::Line, take};
}

QByteArray HttpLineReader::takeLine()
{
    QByteArray line = std::move(m_line);
    m_line = QByteArray();
    return line;
}

} // namespace wirescope
