#pragma once

#include "core/wire/httprequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace wirescope {

// A curl command line as a user pastes it (copied from a browser's DevTools, Postman, a
// README), read into the request curl would send. Pure value code: nothing is executed,
// no file is read, no variable expanded; what a pasted command cannot carry (`-d @file`,
// `-T`, `$TOKEN`) is a warning in the result, never a guess.
//
// Quoting: POSIX shell (bash) words with '...', "..." (backslash escapes), $'...' (ANSI-C),
// backslash-newline continuations and # comments; and Windows cmd.exe (Chrome's "Copy as
// cURL (cmd)": ^ escapes and continuations, then the MS C runtime's "..." and backslash
// rules). A `printf 'BYTES' |` in front feeds `--data-binary @-`, which is how curlSnippet()
// writes a body that holds a NUL byte (no shell argument can).
struct CurlCommand {
    QByteArray method;         // what curl would send: GET, POST with data, HEAD with -I, -X wins
    QString url;               // the first URL, as given (-G appends the data to its query)
    QList<WireHeader> headers; // in the order curl writes them, duplicates kept; curl's own
                               // Host, User-Agent and Accept defaults are not listed
    QByteArray body;           // -d/--data-*/--json pieces joined as curl joins them
    bool hasBody = false;      // an empty `-d ''` is a body of 0 bytes, unlike no -d at all
    QList<MultipartPart> formParts; // -F/--form: the body is multipart/form-data of these
    bool insecure = false;     // -k
    bool followRedirects = false; // -L
    int maxRedirects = -1;     // --max-redirs; -1: not given
    bool compressed = false;   // --compressed: ask for and decode a content coding
    QStringList warnings;      // English facts: options ignored, files not read, shell expansions
    QString error;             // why nothing could be read (not a curl command, no URL); empty: ok

    bool ok() const { return error.isEmpty(); }
    QByteArray headerValue(QByteArrayView name) const; // the last one of that name, case-insensitive
    bool bodyIsText() const; // the body is UTF-8, so a text editor holds it unchanged

    // The composer's request for it: every header kept in place (Content-Type included, so
    // the body kind adds none), the body as JSON text when its type is JSON, else raw text,
    // the -F parts as a multipart body (its Content-Type comes with the boundary), and one
    // Authorization header of the Basic or Bearer scheme as the Auth tab's settings.
    HttpRequest request() const;

    // True when `text` starts like a curl command line (what the URL bar checks on a paste).
    static bool looksLikeCurl(QStringView text);
    static CurlCommand parse(QStringView text);

    // One POSIX shell word that a shell turns back into exactly `bytes` (UTF-8 text in
    // '...' when it can be, $'...' with \xHH escapes otherwise). A NUL byte cannot be in a
    // shell word at all: callers check hasNul first.
    static QByteArray shellQuote(QByteArrayView bytes);
};

} // namespace wirescope
