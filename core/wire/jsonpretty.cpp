#include "core/wire/jsonpretty.h"

#include "core/wire/utf8validator.h"

#include <string_view>
#include <unordered_set>
#include <vector>

namespace wirescope {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r'; // RFC 8259 §2
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

class Indenter
{
public:
    Indenter(QByteArrayView in, int indent, int maxDepth)
        : m_in(in)
        , m_indent(indent)
        , m_maxDepth(maxDepth)
    {
    }

    JsonPretty run();

private:
    enum class Expect { Value, Key, Colon, CommaOrClose };

    char peek() const { return m_at < m_in.size() ? m_in[m_at] : '\0'; }
    bool atEnd() const { return m_at >= m_in.size(); }
    void skipSpace()
    {
        while (!atEnd() && isJsonSpace(m_in[m_at]))
            ++m_at;
    }
    void newline(qsizetype depth)
    {
        m_out += '\n';
        m_out.append(depth * m_indent, ' ');
    }
    bool fail(const char *expected)
    {
        m_error = expected;
        m_errorAt = m_at;
        return false;
    }
    bool value(Expect &next);
    bool open(char opener, Expect &next);
    bool string(std::string_view *spelled);
    bool number();
    bool literal(std::string_view word);

    QByteArrayView m_in;
    const int m_indent;
    const int m_maxDepth;
    qsizetype m_at = 0;
    QByteArray m_out;
    std::vector<char> m_open;                                    // '{' or '[' per level
    std::vector<std::unordered_set<std::string_view>> m_names;   // per open object
    qsizetype m_duplicates = 0;
    const char *m_error = nullptr;
    qsizetype m_errorAt = -1;
};

JsonPretty Indenter::run()
{
    // RFC 8259 §8.1: a parser may ignore a byte order mark; it is not part of the text.
    if (m_in.startsWith("\xEF\xBB\xBF"))
        m_at = 3;
    m_out.reserve(m_in.size() + m_in.size() / 4);
    Expect next = Expect::Value;
    bool good = true;
    while (good) {
        skipSpace();
        if (next == Expect::CommaOrClose && m_open.empty()) {
            good = atEnd() || fail("the end of the text");
            break;
        }
        if (atEnd()) {
            good = fail(next == Expect::Value ? "a value" : next == Expect::Key ? "a member name"
                        : next == Expect::Colon ? "':'" : "',' or the end of the object or array");
            break;
        }
        switch (next) {
        case Expect::Value:
            good = value(next);
            break;
        case Expect::Key: {
            std::string_view name;
            if (peek() != '"') {
                good = fail("a member name in double quotes");
                break;
            }
            good = string(&name);
            if (good && !m_names.back().insert(name).second)
                ++m_duplicates;
            next = Expect::Colon;
            break;
        }
        case Expect::Colon:
            if (peek() != ':') {
                good = fail("':'");
                break;
            }
            ++m_at;
            m_out += ": ";
            next = Expect::Value;
            break;
        case Expect::CommaOrClose: {
            const char opener = m_open.back();
            const char closer = opener == '{' ? '}' : ']';
            if (peek() == ',') {
                ++m_at;
                m_out += ',';
                newline(qsizetype(m_open.size()));
                next = opener == '{' ? Expect::Key : Expect::Value;
            } else if (peek() == closer) {
                ++m_at;
                m_open.pop_back();
                if (opener == '{')
                    m_names.pop_back();
                newline(qsizetype(m_open.size()));
                m_out += closer;
            } else {
                good = fail(opener == '{' ? "',' or '}'" : "',' or ']'");
            }
            break;
        }
        }
    }
    JsonPretty result;
    result.duplicateKeys = m_duplicates;
    if (!good) {
        result.error = m_error;
        result.errorOffset = m_errorAt;
        return result;
    }
    result.ok = true;
    result.text = std::move(m_out);
    return result;
}

bool Indenter::value(Expect &next)
{
    next = Expect::CommaOrClose;
    switch (peek()) {
    case '{':
    case '[':
        return open(peek(), next);
    case '"':
        return string(nullptr);
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        if (peek() == '-' || isDigit(peek()))
            return number();
        return fail("a value");
    }
}

bool Indenter::open(char opener, Expect &next)
{
    const char closer = opener == '{' ? '}' : ']';
    if (qsizetype(m_open.size()) >= m_maxDepth)
        return fail("no deeper nesting");
    ++m_at;
    skipSpace();
    if (peek() == closer) { // an empty one stays on its line
        ++m_at;
        m_out += opener;
        m_out += closer;
        return true;
    }
    m_out += opener;
    m_open.push_back(opener);
    if (opener == '{')
        m_names.emplace_back();
    newline(qsizetype(m_open.size()));
    next = opener == '{' ? Expect::Key : Expect::Value;
    return true;
}

// RFC 8259 §7: copied as spelled; escapes are checked, control characters refused, and the
// text must be UTF-8 (§8.1).
bool Indenter::string(std::string_view *spelled)
{
    const qsizetype start = m_at;
    ++m_at;
    while (true) {
        if (atEnd())
            return fail("the closing '\"' of the string");
        const char c = m_in[m_at];
        if (c == '"')
            break;
        if (quint8(c) < 0x20)
            return fail("no control character inside a string (escape it)");
        if (c == '\\') {
            ++m_at;
            const char e = peek();
            if (e == 'u') {
                for (int i = 1; i <= 4; ++i) {
                    if (m_at + i >= m_in.size() || !isHex(m_in[m_at + i])) {
                        m_at += i;
                        return fail("four hex digits after \\u");
                    }
                }
                m_at += 4;
            } else if (!(e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')) {
                return fail("an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
            }
        }
        ++m_at;
    }
    ++m_at;
    const QByteArrayView whole = m_in.sliced(start, m_at - start);
    Utf8Validator utf8;
    if (!utf8.feed(whole) || !utf8.finish()) {
        m_at = start + (utf8.errorOffset() >= 0 ? utf8.errorOffset() : whole.size() - 1);
        return fail("UTF-8 text");
    }
    if (spelled)
        *spelled = std::string_view(whole.data(), size_t(whole.size()));
    m_out.append(whole);
    return true;
}

// RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool Indenter::number()
{
    const qsizetype start = m_at;
    if (peek() == '-')
        ++m_at;
    if (peek() == '0') {
        ++m_at;
    } else if (isDigit(peek())) {
        while (isDigit(peek()))
            ++m_at;
    } else {
        return fail("a digit");
    }
    if (peek() == '.') {
        ++m_at;
        if (!isDigit(peek()))
            return fail("a digit after '.'");
        while (isDigit(peek()))
            ++m_at;
    }
    if (peek() == 'e' || peek() == 'E') {
        ++m_at;
        if (peek() == '+' || peek() == '-')
            ++m_at;
        if (!isDigit(peek()))
            return fail("a digit in the exponent");
        while (isDigit(peek()))
            ++m_at;
    }
    m_out.append(m_in.sliced(start, m_at - start));
    return true;
}

bool Indenter::literal(std::string_view word)
{
    const QByteArrayView rest = m_in.sliced(m_at);
    if (!rest.startsWith(QByteArrayView(word.data(), qsizetype(word.size())))) {
        // Point at the first byte that differs.
        qsizetype i = 0;
        while (i < rest.size() && i < qsizetype(word.size()) && rest[i] == word[size_t(i)])
            ++i;
        m_at += i;
        return fail("a value (true, false or null)");
    }
    m_at += qsizetype(word.size());
    m_out.append(word.data(), qsizetype(word.size()));
    return true;
}

} // namespace

JsonPretty jsonPretty(QByteArrayView json, int indent, int maxDepth)
{
    return Indenter(json, indent, maxDepth).run();
}

} // namespace wirescope
