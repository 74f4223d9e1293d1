#include "core/wire/wshandshake.h"

#include "core/wire/wsviolations.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <cstring>

namespace wirescope {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 §5.6.2 tchar
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

QByteArray extensionName(const QByteArray &element)
{
    const qsizetype semi = element.indexOf(';');
    return (semi < 0 ? element : element.left(semi)).trimmed().toLower();
}

QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

} // namespace

WsHandshakeRequest wsBuildHandshakeRequest(const WsHandshakeRequestOptions &options, const QByteArray &nonce)
{
    WsHandshakeRequest request;
    QByteArray raw = nonce;
    if (raw.size() != 16) {
        // RFC 6455 §4.1: the nonce is 16 bytes "randomly selected".
        raw.resize(16);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 4);
    }
    request.key = raw.toBase64();
    request.subprotocols = options.subprotocols;
    request.extensions = options.extensions;

    const QUrl &url = options.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    // RFC 9110 §7.2: Host carries the port only when it is not the scheme's default.
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const bool secure = url.scheme() == u"wss" || url.scheme() == u"https";
    const int defaultPort = secure ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());

    QByteArray out;
    out += "GET " + target + " HTTP/1.1\r\n";
    out += "Host: " + host + "\r\n";
    out += "Upgrade: websocket\r\n";
    out += "Connection: Upgrade\r\n";
    out += "Sec-WebSocket-Key: " + request.key + "\r\n";
    out += "Sec-WebSocket-Version: 13\r\n";
    if (!options.origin.isEmpty())
        out += "Origin: " + options.origin.toUtf8() + "\r\n";
    if (!options.subprotocols.isEmpty())
        out += "Sec-WebSocket-Protocol: " + options.subprotocols.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    if (!options.extensions.isEmpty())
        out += "Sec-WebSocket-Extensions: " + options.extensions.join(", ") + "\r\n";
    QString user = options.basicUser;
    QString password = options.basicPassword;
    if (user.isEmpty() && !url.userName().isEmpty()) {
        user = url.userName();
        password = url.password();
    }
    if (!options.bearerToken.isEmpty())
        out += "Authorization: Bearer " + options.bearerToken.toUtf8() + "\r\n";
    else if (!user.isEmpty())
        out += "Authorization: Basic " + (user + u':' + password).toUtf8().toBase64() + "\r\n";
    if (!options.cookies.isEmpty()) {
        QList<QByteArray> pairs;
        for (const WsHeader &cookie : options.cookies)
            pairs << cookie.first + '=' + cookie.second;
        out += "Cookie: " + pairs.join("; ") + "\r\n";
    }
    for (const WsHeader &header : options.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "\r\n";
    request.bytes = out;
    return request;
}

QByteArray wsAcceptFor(const QByteArray &key)
{
    return QCryptographicHash::hash(QByteArray(key + WsGuid), QCryptographicHash::Sha1).toBase64();
}

WsAcceptDerivation wsDeriveAccept(const QByteArray &key, const QByteArray &actual, bool present)
{
    WsAcceptDerivation d;
    d.key = key;
    d.keyPlusGuid = key + WsGuid;
    const QByteArray sha1 = QCryptographicHash::hash(d.keyPlusGuid, QCryptographicHash::Sha1);
    d.sha1Hex = sha1.toHex();
    d.expected = sha1.toBase64();
    d.actual = actual;
    d.present = present;
    d.match = present && actual == d.expected;
    return d;
}

QByteArray WsHttpResponse::header(QByteArrayView name) const
{
    for (const WsHeader &h : headers)
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QList<QByteArray> WsHttpResponse::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const WsHeader &h : headers)
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            values << h.second;
    return values;
}

