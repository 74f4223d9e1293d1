#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

class QSslCertificate;
class QSslError;

namespace wirescope {

struct TlsCertificateInfo {
    QString subject;        // RFC 4514-like one-line DN ("CN=localhost, O=...")
    QString issuer;
    QDateTime notBefore;    // UTC
    QDateTime notAfter;     // UTC
    QByteArray sha256;      // lowercase hex, no separators
    QStringList subjectAltNames; // "DNS:localhost", "IP:127.0.0.1"
    QByteArray pem;

    static TlsCertificateInfo fromCertificate(const QSslCertificate &certificate);
};

struct TlsErrorInfo {
    QString id;      // stable: "tls.self_signed", "tls.hostname_mismatch", ... (QSslError::SslError name)
    QString message; // Qt's English text
    int certificateIndex = -1; // into TlsInfo::chain, -1 when not tied to one

    static TlsErrorInfo fromSslError(const QSslError &error, const QList<QSslCertificate> &chain);
};

// What the TLS handshake negotiated and what was wrong with it.
struct TlsInfo {
    bool used = false;
    QString protocol;  // "TLSv1.3"
    QString cipher;    // "TLS_AES_256_GCM_SHA384"
    QByteArray alpn;   // negotiated ALPN protocol ("http/1.1"), empty when none
    QList<TlsCertificateInfo> chain; // leaf first, as the peer sent it
    QList<TlsErrorInfo> errors;      // verification errors (also those ignored)
    bool errorsIgnored = false;      // the request asked to ignore certificate errors
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::TlsInfo)
