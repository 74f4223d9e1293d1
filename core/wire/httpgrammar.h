#pragma once

#include "core/wire/httpresponse.h"
#include "core/wire/violation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// The HTTP/1.1 grammar pieces every reader in the tree shares (RFC 9110 §5.6, RFC 9112 §5):
// the response parser, the chunked decoder, the WebSocket handshake checks and the demo
// server's request parser. One definition each, so the same bytes get the same verdict.
namespace wirescope::http {

// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
// "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
bool isTchar(char c);
// token = 1*tchar
bool isToken(QByteArrayView text);
// RFC 9110 §5.6.3: OWS = *( SP / HTAB )
inline bool isOws(char c) { return c == ' ' || c == '\t'; }
QByteArrayView trimOws(QByteArrayView text);
// HEXDIG (RFC 5234 appendix B.1, case-insensitive as RFC 9112 §7.1 reads it): 0-15, or -1.
int hexDigitValue(char c);

// RFC 9110 §5.6.1: the elements of a comma-separated list, OWS trimmed, empty elements
// dropped; commas inside a quoted-string (§5.6.4, with its backslash escapes) do not split.
QList<QByteArray> splitList(QByteArrayView value);
// True when an element of the list equals token (case-insensitive, RFC 9110 §5.6.2 tokens
// in Connection, Upgrade, Transfer-Encoding are compared that way).
bool listHasToken(QByteArrayView value, QByteArrayView token);
bool listHasToken(const QList<QByteArray> &values, QByteArrayView token);

// RFC 9112 §5: field-line = field-name ":" OWS field-value OWS. `line` is without its line
// ending. On a broken rule `error` names it, with where (`errorAt`, from the line start) and
// the facts (`detail`); name and value are then empty.
struct FieldLine {
    QByteArray name;
    QByteArray value;
    const ViolationKind *error = nullptr;
    qsizetype errorAt = 0;
    qsizetype errorLength = 0;
    QString detail;
};
FieldLine parseFieldLine(QByteArrayView line);

// Adds one line of a field section (a header section, or a chunked body's trailer section)
// to `fields`: a field line, or, with the obsFold leniency, an obs-fold continuation (RFC 9112
// §5.2) unfolded with one SP into the field before it, the tolerated rule recorded in
// `notes`. Returns the violation that stops the reading (kind null when the line was taken).
// `rawLine` is the line as received with its ending; `lineOffset` where it starts in the stream.
Violation addFieldLine(QList<HttpHeaderField> &fields, const QByteArray &rawLine, QByteArrayView line,
                       qint64 lineOffset, int maxCount, bool obsFold, QList<Violation> &notes);

// Up to `max` bytes as spaced hex ("48 54 54 50"), for the detail of a violation.
QString hexPreview(QByteArrayView bytes, qsizetype max = 32);

} // namespace wirescope::http
