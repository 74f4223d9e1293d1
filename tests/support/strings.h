#pragma once

#include <QStringList>

#include <initializer_list>

namespace wirescope::test {

// A QStringList from UTF-8 literals, for data rows (the build forbids implicit
// const char * -> QString conversions).
inline QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

} // namespace wirescope::test
