#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace wirescope {

class VariableScope;

// One editable name/value row (query parameter, header, form field). Rows stay in the
// order the user gave them; duplicates are allowed; a disabled row is kept but not sent.
struct KeyValueRow {
    QString name;
    QString value;
    bool enabled = true;

    bool operator==(const KeyValueRow &o) const
    {
        return name == o.name && value == o.value && enabled == o.enabled;
    }
};

// One part of a multipart/form-data body (RFC 7578): a text field or a file.
struct MultipartPart {
    QString name;
    QString value;       // text value, unused for a file part
    QString filePath;    // non-empty makes this a file part
    QString fileName;    // filename= parameter; the file's base name when empty
    QString contentType; // per-part Content-Type; text/plain or application/octet-stream when empty
    bool enabled = true;
};

enum class BodyKind : quint8 {
    None,
    Raw,        // text as typed, Content-Type from rawContentType
    Json,       // text as typed, Content-Type application/json
    UrlEncoded, // formFields as application/x-www-form-urlencoded
    Multipart,  // parts as multipart/form-data
    BinaryFile, // the bytes of binaryFilePath
};

struct HttpBody {
    BodyKind kind = BodyKind::None;
    QString text;           // Raw and Json
    QString rawContentType; // Raw: e.g. text/plain; empty sends no Content-Type
    QList<KeyValueRow> formFields;
    QList<MultipartPart> parts;
    QString binaryFilePath;
    QString binaryContentType; // empty: application/octet-stream
    QByteArray multipartBoundary; // empty: a random one is chosen when the body is built
};

enum class AuthKind : quint8 { None, Basic, Bearer };

struct HttpAuth {
    AuthKind kind = AuthKind::None;
    QString username; // Basic
    QString password; // Basic
    QString token;    // Bearer
};

// What a user edits in the composer. Text fields may hold {{name}} variables; they are
// resolved by prepareRequest() against a VariableScope.
//
// The URL and the query-parameter list are two views of one thing and stay in sync both
// ways: setUrl() re-reads the parameters from the query, setQueryParams() rewrites the
// query. Enabled parameters appear in the URL in order; disabled ones are kept in the
// list only (after a setUrl they keep their place at the end).
class HttpRequest
{
public:
    QString method() const { return m_method; }
    void setMethod(const QString &method) { m_method = method; }

    QString url() const { return m_url; }
    void setUrl(const QString &url);

    const QList<KeyValueRow> &queryParams() const { return m_params; }
    void setQueryParams(const QList<KeyValueRow> &params);

    const QList<KeyValueRow> &headers() const { return m_headers; }
    void setHeaders(const QList<KeyValueRow> &headers) { m_headers = headers; }
    void addHeader(const QString &name, const QString &value) { m_headers.append({name, value, true}); }

    const HttpBody &body() const { return m_body; }
    HttpBody &body() { return m_body; }
    void setBody(const HttpBody &body) { m_body = body; }

    const HttpAuth &auth() const { return m_auth; }
    void setAuth(const HttpAuth &auth) { m_auth = auth; }

    // RFC 3986 §2.1/§3.4: a query name or value as it must appear in the URL. Unreserved
    // characters and sub-delims other than & = + # stay; everything else is %XX (UTF-8).
    // {{variables}} are left intact so they can be resolved later.
    static QString encodeQueryComponent(const QString &text);
    // The inverse; '+' is kept as '+' (RFC 3986 has no space-as-plus; forms do, see
    // encodeFormComponent).
    static QString decodeQueryComponent(const QString &text);

private:
    QString m_method = QStringLiteral("GET");
    QString m_url;
    QList<KeyValueRow> m_params;
    QList<KeyValueRow> m_headers;
    HttpBody m_body;
    HttpAuth m_auth;
};

// A header as it will be written: bytes, in order.
struct WireHeader {
    QByteArray name;
    QByteArray value;
};

// The request after variables, auth and body are resolved: exactly what the writer sends.
struct PreparedRequest {
    QByteArray method;
    QString url;          // resolved, absolute: scheme://host[:port]/path?query
    QString scheme;       // "http" or "https"
    QString host;         // as in the URL (IP literals without brackets)
    quint16 port = 0;
    QByteArray target;    // origin-form: /path?query (RFC 9112 §3.2.1)
    QList<WireHeader> headers; // user headers (enabled), then auth and body headers
    QByteArray body;
    // Why it cannot be sent (unresolved variables, bad URL, unreadable file). Empty = ok.
    QStringList unresolvedVariables;
    QStringList errors;

    bool isValid() const { return unresolvedVariables.isEmpty() && errors.isEmpty(); }
    QByteArray headerValue(const QByteArray &name) const; // first match, case-insensitive
    bool hasHeader(const QByteArray &name) const;
};

// Reads a file for a body; the network layer passes one backed by QFile so core/wire
// stays free of I/O. nullopt = unreadable.
using BodyFileLoader = std::function<std::optional<QByteArray>(const QString &path)>;

// Resolves variables, checks the URL, builds the body and adds Authorization and
// Content-Type (each only when the user did not set that header himself). Unresolved
// variables are all reported before anything is sent.
PreparedRequest prepareRequest(const HttpRequest &request, const VariableScope &scope,
                               const BodyFileLoader &loadFile);

// RFC 7617: "Basic " + base64(user ":" password), UTF-8.
QByteArray basicAuthorization(const QString &user, const QString &password);

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::HttpRequest)
