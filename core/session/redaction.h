#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace wirescope {

// What an export hides: the values of credential headers and of token-like query
// parameters. On by default, because a HAR or a capture is made to be shared
// (docs/har.md, docs/pcapng.md "Redaction"). Names compare case-insensitively.
struct RedactionRules {
    bool enabled = true;
    QList<QByteArray> headers;   // header names whose values are hidden
    QStringList queryParameters; // query parameter (and cookie-less form) names whose values are hidden

    // Authorization, Proxy-Authorization, Cookie, Set-Cookie; token, access_token, api_key, ...
    static RedactionRules defaults();
    // The explicit opt-out: everything exported as recorded.
    static RedactionRules none();
};

// The one place both exporters ask what to hide and how. HAR replaces a hidden value with
// kMarker; pcapng overwrites its bytes with '*' so every length on the wire (TCP
// sequence numbers, Content-Length of nothing, the head's size) stays what was recorded.
class Redaction
{
public:
    explicit Redaction(RedactionRules rules = RedactionRules::defaults());

    static constexpr char kMarker[] = "[redacted]";
    static constexpr char kMaskByte = '*';

    bool enabled() const { return m_rules.enabled; }
    bool hidesHeader(QByteArrayView name) const;
    bool hidesParameter(QStringView name) const;

    // HAR: the value to write for this header / parameter / cookie.
    QString headerValue(QByteArrayView name, const QString &value) const;
    QString parameterValue(QStringView name, const QString &value) const;
    QString cookieValue(const QString &value) const; // a Cookie / Set-Cookie pair's value
    // HAR: the URL with hidden query values replaced by kMarker (everything else untouched).
    QString url(const QString &url) const;

    // pcapng: an HTTP head (request or response line, header lines, CRLF CRLF) with the
    // hidden header values and the hidden query values of a request target overwritten by
    // '*', byte for byte: the result has exactly the head's length.
    QByteArray maskHead(QByteArray head) const;

private:
    void maskTarget(QByteArray &head, qsizetype lineEnd) const;

    RedactionRules m_rules;
};

} // namespace wirescope
