#include "core/session/tlsinfo.h"

#include <QMetaEnum>
#include <QSslCertificate>
#include <QSslError>

namespace wirescope {

namespace {

QString oneLineName(const QSslCertificate &certificate, bool issuer)
{
    // RFC 4514 order of the common attributes, most specific first.
    static const QSslCertificate::SubjectInfo order[] = {
        QSslCertificate::CommonName, QSslCertificate::OrganizationalUnitName, QSslCertificate::Organization,
        QSslCertificate::LocalityName, QSslCertificate::StateOrProvinceName, QSslCertificate::CountryName};
    static const char *const names[] = {"CN", "OU", "O", "L", "ST", "C"};
    QStringList parts;
    for (int i = 0; i < 6; ++i) {
        const QStringList values = issuer ? certificate.issuerInfo(order[i]) : certificate.subjectInfo(order[i]);
        for (const QString &v : values)
            parts.append(QLatin1String(names[i]) + u'=' + v);
    }
    return parts.join(QLatin1String(", "));
}

// QSslError::SslError enumerator -> "tls.self_signed_certificate" style stable id.
QString errorId(QSslError::SslError error)
{
    const QMetaEnum e = QMetaEnum::fromType<QSslError::SslError>();
    const char *key = e.valueToKey(error);
    QString name = QString::fromLatin1(key ? key : "UnspecifiedError");
    QString id = QStringLiteral("tls.");
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isUpper() && i > 0)
            id += u'_';
        id += c.toLower();
    }
    return id;
}

} // namespace

TlsCertificateInfo TlsCertificateInfo::fromCertificate(const QSslCertificate &certificate)
{
    TlsCertificateInfo info;
    info.subject = oneLineName(certificate, false);
    info.issuer = oneLineName(certificate, true);
    info.notBefore = certificate.effectiveDate().toUTC();
    info.notAfter = certificate.expiryDate().toUTC();
    info.sha256 = certificate.digest(QCryptographicHash::Sha256).toHex();
    const auto alt = certificate.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it) {
        const QString prefix = it.key() == QSsl::DnsEntry ? QStringLiteral("DNS:")
                               : it.key() == QSsl::IpAddressEntry ? QStringLiteral("IP:")
                                                                  : QStringLiteral("EMAIL:");
        info.subjectAltNames.append(prefix + it.value());
    }
    info.pem = certificate.toPem();
    return info;
}

TlsErrorInfo TlsErrorInfo::fromSslError(const QSslError &error, const QList<QSslCertificate> &chain)
{
    TlsErrorInfo info;
    info.id = errorId(error.error());
    info.message = error.errorString();
    if (!error.certificate().isNull())
        info.certificateIndex = int(chain.indexOf(error.certificate()));
    return info;
}

} // namespace wirescope
