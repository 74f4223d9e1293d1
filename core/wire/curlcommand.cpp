#include "core/wire/curlcommand.h"

#include "core/wire/httpgrammar.h"

#include <cctype>
#include <optional>
#include <vector>

namespace wirescope {

namespace {

// A shell word, or an operator (| ; & < >) that ends the command it follows.
struct Word {
    QByteArray text;
    bool isOperator = false;
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void appendCodePoint(QByteArray &out, char32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    out += QString::fromUcs4(&cp, 1).toUtf8();
}

// Up to `maxDigits` digits of `base` (8 or 16) from in[i]; advances i past them.
int readDigits(const QByteArray &in, qsizetype &i, int base, int maxDigits, char32_t &value)
{
    int digits = 0;
    value = 0;
    while (digits < maxDigits && i < in.size()) {
        const int d = base == 16 ? http::hexDigitValue(in[i]) : (in[i] >= '0' && in[i] <= '7' ? in[i] - '0' : -1);
        if (d < 0)
            break;
        value = value * char32_t(base) + char32_t(d);
        ++i;
        ++digits;
    }
    return digits;
}

// One backslash escape as bash reads it in $'...' and in a printf format (the bash manual,
// "ANSI-C Quoting"): `i` is at the character after the backslash; appends what the escape
// stands for and returns the index after it. An escape bash does not know stays as written.
qsizetype readEscape(const QByteArray &in, qsizetype i, QByteArray &out)
{
    const char e = in[i++];
    char32_t value = 0;
    switch (e) {
    case 'a': out += '\a'; break;
    case 'b': out += '\b'; break;
    case 'e': case 'E': out += '\x1b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'v': out += '\v'; break;
    case '\\': case '\'': case '"': case '?': out += e; break;
    case 'c':
        if (i < in.size())
            out += char(in[i++] & 0x1f);
        break;
    case 'x':
        if (readDigits(in, i, 16, 2, value) > 0)
            out += char(value);
        else
            out += "\\x";
        break;
    case 'u': case 'U':
        if (readDigits(in, i, 16, e == 'u' ? 4 : 8, value) > 0) {
            appendCodePoint(out, value);
        } else {
            out += '\\';
            out += e;
        }
        break;
    default:
        if (e >= '0' && e <= '7') {
            --i;
            readDigits(in, i, 8, 3, value);
            out += char(value & 0xff);
        } else {
            out += '\\';
            out += e;
        }
    }
    return i;
}

// bash's $'...': `i` is just past the opening quote; returns the index past the closing one.
qsizetype readAnsiC(const QByteArray &in, qsizetype i, QByteArray &word, QStringList &warnings)
{
    const qsizetype n = in.size();
    bool cut = false;
    while (i < n && in[i] != '\'') {
        if (in[i] != '\\' || i + 1 >= n) {
            if (!cut)
                word += in[i];
            ++i;
            continue;
        }
        QByteArray decoded;
        i = readEscape(in, i + 1, decoded);
        if (cut)
            continue;
        // A shell word is a C string: bash ends the quoted text at a NUL byte.
        if (const qsizetype nul = decoded.indexOf('\0'); nul >= 0) {
            decoded.truncate(nul);
            cut = true;
            warnings.append(QStringLiteral("a NUL byte in $'...' ends the text there, as bash does; the rest of that quote is left out"));
        }
        word += decoded;
    }
    if (i >= n) {
        warnings.append(QStringLiteral("a $'...' quote is not closed; it runs to the end of the text"));
        return n;
    }
    return i + 1;
}

void warnExpansion(const QByteArray &in, qsizetype i, QStringList &warnings)
{
    // $NAME, ${NAME}, $(command): a shell would replace them; a pasted text keeps them.
    qsizetype end = i + 1;
    while (end < in.size() && (std::isalnum(uchar(in[end])) || in[end] == '_' || in[end] == '{'
                                || in[end] == '}' || in[end] == '('))
        ++end;
    const QString what = QString::fromUtf8(in.mid(i, end - i));
    const QString warning = QStringLiteral("%1 is kept as text: a shell would have expanded it").arg(what);
    if (!warnings.contains(warning))
        warnings.append(warning);
}

bool startsExpansion(const QByteArray &in, qsizetype i)
{
    if (i + 1 >= in.size())
        return false;
    const char next = in[i + 1];
    return std::isalpha(uchar(next)) || next == '_' || next == '{' || next == '(';
}

// POSIX shell words (XCU §2.2 quoting, §2.3 token recognition), the way bash reads a line
// pasted after its prompt.
std::vector<Word> splitPosix(const QByteArray &in, QStringList &warnings)
{
    std::vector<Word> out;
    QByteArray word;
    bool inWord = false;
    const auto endWord = [&] {
        if (inWord)
            out.push_back({word, false});
        word.clear();
        inWord = false;
    };
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = in[i];
        if (c == '\\') {
            // §2.2.1: backslash-newline is a line continuation, removed; otherwise the
            // next character is taken literally.
            if (i + 1 < n && in[i + 1] == '\n') {
                i += 2;
            } else if (i + 2 < n && in[i + 1] == '\r' && in[i + 2] == '\n') {
                i += 3;
            } else if (i + 1 < n) {
                word += in[i + 1];
                inWord = true;
                i += 2;
            } else {
                ++i;
            }
            continue;
        }
        if (isBlank(c)) {
            endWord();
            ++i;
            continue;
        }
        if (c == '\'') {
            // §2.2.2: everything up to the next single quote, literally.
            inWord = true;
            const qsizetype close = in.indexOf('\'', i + 1);
            if (close < 0) {
                warnings.append(QStringLiteral("a '...' quote is not closed; it runs to the end of the text"));
                word += in.mid(i + 1);
                i = n;
            } else {
                word += in.mid(i + 1, close - i - 1);
                i = close + 1;
            }
            continue;
        }
        if (c == '$' && i + 1 < n && in[i + 1] == '\'') {
            inWord = true;
            i = readAnsiC(in, i + 2, word, warnings);
            continue;
        }
        if (c == '$' && i + 1 < n && in[i + 1] == '"') {
            ++i; // bash's $"..." (locale translation) reads as "..."
            continue;
        }
        if (c == '"') {
            // §2.2.3: backslash escapes only $ ` " \ and newline inside double quotes.
            inWord = true;
            ++i;
            while (i < n && in[i] != '"') {
                if (in[i] == '\\' && i + 1 < n) {
                    const char e = in[i + 1];
                    if (e == '$' || e == '`' || e == '"' || e == '\\') {
                        word += e;
                        i += 2;
                        continue;
                    }
                    if (e == '\n') {
                        i += 2;
                        continue;
                    }
                    if (e == '\r' && i + 2 < n && in[i + 2] == '\n') {
                        i += 3;
                        continue;
                    }
                }
                if (in[i] == '$' && startsExpansion(in, i))
                    warnExpansion(in, i, warnings);
                word += in[i++];
            }
            if (i >= n)
                warnings.append(QStringLiteral("a \"...\" quote is not closed; it runs to the end of the text"));
            else
                ++i;
            continue;
        }
        if (c == '#' && !inWord) {
            // §2.3 rule 9: a comment runs to the end of the line.
            while (i < n && in[i] != '\n')
                ++i;
            continue;
        }
        if (c == '|' || c == ';' || c == '&' || c == '<' || c == '>') {
            endWord();
            qsizetype end = i + 1;
            while (end < n && (in[end] == '|' || in[end] == '&' || in[end] == '>' || in[end] == '<'))
                ++end;
            out.push_back({in.mid(i, end - i), true});
            i = end;
            continue;
        }
        if (c == '$' && startsExpansion(in, i))
            warnExpansion(in, i, warnings);
        word += c;
        inWord = true;
        ++i;
    }
    endWord();
    return out;
}

// cmd.exe first (^ escapes the next character outside "..."; ^ at the end of a line joins
// the next line and takes its first character literally), then the MS C runtime splits the
// command line into arguments ("Parsing C++ command-line arguments": whitespace separates
// outside quotes, 2n backslashes before " are n and the quote toggles, 2n+1 are n and a
// literal ", "" inside quotes is a literal "). Chrome's "Copy as cURL (cmd)" writes every
// argument as ^"...^" with \" for a quote, so cmd never sees a quote of its own.
std::vector<Word> splitCmd(const QByteArray &in)
{
    QByteArray line;
    bool cmdQuoted = false;
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = in[i];
        if (c == '"') {
            cmdQuoted = !cmdQuoted;
            line += c;
        } else if (c == '^' && !cmdQuoted && i + 1 < n) {
            ++i;
            if (in[i] == '\r' && i + 1 < n && in[i + 1] == '\n')
                ++i;
            if (in[i] == '\n') {
                // The continuation: the character after the line break is literal (Chrome
                // writes a newline inside a value as ^ and two line breaks).
                if (i + 1 < n) {
                    ++i;
                    if (in[i] == '\r' && i + 1 < n && in[i + 1] == '\n')
                        ++i;
                    line += in[i];
                }
            } else {
                line += in[i];
            }
        } else if (c == '\r') {
            continue;
        } else {
            line += c;
        }
    }

