#pragma once

#include "core/wire/httprequest.h"

#include <QByteArray>
#include <QString>

namespace wirescope {

// application/x-www-form-urlencoded (WHATWG URL §5.2, what browsers send): UTF-8, space
// as '+', ALPHA / DIGIT / "*-._" kept, everything else %XX.
QByteArray encodeFormComponent(const QString &text);
QByteArray encodeForm(const QList<KeyValueRow> &fields); // enabled rows only, in order

// multipart/form-data (RFC 7578, RFC 2046 §5.1). Parts are given with their bytes already
// read; the boundary must not occur in any part (checked, see multipartBoundaryFits).
struct MultipartItem {
    QByteArray name;
    QByteArray fileName;    // empty for a text field
    bool isFile = false;
    QByteArray contentType; // empty: none written for text, application/octet-stream for files
    QByteArray data;
};
QByteArray encodeMultipart(const QList<MultipartItem> &items, const QByteArray &boundary);
bool multipartBoundaryFits(const QList<MultipartItem> &items, const QByteArray &boundary);
// RFC 2046 §5.1.1: 1-70 characters from bchars; this one is 40 characters.
QByteArray makeMultipartBoundary(quint64 seed);

} // namespace wirescope
