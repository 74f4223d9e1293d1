#include "core/wire/wsclosecode.h"

#include "core/wire/utf8validator.h"
#include "core/wire/wsviolations.h"

#include <QtEndian>

namespace wirescope {

namespace {

struct Named {
    quint16 code;
    const char *name;
    const char *reference;
    bool validOnWire;
};

// RFC 6455 §7.4.1 and the IANA WebSocket Close Code Number Registry. Names are marked for
// lupdate; the UI shows them through QCoreApplication::translate("CloseCode", name).
constexpr Named kNamed[] = {
    {1000, QT_TRANSLATE_NOOP("CloseCode", "Normal Closure"), "RFC 6455 §7.4.1", true},
    {1001, QT_TRANSLATE_NOOP("CloseCode", "Going Away"), "RFC 6455 §7.4.1", true},
    {1002, QT_TRANSLATE_NOOP("CloseCode", "Protocol Error"), "RFC 6455 §7.4.1", true},
    {1003, QT_TRANSLATE_NOOP("CloseCode", "Unsupported Data"), "RFC 6455 §7.4.1", true},
    {1004, QT_TRANSLATE_NOOP("CloseCode", "Reserved"), "RFC 6455 §7.4.1", false},
    {1005, QT_TRANSLATE_NOOP("CloseCode", "No Status Received"), "RFC 6455 §7.4.1", false},
    {1006, QT_TRANSLATE_NOOP("CloseCode", "Abnormal Closure"), "RFC 6455 §7.4.1", false},
    {1007, QT_TRANSLATE_NOOP("CloseCode", "Invalid Frame Payload Data"), "RFC 6455 §7.4.1", true},
    {1008, QT_TRANSLATE_NOOP("CloseCode", "Policy Violation"), "RFC 6455 §7.4.1", true},
    {1009, QT_TRANSLATE_NOOP("CloseCode", "Message Too Big"), "RFC 6455 §7.4.1", true},
    {1010, QT_TRANSLATE_NOOP("CloseCode", "Mandatory Extension"), "RFC 6455 §7.4.1", true},
    {1011, QT_TRANSLATE_NOOP("CloseCode", "Internal Error"), "RFC 6455 §7.4.1 (IANA)", true},
    {1012, QT_TRANSLATE_NOOP("CloseCode", "Service Restart"), "IANA registry", true},
    {1013, QT_TRANSLATE_NOOP("CloseCode", "Try Again Later"), "IANA registry", true},
    {1014, QT_TRANSLATE_NOOP("CloseCode", "Bad Gateway"), "IANA registry", true},
    {1015, QT_TRANSLATE_NOOP("CloseCode", "TLS Handshake"), "RFC 6455 §7.4.1", false},
};

} // namespace

WsCloseCodeInfo wsCloseCodeInfo(quint16 code)
{
    WsCloseCodeInfo info;
    info.code = code;
    for (const Named &named : kNamed) {
        if (named.code == code) {
            info.name = named.name;
            info.reference = named.reference;
            info.validOnWire = named.validOnWire;
            info.codeClass = WsCloseCodeClass::Standard;
            return info;
        }
    }
    // RFC 6455 §7.4.2 ranges.
    if (code < 1000) {
        info.codeClass = WsCloseCodeClass::Invalid;
        info.reference = "RFC 6455 §7.4.2";
    } else if (code < 3000) {
        info.codeClass = WsCloseCodeClass::Reserved;
        info.reference = "RFC 6455 §7.4.2";
    } else if (code < 4000) {
        info.codeClass = WsCloseCodeClass::Registered;
        info.reference = "IANA registry";
        info.validOnWire = true;
    } else if (code < 5000) {
        info.codeClass = WsCloseCodeClass::Private;
        info.reference = "RFC 6455 §7.4.2";
        info.validOnWire = true;
    } else {
        info.codeClass = WsCloseCodeClass::OutOfRange;
        info.reference = "RFC 6455 §7.4.2";
    }
    return info;
}

bool wsCloseCodeValidOnWire(quint16 code)
{
    return wsCloseCodeInfo(code).validOnWire;
}

QString wsCloseCodeClassName(WsCloseCodeClass codeClass)
{
    switch (codeClass) {
    case WsCloseCodeClass::Invalid: return QStringLiteral("invalid");
    case WsCloseCodeClass::Standard: return QStringLiteral("standard");
    case WsCloseCodeClass::Reserved: return QStringLiteral("reserved");
    case WsCloseCodeClass::Registered: return QStringLiteral("registered");
    case WsCloseCodeClass::Private: return QStringLiteral("private");
    case WsCloseCodeClass::OutOfRange: return QStringLiteral("out-of-range");
    }
    return {};
}

WsClosePayload wsParseClosePayload(const QByteArray &payload)
{
    WsClosePayload result;
    if (payload.isEmpty())
        return result;
    if (payload.size() == 1) {
        // RFC 6455 §5.5.1: a body, if present, starts with a 2-byte code.
        result.violations.push_back(Violation{&wsv::ClosePayloadOneByte, 0, 1, QString()});
        return result;
    }
    const quint16 code = qFromBigEndian<quint16>(payload.constData());
    result.code = code;
    if (!wsCloseCodeValidOnWire(code))
        result.violations.push_back(Violation{&wsv::InvalidCloseCode, 0, 2, QString::number(code)});
    result.reasonBytes = payload.mid(2);
    result.reason = QString::fromUtf8(result.reasonBytes);
    Utf8Validator validator;
    if (!validator.feed(result.reasonBytes) || !validator.finish()) {
        const qint64 at = validator.errorOffset() >= 0 ? validator.errorOffset() : result.reasonBytes.size();
        result.violations.push_back(Violation{&wsv::InvalidCloseReasonUtf8, 2 + at, 1,
                                              QStringLiteral("byte ") + QString::number(at)});
    }
    return result;
}

} // namespace wirescope