bool WsHttpResponse::hasHeader(QByteArrayView name) const
{
    for (const WsHeader &h : headers)
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

WsHandshakeResponseParser::WsHandshakeResponseParser(const WsResponseParserLimits &limits)
    : m_limits(limits)
{
}

void WsHandshakeResponseParser::fail(const ViolationKind &kind, const QString &detail)
{
    m_state = State::Failed;
    m_error = Violation{&kind, 0, m_buffer.size(), detail};
}

qsizetype WsHandshakeResponseParser::feed(QByteArrayView bytes)
{
    if (m_state == State::Head) {
        const qsizetype before = m_buffer.size();
        // Only look at what can still belong to the head: the rest is the WebSocket stream.
        const qsizetype room = m_limits.maxHeadBytes - before;
        m_buffer.append(bytes.first(std::min<qsizetype>(bytes.size(), std::max<qsizetype>(0, room + 4))));
        const qsizetype searchFrom = std::max<qsizetype>(0, before - 3);
        qsizetype end = m_buffer.indexOf("\r\n\r\n", searchFrom);
        qsizetype endLen = 4;
        const qsizetype lfEnd = m_buffer.indexOf("\n\n", std::max<qsizetype>(0, before - 1));
        if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
            end = lfEnd;
            endLen = 2;
        }
        if (end < 0) {
            if (m_buffer.size() > m_limits.maxHeadBytes)
                fail(wsv::HandshakeTooLarge, QString::number(m_limits.maxHeadBytes) + QStringLiteral(" bytes"));
            return bytes.size();
        }
        const qsizetype headSize = end + endLen;
        if (headSize > m_limits.maxHeadBytes) {
            fail(wsv::HandshakeTooLarge, QString::number(m_limits.maxHeadBytes) + QStringLiteral(" bytes"));
            return bytes.size();
        }
        m_response.head = m_buffer.left(headSize);
        const qsizetype usedHere = headSize - before;
        m_buffer.clear();
        if (!parseHead())
            return bytes.size();
        if (m_response.status == 101) {
            m_state = State::Complete;
            return usedHere;
        }
        // RFC 9112 §6.3: how long the body of the refusal is.
        const int s = m_response.status;
        if ((s >= 100 && s < 200) || s == 204 || s == 304) {
            m_bodyRemaining = 0;
        } else if (m_response.header("Transfer-Encoding").toLower().trimmed().endsWith("chunked")) {
            // RFC 9112 §6.3: chunked wins over any Content-Length; the framing is decoded
            // for display while the raw bytes are kept.
            m_response.bodyChunked = true;
        } else if (m_response.hasHeader("Content-Length")) {
            bool ok = false;
            m_bodyRemaining = m_response.header("Content-Length").trimmed().toLongLong(&ok);
            if (!ok || m_bodyRemaining < 0)
                m_bodyRemaining = -1;
        }
        m_state = State::Body;
        if (m_bodyRemaining == 0) {
            m_state = State::Complete;
            m_response.bodyComplete = true;
            return usedHere;
        }
        return usedHere + feed(bytes.sliced(usedHere));
    }
    if (m_state == State::Body) {
        if (m_response.bodyChunked) {
            const qsizetype take = decodeChunked(bytes);
            appendBody(m_response.bodyRaw, bytes.first(take));
            if (m_chunk == Chunk::Done) {
                m_state = State::Complete;
                m_response.bodyComplete = true;
            }
            return take;
        }
        qsizetype take = bytes.size();
        if (m_bodyRemaining >= 0)
            take = qsizetype(std::min<qint64>(take, m_bodyRemaining));
        appendBody(m_response.body, bytes.first(take));
        appendBody(m_response.bodyRaw, bytes.first(take));
        if (m_bodyRemaining >= 0) {
            m_bodyRemaining -= take;
            if (m_bodyRemaining == 0) {
                m_state = State::Complete;
                m_response.bodyComplete = true;
            }
        }
        return take;
    }
    return 0;
}

void WsHandshakeResponseParser::appendBody(QByteArray &to, QByteArrayView bytes)
{
    // The body limit is checked before appending: a hostile server cannot grow it.
    const qsizetype room = std::max<qsizetype>(0, m_limits.maxBodyBytes - to.size());
    if (bytes.size() > room)
        m_response.bodyTruncated = true;
    to.append(bytes.first(std::min(bytes.size(), room)));
}