    std::vector<Word> out;
    QByteArray word;
    bool inWord = false;
    bool quoted = false;
    const qsizetype m = line.size();
    for (qsizetype i = 0; i < m; ++i) {
        const char c = line[i];
        if (isBlank(c) && !quoted) {
            if (inWord)
                out.push_back({word, false});
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == '\\') {
            qsizetype k = 0;
            while (i + k < m && line[i + k] == '\\')
                ++k;
            if (i + k < m && line[i + k] == '"') {
                word += QByteArray(k / 2, '\\');
                if (k % 2 == 1) {
                    word += '"';
                    i += k; // past the quote
                } else {
                    i += k - 1; // the quote toggles on the next round
                }
            } else {
                word += QByteArray(k, '\\');
                i += k - 1;
            }
            continue;
        }
        if (c == '"') {
            if (quoted && i + 1 < m && line[i + 1] == '"') {
                word += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
            continue;
        }
        if (!quoted && (c == '|' || c == '&' || c == '<' || c == '>')) {
            if (!word.isEmpty())
                out.push_back({word, false});
            word.clear();
            inWord = false;
            out.push_back({QByteArray(1, c), true});
            continue;
        }
        word += c;
    }
    if (inWord)
        out.push_back({word, false});
    return out;
}

bool isCmdText(const QByteArray &in)
{
    // Chrome's cmd flavour writes `curl ^"URL^"`, and every line but the last ends with ^.
    // A bash command quotes with ' and ends its lines with a backslash; a ^ inside its
    // quotes is text.
    qsizetype i = 0;
    while (i < in.size() && isBlank(in[i]))
        ++i;
    while (i < in.size() && !isBlank(in[i]))
        ++i;
    while (i < in.size() && (in[i] == ' ' || in[i] == '\t'))
        ++i;
    if (i < in.size() && in[i] == '^')
        return true;
    qsizetype lineEnd = in.indexOf('\n');
    if (lineEnd < 0)
        return false;
    const QByteArray firstLine = in.left(lineEnd).trimmed();
    return firstLine.endsWith('^') && !firstLine.contains('\'');
}

bool isCurlProgram(const QByteArray &word)
{
    const QByteArray lower = word.toLower();
    const qsizetype slash = std::max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
    const QByteArray base = lower.mid(slash + 1);
    return base == "curl" || base == "curl.exe";
}

// curl's --data-urlencode and --url-query escaping (curl_easy_escape): RFC 3986 §2.3
// unreserved characters stay, every other byte is %XX.
QByteArray percentEncode(const QByteArray &bytes)
{
    return bytes.toPercentEncoding();
}

// The bytes of `printf 'FORMAT' | curl ... --data-binary @-`: bash's printf builtin with no
// arguments reads the escapes of $'...' (\c ends the output) and %% for %.
QByteArray printfBytes(const QByteArray &format, QStringList &warnings)
{
    QByteArray out;
    const qsizetype n = format.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = format[i];
        if (c == '%') {
            if (i + 1 < n && format[i + 1] == '%')
                ++i;
            else
                warnings.append(QStringLiteral("printf conversions other than %% are not read; the format is taken as text"));
            out += '%';
            ++i;
        } else if (c == '\\' && i + 1 < n && format[i + 1] == 'c') {
            break;
        } else if (c == '\\' && i + 1 < n) {
            i = readEscape(format, i + 1, out);
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

enum class Arg : quint8 { None, Required };

struct OptionSpec {
    const char *longName;
    char shortName; // 0: none
    Arg arg;
};

// The options read here, and the options that change nothing about the request (output,
// progress, verbosity), which are accepted silently. Names from curl's man page.
constexpr OptionSpec kOptions[] = {
    {"request", 'X', Arg::Required},     {"header", 'H', Arg::Required},
    {"data", 'd', Arg::Required},        {"data-ascii", 0, Arg::Required},
    {"data-raw", 0, Arg::Required},      {"data-binary", 0, Arg::Required},
    {"data-urlencode", 0, Arg::Required}, {"json", 0, Arg::Required},
    {"form", 'F', Arg::Required},        {"form-string", 0, Arg::Required},
    {"user", 'u', Arg::Required},        {"user-agent", 'A', Arg::Required},
    {"referer", 'e', Arg::Required},     {"cookie", 'b', Arg::Required},
    {"oauth2-bearer", 0, Arg::Required}, {"insecure", 'k', Arg::None},
    {"location", 'L', Arg::None},        {"location-trusted", 0, Arg::None},
    {"max-redirs", 0, Arg::Required},    {"compressed", 0, Arg::None},
    {"head", 'I', Arg::None},            {"get", 'G', Arg::None},
    {"url", 0, Arg::Required},           {"proxy", 'x', Arg::Required},
    {"upload-file", 'T', Arg::Required}, {"cookie-jar", 'c', Arg::Required},
    {"cert", 'E', Arg::Required},        {"key", 0, Arg::Required},
    {"cacert", 0, Arg::Required},        {"resolve", 0, Arg::Required},
    {"connect-to", 0, Arg::Required},    {"proxy-user", 'U', Arg::Required},
    {"http2", 0, Arg::None},             {"http2-prior-knowledge", 0, Arg::None},
    {"http3", 0, Arg::None},             {"http1.0", '0', Arg::None},
    {"digest", 0, Arg::None},            {"ntlm", 0, Arg::None},
    {"negotiate", 0, Arg::None},         {"anyauth", 0, Arg::None},
    {"basic", 0, Arg::None},             {"range", 'r', Arg::Required},
    {"url-query", 0, Arg::Required},
    // Output and behaviour of the curl program only: silently accepted.
    {"silent", 's', Arg::None},          {"show-error", 'S', Arg::None},
    {"verbose", 'v', Arg::None},         {"include", 'i', Arg::None},
    {"output", 'o', Arg::Required},      {"remote-name", 'O', Arg::None},
    {"fail", 'f', Arg::None},            {"fail-with-body", 0, Arg::None},
    {"progress-bar", '#', Arg::None},    {"no-progress-meter", 0, Arg::None},
    {"write-out", 'w', Arg::Required},   {"no-buffer", 'N', Arg::None},
    {"globoff", 'g', Arg::None},         {"http1.1", 0, Arg::None},
    {"max-time", 'm', Arg::Required},    {"connect-timeout", 0, Arg::Required},
    {"retry", 0, Arg::Required},         {"dump-header", 'D', Arg::Required},
    {"trace-ascii", 0, Arg::Required},   {"trace", 0, Arg::Required},
    {"path-as-is", 0, Arg::None},        {"raw", 0, Arg::None},
    {"tcp-nodelay", 0, Arg::None},       {"no-keepalive", 0, Arg::None},
    {"ipv4", '4', Arg::None},            {"ipv6", '6', Arg::None},
    {"limit-rate", 0, Arg::Required},    {"retry-delay", 0, Arg::Required},
    {"retry-max-time", 0, Arg::Required}, {"keepalive-time", 0, Arg::Required},
    {"speed-limit", 'Y', Arg::Required}, {"speed-time", 'y', Arg::Required},
    {"expect100-timeout", 0, Arg::Required}, {"stderr", 0, Arg::Required},
    {"create-dirs", 0, Arg::None},       {"remote-header-name", 'J', Arg::None},
    {"remote-time", 'R', Arg::None},     {"disable", 'q', Arg::None},
    {"tlsv1.2", 0, Arg::None},           {"tlsv1.3", 0, Arg::None},
    {"ssl-no-revoke", 0, Arg::None},     {"proto", 0, Arg::Required},
    {"proto-redir", 0, Arg::Required},
    // They change the request or the connection, and are said so.
    {"config", 'K', Arg::Required},      {"continue-at", 'C', Arg::Required},
    {"time-cond", 'z', Arg::Required},   {"interface", 0, Arg::Required},
    {"local-port", 0, Arg::Required},    {"cert-type", 0, Arg::Required},
    {"key-type", 0, Arg::Required},      {"pass", 0, Arg::Required},
    {"ciphers", 0, Arg::Required},       {"proxy-header", 0, Arg::Required},
    {"unix-socket", 0, Arg::Required},   {"abstract-unix-socket", 0, Arg::Required},
    {"aws-sigv4", 0, Arg::Required},     {"request-target", 0, Arg::Required},
};

const OptionSpec *findLong(QByteArrayView name)
{
    for (const OptionSpec &spec : kOptions)
        if (name == spec.longName)
            return &spec;
    return nullptr;
}

const OptionSpec *findShort(char c)
{
    for (const OptionSpec &spec : kOptions)
        if (spec.shortName == c)
            return &spec;
    return nullptr;
}

// Everything an option said, before curl's rules turn it into a request.
class Reader
{
public:
    explicit Reader(CurlCommand &out, QByteArray stdinBytes, bool hasStdin)
        : m_out(out), m_stdin(std::move(stdinBytes)), m_hasStdin(hasStdin)
    {
    }

    void option(const OptionSpec &spec, const QByteArray &value, bool negated);
    void url(const QByteArray &value);
    void finish();

private:
    void warn(const QString &text)
    {
        if (!m_out.warnings.contains(text))
            m_out.warnings.append(text);
    }
    void addData(const QByteArray &piece, bool json);
    std::optional<QByteArray> fileData(const char *option, const QByteArray &value);
    void addForm(const QByteArray &value, bool literal);
    bool customHas(QByteArrayView name) const;

    CurlCommand &m_out;
    QByteArray m_stdin;
    bool m_hasStdin;
    QByteArray m_method;           // -X
    bool m_head = false;           // -I
    bool m_get = false;            // -G
    bool m_json = false;           // --json seen
    QList<QByteArray> m_dataPieces;
    QList<QByteArray> m_queryPieces; // --url-query
    QList<WireHeader> m_custom;    // -H, in order
    QList<QByteArray> m_removed;   // -H 'Name:' removes curl's own header of that name
    QByteArray m_userAgent, m_referer, m_cookie, m_authorization;
    QList<QByteArray> m_urls;
};

bool Reader::customHas(QByteArrayView name) const
{
    for (const WireHeader &h : m_custom)
        if (QByteArrayView(h.name).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    for (const QByteArray &r : m_removed)
        if (QByteArrayView(r).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

std::optional<QByteArray> Reader::fileData(const char *option, const QByteArray &value)
{
    if (value == "@-" && m_hasStdin)
        return m_stdin;
    warn(QStringLiteral("%1 %2 reads a file or standard input, which a pasted command cannot; that part of the body is left out")
             .arg(QLatin1String(option), QString::fromUtf8(value)));
    return std::nullopt;
}

void Reader::addData(const QByteArray &piece, bool json)
{
    m_dataPieces.append(piece);
    m_json = m_json || json;
}

void Reader::addForm(const QByteArray &value, bool literal)
{
    // curl's -F name=content: content "@path" sends a file, "<path" a file's text, and
    // ;type= ;filename= follow the content.
    const qsizetype eq = value.indexOf('=');
    if (eq <= 0) {
        warn(QStringLiteral("-F %1 has no name=value; it is ignored").arg(QString::fromUtf8(value)));
        return;
    }
    MultipartPart part;
    part.name = QString::fromUtf8(value.left(eq));
    QByteArray content = value.mid(eq + 1);
    if (!literal && (content.startsWith('"') || content.startsWith("@\"") || content.startsWith("<\""))) {
        // curl reads a double-quoted content (Postman writes name="value" and
        // file=@"/path"): backslash escapes " and \, and ;type= may follow the quote.
        const qsizetype open = content.indexOf('"');
        QByteArray unquoted = content.left(open);
        qsizetype k = open + 1;
        for (; k < content.size() && content[k] != '"'; ++k) {
            if (content[k] == '\\' && k + 1 < content.size())
                ++k;
            unquoted += content[k];
        }
        const QByteArray rest = k < content.size() ? content.mid(k + 1) : QByteArray();
        if (unquoted.startsWith('@') || unquoted.startsWith('<')) {
            content = unquoted + rest; // a path with ';' in it is rare; parameters follow
        } else {
            part.value = QString::fromUtf8(unquoted);
            for (const QByteArray &p : rest.split(';'))
                if (p.trimmed().startsWith("type="))
                    part.contentType = QString::fromUtf8(p.trimmed().mid(5));
            m_out.formParts.append(part);
            return;
        }
    }
    if (!literal) {
        QList<QByteArray> params = content.split(';');
        const bool isFile = content.startsWith('@') || content.startsWith('<');
        if (isFile) {
            content = params.takeFirst();
            for (const QByteArray &p : std::as_const(params)) {
                const QByteArray t = p.trimmed();
                if (t.startsWith("type="))
                    part.contentType = QString::fromUtf8(t.mid(5));
                else if (t.startsWith("filename="))
                    part.fileName = QString::fromUtf8(t.mid(9));
            }
        }
        if (content.startsWith('@')) {
            part.filePath = QString::fromUtf8(content.mid(1));
            warn(QStringLiteral("-F %1=@%2 sends a file: the part refers to that path and it is read when the request is sent")
                     .arg(part.name, part.filePath));
        } else if (content.startsWith('<')) {
            warn(QStringLiteral("-F %1=<%2 reads a file's text, which a pasted command cannot; the part is left empty")
                     .arg(part.name, QString::fromUtf8(content.mid(1))));
        } else {
            part.value = QString::fromUtf8(content);
        }
    } else {
        part.value = QString::fromUtf8(content);
    }
    m_out.formParts.append(part);
}

void Reader::option(const OptionSpec &spec, const QByteArray &value, bool negated)
{
    const QByteArrayView name(spec.longName);
    if (name == "request") {
        m_method = value;
    } else if (name == "header") {
        if (value.startsWith('@')) {
            warn(QStringLiteral("-H %1 reads headers from a file, which a pasted command cannot; it is ignored")
                     .arg(QString::fromUtf8(value)));
            return;
        }
        const qsizetype colon = value.indexOf(':');
        const qsizetype semicolon = value.indexOf(';');
        if (colon > 0) {
            const QByteArray headerName = value.left(colon).trimmed();
            const QByteArray headerValue = value.mid(colon + 1).trimmed();
            if (headerValue.isEmpty())
                m_removed.append(headerName); // curl: "Name:" removes an internal header
            else
                m_custom.append({headerName, headerValue});
        } else if (semicolon > 0 && value.mid(semicolon + 1).trimmed().isEmpty()) {
            m_custom.append({value.left(semicolon).trimmed(), QByteArray()}); // "Name;" sends it empty
        } else {
            warn(QStringLiteral("-H %1 is not a 'Name: value' header; it is ignored").arg(QString::fromUtf8(value)));
        }
    } else if (name == "data" || name == "data-ascii") {
        if (value.startsWith('@')) {
            if (const auto bytes = fileData(spec.shortName ? "-d" : "--data-ascii", value)) {
                QByteArray stripped = *bytes; // curl -d @file drops CR and LF
                stripped.replace('\r', QByteArray()).replace('\n', QByteArray());
                addData(stripped, false);
            } else {
                addData({}, false);
            }
        } else {
            addData(value, false);
        }
    } else if (name == "data-raw") {
        addData(value, false);
    } else if (name == "data-binary" || name == "json") {
        if (value.startsWith('@'))
            addData(fileData(name == "json" ? "--json" : "--data-binary", value).value_or(QByteArray()), name == "json");
        else
            addData(value, name == "json");
    } else if (name == "data-urlencode") {
        // curl's man page: "content", "=content", "name=content", "@file", "name@file".
        const qsizetype eq = value.indexOf('=');
        const qsizetype at = value.indexOf('@');
        if (eq >= 0 && (at < 0 || eq < at)) {
            const QByteArray prefix = value.left(eq);
            addData(prefix.isEmpty() ? percentEncode(value.mid(eq + 1)) : prefix + '=' + percentEncode(value.mid(eq + 1)),
                    false);
        } else if (at >= 0) {
            const QByteArray prefix = value.left(at);
            if (const auto bytes = fileData("--data-urlencode", value.mid(at)))
                addData(prefix.isEmpty() ? percentEncode(*bytes) : prefix + '=' + percentEncode(*bytes), false);
        } else {
            addData(percentEncode(value), false);
        }
    } else if (name == "url-query") {
        m_queryPieces.append(value.startsWith('+') ? value.mid(1) : percentEncode(value));
    } else if (name == "form" || name == "form-string") {
        addForm(value, name == "form-string");
    } else if (name == "user") {
        const qsizetype colon = value.indexOf(':');
        if (colon < 0)
            warn(QStringLiteral("-u %1 has no password; curl would ask for one, an empty one is used")
                     .arg(QString::fromUtf8(value)));
        // RFC 7617 §2: "Basic " base64(user-id ":" password).
        m_authorization = "Basic " + (colon < 0 ? value + ':' : value).toBase64();
    } else if (name == "oauth2-bearer") {
        m_authorization = "Bearer " + value; // RFC 6750 §2.1
    } else if (name == "user-agent") {
        m_userAgent = value;
    } else if (name == "referer") {
        m_referer = value.endsWith(";auto") ? value.chopped(5) : value;
        if (value.endsWith(";auto") && m_referer.isEmpty())
            warn(QStringLiteral("-e ';auto' sets Referer only on redirects; no Referer is sent"));
    } else if (name == "cookie") {
        if (!value.contains('=')) {
            warn(QStringLiteral("-b %1 names a cookie file, which a pasted command cannot read; no cookie is sent")
                     .arg(QString::fromUtf8(value)));
            return;
        }
        m_cookie = m_cookie.isEmpty() ? value : m_cookie + "; " + value;
    } else if (name == "insecure") {
        m_out.insecure = !negated;
    } else if (name == "location" || name == "location-trusted") {
        m_out.followRedirects = !negated;
        if (name == "location-trusted")
            warn(QStringLiteral("--location-trusted: credentials are not sent to other hosts after a redirect"));
    } else if (name == "max-redirs") {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (ok && n >= 0)
            m_out.maxRedirects = n;
        else
            warn(QStringLiteral("--max-redirs %1 is not a number >= 0; it is ignored").arg(QString::fromUtf8(value)));
    } else if (name == "compressed") {
        m_out.compressed = !negated;
    } else if (name == "head") {
        m_head = !negated;
    } else if (name == "get") {
        m_get = !negated;
    } else if (name == "url") {
        url(value);
    } else if (name == "proxy" || name == "proxy-user") {
        warn(QStringLiteral("--%1 is not applied: a request from the composer goes directly to the server")
                 .arg(QLatin1String(spec.longName)));
    } else if (name == "upload-file") {
        warn(QStringLiteral("-T %1 uploads a file, which a pasted command cannot read; nothing is uploaded")
                 .arg(QString::fromUtf8(value)));
    } else if (name == "range") {
        m_custom.append({"Range", "bytes=" + value}); // RFC 9110 §14.2
    } else if (name == "http2" || name == "http2-prior-knowledge" || name == "http3" || name == "http1.0") {
        warn(QStringLiteral("--%1 is not applied: Wirescope speaks HTTP/1.1").arg(QLatin1String(spec.longName)));
    } else if (name == "digest" || name == "ntlm" || name == "negotiate" || name == "anyauth") {
        warn(QStringLiteral("--%1 authentication is not supported; the user is sent with Basic authentication")
                 .arg(QLatin1String(spec.longName)));
    } else if (name == "cookie-jar" || name == "cert" || name == "key" || name == "cacert" || name == "resolve"
               || name == "connect-to" || name == "config" || name == "continue-at" || name == "time-cond"
               || name == "interface" || name == "local-port" || name == "cert-type" || name == "key-type"
               || name == "pass" || name == "ciphers" || name == "proxy-header" || name == "unix-socket"
               || name == "abstract-unix-socket" || name == "aws-sigv4" || name == "request-target") {
        warn(QStringLiteral("--%1 is not applied (it names a file or changes the connection)")
                 .arg(QLatin1String(spec.longName)));
    }
    // The rest only change what the curl program prints or how it retries.
}

void Reader::url(const QByteArray &value)
{
    if (value.trimmed().isEmpty())
        warn(QStringLiteral("an empty URL is ignored"));
    else
        m_urls.append(value);
}

void Reader::finish()
{
    if (m_urls.isEmpty()) {
        m_out.error = QStringLiteral("the curl command has no URL");
        return;
    }
    // An option this reader does not know may have taken the next word as its value, which
    // then looks like a URL: a word with a scheme is the better guess.
    QByteArray url = m_urls.first();
    for (const QByteArray &candidate : std::as_const(m_urls)) {
        if (candidate.contains("://")) {
            url = candidate;
            break;
        }
    }
    if (m_urls.size() > 1)
        warn(QStringLiteral("%1 URLs (or values of unknown options) given; only %2 is used")
                 .arg(m_urls.size())
                 .arg(QString::fromUtf8(url)));

    // curl joins -d pieces with '&' and --json pieces with nothing (curl's man page, -d and
    // --json); a command mixing both is joined with '&' as curl does for the first kind.
    const QByteArray data = m_dataPieces.join(m_json && m_dataPieces.size() > 1 ? "" : "&");
    const bool hasData = !m_dataPieces.isEmpty();
    if (hasData && !m_out.formParts.isEmpty())
        warn(QStringLiteral("-d and -F cannot be combined (curl refuses it); the -F parts are used"));

    if (!m_queryPieces.isEmpty()) {
        url += (url.contains('?') ? "&" : "?") + m_queryPieces.join('&');
    }
    if (m_get && hasData) {
        // -G: the data goes into the query and the request is a GET.
        const qsizetype hash = url.indexOf('#');
        const QByteArray fragment = hash >= 0 ? url.mid(hash) : QByteArray();
        if (hash >= 0)
            url.truncate(hash);
        url += (url.contains('?') ? "&" : "?") + data + fragment;
    } else if (hasData && m_out.formParts.isEmpty()) {
        m_out.body = data;
        m_out.hasBody = true;
    }
    m_out.url = QString::fromUtf8(url);

    if (!m_method.isEmpty())
        m_out.method = m_method;
    else if (m_head)
        m_out.method = "HEAD";
    else if (m_get)
        m_out.method = "GET";
    else if (m_out.hasBody || !m_out.formParts.isEmpty())
        m_out.method = "POST";
    else
        m_out.method = "GET";
    if (m_head && (m_out.hasBody || !m_out.formParts.isEmpty()))
        warn(QStringLiteral("-I with a body: curl refuses this combination; the body is kept"));

    // The order curl writes them in (lib/http.c): its own Authorization, User-Agent and
    // Referer, then the -H headers as given (each replacing curl's own of that name), then
    // Cookie, then the body's Content-Type.
    QList<WireHeader> &h = m_out.headers;
    if (!m_authorization.isEmpty() && !customHas("Authorization"))
        h.append(WireHeader{"Authorization", m_authorization});
    if (!m_userAgent.isEmpty() && !customHas("User-Agent"))
        h.append(WireHeader{"User-Agent", m_userAgent});
    if (!m_referer.isEmpty() && !customHas("Referer"))
        h.append(WireHeader{"Referer", m_referer});
    if (m_json && !customHas("Accept"))
        h.append(WireHeader{"Accept", "application/json"});
    h.append(m_custom);
    if (!m_cookie.isEmpty() && !customHas("Cookie"))
        h.append(WireHeader{"Cookie", m_cookie});
    if (!customHas("Content-Type")) {
        if (!m_out.formParts.isEmpty())
            h.append(WireHeader{"Content-Type", "multipart/form-data"}); // the boundary is chosen when sent
        else if (m_out.hasBody)
            h.append(WireHeader{"Content-Type", m_json ? "application/json" : "application/x-www-form-urlencoded"});
    }
}

} // namespace

QByteArray CurlCommand::headerValue(QByteArrayView name) const
{
    for (qsizetype i = headers.size() - 1; i >= 0; --i)
        if (QByteArrayView(headers[i].name).compare(name, Qt::CaseInsensitive) == 0)
            return headers[i].value;
    return {};
}

bool CurlCommand::bodyIsText() const
{
    return QString::fromUtf8(body).toUtf8() == body;
}

HttpRequest CurlCommand::request() const
{
    HttpRequest out;
    out.setMethod(QString::fromLatin1(method));
    out.setUrl(url);
    QList<KeyValueRow> rows;
    int authorizations = 0;
    for (const WireHeader &h : headers)
        authorizations += QByteArrayView(h.name).compare("Authorization", Qt::CaseInsensitive) == 0;
    HttpAuth auth;
    for (const WireHeader &h : headers) {
        const QByteArrayView name(h.name);
        if (authorizations == 1 && name.compare("Authorization", Qt::CaseInsensitive) == 0) {
            // RFC 7617 §2 and RFC 6750 §2.1; any other scheme stays a header.
            const QByteArray value = h.value.trimmed();
            const QByteArray credentials = QByteArray::fromBase64(value.mid(6));
            if (value.startsWith("Basic ") && credentials.contains(':')
                && QString::fromUtf8(credentials).toUtf8() == credentials) {
                const qsizetype colon = credentials.indexOf(':');
                auth.kind = AuthKind::Basic;
                auth.username = QString::fromUtf8(credentials.left(colon));
                auth.password = QString::fromUtf8(credentials.mid(colon + 1));
                continue;
            }
            if (value.startsWith("Bearer ")) {
                auth.kind = AuthKind::Bearer;
                auth.token = QString::fromUtf8(value.mid(7).trimmed());
                continue;
            }
        }
        // The multipart body writes its own Content-Type, with the boundary it chose.
        if (!formParts.isEmpty() && name.compare("Content-Type", Qt::CaseInsensitive) == 0
            && h.value.trimmed().toLower().startsWith("multipart/form-data"))
            continue;
        rows.append({QString::fromUtf8(h.name), QString::fromUtf8(h.value), true});
    }
    out.setHeaders(rows);
    out.setAuth(auth);

    HttpBody body;
    if (!formParts.isEmpty()) {
        body.kind = BodyKind::Multipart;
        body.parts = formParts;
    } else if (hasBody) {
        const QByteArray type = headerValue("Content-Type").split(';').first().trimmed().toLower();
        const bool json = type == "application/json" || type.endsWith("+json");
        body.kind = json ? BodyKind::Json : BodyKind::Raw;
        body.text = QString::fromUtf8(this->body);
        body.rawContentType = QString::fromUtf8(headerValue("Content-Type"));
    }
    out.setBody(body);
    return out;
}

bool CurlCommand::looksLikeCurl(QStringView text)
{
    const QStringView t = text.trimmed();
    for (const QLatin1String program : {QLatin1String("curl"), QLatin1String("curl.exe")}) {
        if (t.startsWith(program, Qt::CaseInsensitive) && t.size() > program.size()
            && (t[program.size()].isSpace() || t[program.size()] == u'^'))
            return true;
    }
    return false;
}

CurlCommand CurlCommand::parse(QStringView text)
{
    CurlCommand out;
    const QByteArray in = text.toUtf8();
    const std::vector<Word> words = isCmdText(in) ? splitCmd(in) : splitPosix(in, out.warnings);

    // The command whose program is curl; a `printf 'FORMAT' |` before it is its stdin.
    qsizetype start = -1;
    QByteArray stdinBytes;
    bool hasStdin = false;
    for (qsizetype i = 0; i < qsizetype(words.size()); ++i) {
        const bool commandStart = i == 0 || words[i - 1].isOperator;
        if (!commandStart || words[i].isOperator)
            continue;
        if (isCurlProgram(words[i].text)) {
            start = i;
            break;
        }
        if (words[i].text == "printf" && i + 2 < qsizetype(words.size()) && !words[i + 1].isOperator
            && words[i + 2].isOperator && words[i + 2].text == "|") {
            stdinBytes = printfBytes(words[i + 1].text, out.warnings);
            hasStdin = true;
        }
    }
    if (start < 0) {
        out.error = QStringLiteral("not a curl command: the text does not start with curl");
        return out;
    }

    Reader reader(out, stdinBytes, hasStdin);
    bool onlyUrls = false;
    qsizetype i = start + 1;
    for (; i < qsizetype(words.size()) && !words[i].isOperator; ++i) {
        const QByteArray &w = words[i].text;
        const auto valueAfter = [&](const QString &option) -> std::optional<QByteArray> {
            if (i + 1 < qsizetype(words.size()) && !words[i + 1].isOperator)
                return words[++i].text;
            out.warnings.append(QStringLiteral("%1 needs a value; it is ignored").arg(option));
            return std::nullopt;
        };
        if (onlyUrls || !w.startsWith('-') || w == "-") {
            reader.url(w);
            continue;
        }
        if (w == "--") {
            onlyUrls = true;
            continue;
        }
        if (w.startsWith("--")) {
            QByteArray name = w.mid(2);
            std::optional<QByteArray> inlineValue;
            if (const qsizetype eq = name.indexOf('='); eq > 0) {
                inlineValue = name.mid(eq + 1);
                name.truncate(eq);
            }
            bool negated = false;
            const OptionSpec *spec = findLong(name);
            if (!spec && name.startsWith("no-")) {
                spec = findLong(name.mid(3));
                negated = spec && spec->arg == Arg::None;
                if (!negated)
                    spec = nullptr;
            }
            if (!spec) {
                out.warnings.append(QStringLiteral("unknown option --%1 is ignored").arg(QString::fromUtf8(name)));
                continue;
            }
            if (spec->arg == Arg::None) {
                if (inlineValue)
                    out.warnings.append(QStringLiteral("--%1 takes no value; '=%2' is ignored")
                                            .arg(QString::fromUtf8(name), QString::fromUtf8(*inlineValue)));
                reader.option(*spec, {}, negated);
            } else if (inlineValue) {
                reader.option(*spec, *inlineValue, false);
            } else if (const auto value = valueAfter(QStringLiteral("--") + QString::fromUtf8(name))) {
                reader.option(*spec, *value, false);
            }
            continue;
        }
        // Short options: flags combine (-sSL); one that takes a value takes the rest of the
        // word (-XPOST) or the next word (-X POST).
        for (qsizetype k = 1; k < w.size(); ++k) {
            const OptionSpec *spec = findShort(w[k]);
            if (!spec) {
                out.warnings.append(QStringLiteral("unknown option -%1 is ignored").arg(QLatin1Char(w[k])));
                continue;
            }
            if (spec->arg == Arg::None) {
                reader.option(*spec, {}, false);
                continue;
            }
            if (k + 1 < w.size())
                reader.option(*spec, w.mid(k + 1), false);
            else if (const auto value = valueAfter(QStringLiteral("-") + QLatin1Char(w[k])))
                reader.option(*spec, *value, false);
            break;
        }
    }
    if (i < qsizetype(words.size()))
        out.warnings.append(QStringLiteral("what follows '%1' is another command; it is ignored")
                                .arg(QString::fromUtf8(words[i].text)));
    reader.finish();
    return out;
}

QByteArray CurlCommand::shellQuote(QByteArrayView bytes)
{
    const QByteArray b = bytes.toByteArray();
    bool plain = QString::fromUtf8(b).toUtf8() == b; // valid UTF-8
    for (const char c : b)
        if ((uchar(c) < 0x20 && c != '\n') || c == 0x7f)
            plain = false;
    if (plain) {
        // '...' takes everything literally but the quote itself, written '\''.
        QByteArray out = "'";
        for (const char c : b) {
            if (c == '\'')
                out += "'\\''";
            else
                out += c;
        }
        return out + '\'';
    }
    // $'...' (bash, zsh, ksh; POSIX 2024): bytes outside printable ASCII as \xHH. A hex
    // escape is always written with two digits so that a following hex digit stays text.
    QByteArray out = "$'";
    static const char hex[] = "0123456789abcdef";
    for (const char c : b) {
        const uchar u = uchar(c);
        if (c == '\'' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u >= 0x20 && u < 0x7f) {
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out + '\'';
}

} // namespace wirescope
