#include "core/session/redaction.h"

#include <QUrl>

namespace wirescope {

namespace {

// The query of a URL or request target ([begin, end) of `text`), one name=value pair at a
// time (RFC 3986 §3.4; '&' separates pairs as application/x-www-form-urlencoded does).
// `hide(valueBegin, valueEnd)` is called for each pair whose name is hidden.
template<typename Hide>
void forEachHiddenValue(const QString &text, qsizetype begin, qsizetype end, const Redaction &redaction, Hide hide)
{
    qsizetype pair = begin;
    while (pair < end) {
        qsizetype amp = text.indexOf(u'&', pair);
        if (amp < 0 || amp > end)
            amp = end;
        const qsizetype eq = text.indexOf(u'=', pair);
        if (eq >= 0 && eq < amp) {
            const QString name = QUrl::fromPercentEncoding(
                text.mid(pair, eq - pair).replace(u'+', u' ').toUtf8());
            if (redaction.hidesParameter(name))
                hide(eq + 1, amp);
        }
        pair = amp + 1;
    }
}

} // namespace

RedactionRules RedactionRules::defaults()
{
    RedactionRules rules;
    // Credentials travel in these (RFC 9110 §11.6.2, §11.7.2; RFC 6265 §4.1, §4.2).
    rules.headers = {"authorization", "proxy-authorization", "cookie", "set-cookie"};
    // Names APIs commonly give to secrets in a URL (OAuth 2.0's access_token and code,
    // RFC 6749 §4.1.2 and RFC 6750 §2.3; signed URLs' sig/signature; API keys).
    rules.queryParameters = {QStringLiteral("token"),     QStringLiteral("access_token"),
                             QStringLiteral("refresh_token"), QStringLiteral("id_token"),
                             QStringLiteral("api_key"),   QStringLiteral("apikey"),
                             QStringLiteral("key"),       QStringLiteral("secret"),
                             QStringLiteral("client_secret"), QStringLiteral("password"),
                             QStringLiteral("passwd"),    QStringLiteral("auth"),
                             QStringLiteral("sig"),       QStringLiteral("signature"),
                             QStringLiteral("code"),      QStringLiteral("session"),
                             QStringLiteral("sessionid")};
    return rules;
}

RedactionRules RedactionRules::none()
{
    RedactionRules rules;
    rules.enabled = false;
    return rules;
}

Redaction::Redaction(RedactionRules rules)
    : m_rules(std::move(rules))
{
}

bool Redaction::hidesHeader(QByteArrayView name) const
{
    if (!m_rules.enabled)
        return false;
    for (const QByteArray &hidden : m_rules.headers)
        if (QByteArrayView(hidden).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool Redaction::hidesParameter(QStringView name) const
{
    if (!m_rules.enabled)
        return false;
    for (const QString &hidden : m_rules.queryParameters)
        if (name.compare(hidden, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString Redaction::headerValue(QByteArrayView name, const QString &value) const
{
    return hidesHeader(name) ? QString::fromLatin1(kMarker) : value;
}

QString Redaction::parameterValue(QStringView name, const QString &value) const
{
    return hidesParameter(name) ? QString::fromLatin1(kMarker) : value;
}

QString Redaction::cookieValue(const QString &value) const
{
    // Cookies are hidden with their headers: the rules name Cookie and Set-Cookie.
    return hidesHeader("cookie") || hidesHeader("set-cookie") ? QString::fromLatin1(kMarker) : value;
}

QString Redaction::url(const QString &url) const
{
    const qsizetype query = url.indexOf(u'?');
    if (!m_rules.enabled || query < 0)
        return url;
    qsizetype end = url.indexOf(u'#', query);
    if (end < 0)
        end = url.size();
    QString out = url;
    // Replaced from the last pair backwards so earlier positions stay valid.
    QList<std::pair<qsizetype, qsizetype>> values;
    forEachHiddenValue(url, query + 1, end, *this,
                       [&](qsizetype b, qsizetype e) { values.prepend({b, e}); });
    for (const auto &[b, e] : values)
        out.replace(b, e - b, QString::fromLatin1(kMarker));
    return out;
}

void Redaction::maskTarget(QByteArray &head, qsizetype lineEnd) const
{
    // RFC 9112 §3: request-line = method SP request-target SP HTTP-version.
    // RFC 9112 §4: a status line starts with the version.
    if (head.startsWith("HTTP/"))
        return;
    const qsizetype sp1 = head.indexOf(' ');
    const qsizetype sp2 = head.lastIndexOf(' ', lineEnd);
    if (sp1 < 0 || sp2 <= sp1 || !head.mid(sp2 + 1, lineEnd - sp2 - 1).startsWith("HTTP/"))
        return; // a status line, or not HTTP at all
    const qsizetype query = head.indexOf('?', sp1);
    if (query < 0 || query > sp2)
        return;
    qsizetype end = head.indexOf('#', query);
    if (end < 0 || end > sp2)
        end = sp2;
    // Latin-1 maps each byte to one character, so positions in the text are byte positions.
    forEachHiddenValue(QString::fromLatin1(head), query + 1, end, *this,
                       [&](qsizetype b, qsizetype e) { head.replace(b, e - b, QByteArray(e - b, kMaskByte)); });
}

QByteArray Redaction::maskHead(QByteArray head) const
{
    if (!m_rules.enabled)
        return head;
    qsizetype lineEnd = head.indexOf('\n');
    if (lineEnd < 0)
        return head;
    maskTarget(head, head.at(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd);
    // RFC 9112 §5: field-line = field-name ":" OWS field-value OWS, one per line.
    for (qsizetype line = lineEnd + 1; line < head.size(); line = lineEnd + 1) {
        lineEnd = head.indexOf('\n', line);
        if (lineEnd < 0)
            lineEnd = head.size();
        qsizetype valueEnd = lineEnd;
        while (valueEnd > line && (head.at(valueEnd - 1) == '\r' || head.at(valueEnd - 1) == ' '
                                   || head.at(valueEnd - 1) == '\t'))
            --valueEnd;
        if (valueEnd == line)
            break; // the empty line ends the head
        const qsizetype colon = head.indexOf(':', line);
        if (colon < 0 || colon > valueEnd || !hidesHeader(QByteArrayView(head.constData() + line, colon - line)))
            continue;
        qsizetype value = colon + 1;
        while (value < valueEnd && (head.at(value) == ' ' || head.at(value) == '\t'))
            ++value;
        head.replace(value, valueEnd - value, QByteArray(valueEnd - value, kMaskByte));
    }
    return head;
}

} // namespace wirescope