qsizetype WsHandshakeResponseParser::decodeChunked(QByteArrayView bytes)
{
    // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF, ended by
    // last-chunk ("0" [ chunk-ext ] CRLF) and the trailer section's empty line.
    constexpr qsizetype kMaxLine = 4096; // a size or trailer line; longer is malformed
    qsizetype i = 0;
    while (i < bytes.size() && m_chunk != Chunk::Done) {
        if (m_chunk == Chunk::Malformed)
            return bytes.size(); // undecodable: the rest is kept raw until the connection ends
        if (m_chunk == Chunk::Data) {
            const qsizetype n = qsizetype(std::min<qint64>(m_chunkLeft, bytes.size() - i));
            appendBody(m_response.body, bytes.sliced(i, n));
            m_chunkLeft -= n;
            i += n;
            if (m_chunkLeft == 0)
                m_chunk = Chunk::DataEnd;
            continue;
        }
        const char *from = bytes.data() + i;
        const auto *nl = static_cast<const char *>(std::memchr(from, '\n', size_t(bytes.size() - i)));
        const qsizetype end = nl ? qsizetype(nl - bytes.data()) + 1 : bytes.size();
        m_chunkLine.append(bytes.sliced(i, end - i));
        i = end;
        if (m_chunkLine.size() > kMaxLine) {
            m_chunk = Chunk::Malformed;
            m_response.bodyChunkedMalformed = true;
            continue;
        }
        if (!nl)
            break;
        const QByteArray line = m_chunkLine.trimmed();
        m_chunkLine.clear();
        if (m_chunk == Chunk::DataEnd) {
            // The CRLF after chunk-data.
            m_chunk = line.isEmpty() ? Chunk::Size : Chunk::Malformed;
        } else if (m_chunk == Chunk::Size) {
            const qsizetype semi = line.indexOf(';');
            const QByteArray hex = (semi < 0 ? line : line.left(semi)).trimmed();
            bool ok = false;
            const qint64 size = hex.size() <= 15 ? hex.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0 || hex.startsWith('+') || hex.startsWith('-')) {
                m_chunk = Chunk::Malformed;
            } else if (size == 0) {
                m_chunk = Chunk::Trailer;
            } else {
                m_chunkLeft = size;
                m_chunk = Chunk::Data;
            }
        } else if (m_chunk == Chunk::Trailer && line.isEmpty()) {
            m_chunk = Chunk::Done; // trailer fields before it stay in bodyRaw only
        }
        if (m_chunk == Chunk::Malformed)
            m_response.bodyChunkedMalformed = true;
    }
    return m_chunk == Chunk::Malformed ? bytes.size() : i;
}

void WsHandshakeResponseParser::finishAtEof()
{
    if (m_state == State::Body) {
        m_state = State::Complete;
        // Until close is a complete body; a chunked one is complete only at its last chunk.
        m_response.bodyComplete = m_bodyRemaining < 0 && !m_response.bodyChunked;
    }
}

bool WsHandshakeResponseParser::parseHead()
{
    QList<QByteArray> lines = m_response.head.split('\n');
    for (QByteArray &line : lines)
        if (line.endsWith('\r'))
            line.chop(1);
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty()) {
        fail(wsv::HandshakeMalformed, QStringLiteral("empty response"));
        return false;
    }
    // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
    const QByteArray &statusLine = lines.first();
    const qsizetype sp1 = statusLine.indexOf(' ');
    if (!statusLine.startsWith("HTTP/1.") || sp1 != 8 || statusLine.size() < 12
        || (statusLine.size() > 12 && statusLine.at(12) != ' ')) {
        fail(wsv::HandshakeMalformed, QStringLiteral("status line: ") + latin1(statusLine.left(80)));
        return false;
    }
    const QByteArray code = statusLine.mid(9, 3);
    for (char c : code) {
        if (c < '0' || c > '9') {
            fail(wsv::HandshakeMalformed, QStringLiteral("status code: ") + latin1(code));
            return false;
        }
    }
    m_response.version = statusLine.left(8);
    m_response.status = code.toInt();
    m_response.reason = statusLine.mid(13);
    if (lines.size() - 1 > m_limits.maxHeaderLines) {
        m_state = State::Failed;
        m_error = Violation{&wsv::HandshakeTooLarge, 0, m_response.head.size(),
                            QString::number(lines.size() - 1) + QStringLiteral(" header lines")};
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // RFC 9112 §5.1: field-name is a token, no whitespace before the colon; §5.2:
        // obsolete line folding is rejected.
        bool ok = colon > 0;
        for (qsizetype j = 0; ok && j < colon; ++j)
            ok = isTokenChar(line.at(j));
        if (!ok) {
            fail(wsv::HandshakeMalformed, QStringLiteral("header line: ") + latin1(line.left(80)));
            return false;
        }
        m_response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return true;
}

