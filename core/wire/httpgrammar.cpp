#include "core/wire/httpgrammar.h"

#include "core/wire/httpviolations.h"

namespace wirescope::http {

bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

QByteArrayView trimOws(QByteArrayView text)
{
    qsizetype begin = 0, end = text.size();
    while (begin < end && isOws(text[begin]))
        ++begin;
    while (end > begin && isOws(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin);
}

int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QList<QByteArray> splitList(QByteArrayView value)
{
    QList<QByteArray> out;
    qsizetype start = 0;
    bool quoted = false;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        if (i < value.size()) {
            const char c = value[i];
            if (quoted && c == '\\') {
                ++i; // quoted-pair: the next byte is literal, a '"' or ',' included
                continue;
            }
            if (c == '"')
                quoted = !quoted;
            if (c != ',' || quoted)
                continue;
        }
        const QByteArrayView element = trimOws(value.sliced(start, i - start));
        if (!element.isEmpty())
            out.append(element.toByteArray());
        start = i + 1;
    }
    return out;
}

bool listHasToken(QByteArrayView value, QByteArrayView token)
{
    for (const QByteArray &element : splitList(value)) {
        if (QByteArrayView(element).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool listHasToken(const QList<QByteArray> &values, QByteArrayView token)
{
    for (const QByteArray &value : values) {
        if (listHasToken(value, token))
            return true;
    }
    return false;
}

FieldLine parseFieldLine(QByteArrayView line)
{
    FieldLine field;
    auto fail = [&field](const ViolationKind &kind, qsizetype at, qsizetype length, const QString &detail) {
        field.error = &kind;
        field.errorAt = at;
        field.errorLength = length;
        field.detail = detail;
        return field;
    };
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return fail(httpv::BadHeaderLine, 0, line.size(), hexPreview(line, 64));
    if (colon == 0)
        return fail(httpv::BadHeaderName, 0, 1, QStringLiteral("empty name"));
    for (qsizetype i = 0; i < colon; ++i) {
        const char c = line[i];
        // RFC 9112 §5.1: no whitespace between name and colon; a server MUST reject it and
        // a proxy MUST strip it, because the two readings smuggle different headers.
        if (isOws(c))
            return fail(httpv::SpaceBeforeColon, i, 1, QString::fromLatin1(line.first(colon).toByteArray()));
        if (!isTchar(c))
            return fail(httpv::BadHeaderName, i, 1, QStringLiteral("byte 0x%1").arg(uchar(c), 2, 16, QLatin1Char('0')));
    }
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    for (char c : value) {
        // RFC 9110 §5.5: CR, LF and NUL are invalid in a field value and MUST be rejected.
        if (c == '\0' || c == '\r' || c == '\n')
            return fail(httpv::NulInHeader, colon + 1, line.size() - colon - 1,
                        QStringLiteral("byte 0x%1").arg(uchar(c), 2, 16, QLatin1Char('0')));
    }
    field.name = line.first(colon).toByteArray();
    field.value = value.toByteArray();
    return field;
}

Violation addFieldLine(QList<HttpHeaderField> &fields, const QByteArray &rawLine, QByteArrayView line,
                       qint64 lineOffset, int maxCount, bool obsFold, QList<Violation> &notes)
{
    if (!line.isEmpty() && isOws(line[0])) {
        // RFC 9112 §5.2: obs-fold. A recipient MUST reject it or replace it with SP.
        if (fields.isEmpty())
            return Violation{&httpv::BadHeaderLine, lineOffset, line.size(), QStringLiteral("whitespace before the first field")};
        if (!obsFold)
            return Violation{&httpv::ObsFold, lineOffset, rawLine.size(), QString()};
        notes.append(Violation{&httpv::ObsFoldTolerated, lineOffset, rawLine.size(), QStringLiteral("tolerated")});
        HttpHeaderField &previous = fields.last();
        previous.value += ' ' + trimOws(line).toByteArray();
        previous.raw += rawLine;
        return {};
    }
    if (fields.size() >= maxCount)
        return Violation{&httpv::TooManyHeaders, lineOffset, rawLine.size(), QStringLiteral("limit %1").arg(maxCount)};
    FieldLine parsed = parseFieldLine(line);
    if (parsed.error)
        return Violation{parsed.error, lineOffset + parsed.errorAt, parsed.errorLength, parsed.detail};
    fields.append(HttpHeaderField{std::move(parsed.name), std::move(parsed.value), rawLine, lineOffset});
    return {};
}

QString hexPreview(QByteArrayView bytes, qsizetype max)
{
    return QString::fromLatin1(bytes.first(qMin(max, bytes.size())).toByteArray().toHex(' '));
}

} // namespace wirescope::http