QList<QByteArray> wsSplitHeaderList(const QByteArray &value)
{
    QList<QByteArray> out;
    QByteArray current;
    bool quoted = false;
    for (char c : value) {
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            if (!current.trimmed().isEmpty())
                out << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

bool wsHeaderHasToken(const QByteArray &value, QByteArrayView token)
{
    const QList<QByteArray> items = wsSplitHeaderList(value);
    for (const QByteArray &item : items)
        if (QByteArrayView(item).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

WsHandshakeVerdict wsCheckHandshakeResponse(const WsHandshakeRequest &request, const WsHttpResponse &response)
{
    WsHandshakeVerdict verdict;
    auto add = [&](const QString &what, const QString &expected, const QString &actual, bool passed,
                   const ViolationKind &kind) {
        verdict.checks.push_back({what, expected, actual, passed, passed ? nullptr : &kind});
    };
    // RFC 6455 §4.1 client step 1: status 101.
    add(QStringLiteral("status"), QStringLiteral("101"), QString::number(response.status),
        response.status == 101, wsv::HandshakeBadStatus);
    // Step 2: Upgrade contains "websocket" (case-insensitive).
    QByteArray upgrade = response.headerValues("Upgrade").join(", ");
    add(QStringLiteral("Upgrade"), QStringLiteral("websocket"), latin1(upgrade),
        wsHeaderHasToken(upgrade, "websocket"), wsv::HandshakeMissingUpgrade);
    // Step 3: Connection contains the "Upgrade" token (case-insensitive).
    QByteArray connection = response.headerValues("Connection").join(", ");
    add(QStringLiteral("Connection"), QStringLiteral("Upgrade"), latin1(connection),
        wsHeaderHasToken(connection, "upgrade"), wsv::HandshakeMissingConnection);
    // Step 4: Sec-WebSocket-Accept. RFC 6455 §11.3.3: it must not appear more than once, so
    // repeated fields are compared as the list they make ("v, v"), which never matches.
    const bool acceptPresent = response.hasHeader("Sec-WebSocket-Accept");
    verdict.accept = wsDeriveAccept(request.key, response.headerValues("Sec-WebSocket-Accept").join(", "), acceptPresent);
    add(QStringLiteral("Sec-WebSocket-Accept"), latin1(verdict.accept.expected), latin1(verdict.accept.actual),
        verdict.accept.match, acceptPresent ? wsv::HandshakeAcceptMismatch : wsv::HandshakeMissingAccept);
    // Step 5: only extensions the client offered.
    QList<QByteArray> offered;
    for (const QByteArray &e : request.extensions)
        for (const QByteArray &element : wsSplitHeaderList(e))
            offered << extensionName(element);
    const QList<QByteArray> extensionValues = response.headerValues("Sec-WebSocket-Extensions");
    for (const QByteArray &value : extensionValues) {
        for (const QByteArray &element : wsSplitHeaderList(value)) {
            const QByteArray name = extensionName(element);
            add(QStringLiteral("Sec-WebSocket-Extensions"), latin1(offered.join(", ")), latin1(element),
                offered.contains(name), wsv::HandshakeUnrequestedExtension);
            if (offered.contains(name))
                verdict.extensions << element;
        }
    }
    // Step 6: a subprotocol the client offered, or none.
    if (response.hasHeader("Sec-WebSocket-Protocol")) {
        const QString selected = QString::fromUtf8(response.header("Sec-WebSocket-Protocol"));
        const bool passed = request.subprotocols.contains(selected)
            && response.headerValues("Sec-WebSocket-Protocol").size() == 1;
        add(QStringLiteral("Sec-WebSocket-Protocol"), request.subprotocols.join(QStringLiteral(", ")), selected,
            passed, wsv::HandshakeUnrequestedSubprotocol);
        if (passed)
            verdict.subprotocol = selected;
    }
    verdict.ok = true;
    for (const WsHandshakeCheck &check : verdict.checks) {
        if (check.passed)
            continue;
        verdict.ok = false;
        // A refusal (non-101) is one fact; the missing upgrade headers follow from it.
        if (response.status != 101 && check.violation != &wsv::HandshakeBadStatus)
            continue;
        verdict.violations.push_back(Violation{check.violation, -1, 0,
            check.what + QStringLiteral(": ") + (check.actual.isEmpty() ? QStringLiteral("(absent)") : check.actual)});
    }
    return verdict;
}

} // namespace wirescope
