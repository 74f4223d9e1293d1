#include "core/session/replayreport.h"

#include "core/session/recordjson.h"

#include <QJsonArray>
#include <QXmlStreamWriter>

#include <algorithm>

namespace wirescope {

namespace {

constexpr qsizetype kTextValueChars = 200;
// A body that changed shape can differ in a million places: a screen shows the first ones,
// the JSON report has them all.
constexpr qsizetype kTextDifferences = 50;

QString kindName(ReplayItem::Kind kind)
{
    return kind == ReplayItem::Kind::Http ? QStringLiteral("http") : QStringLiteral("websocket");
}

QString seconds(qint64 ns)
{
    return QString::number(double(ns) / 1e9, 'f', 3);
}

QString cut(const QString &text, qsizetype max, bool *cutShort = nullptr)
{
    if (text.size() <= max)
        return text;
    if (cutShort)
        *cutShort = true;
    return text.left(max) + QStringLiteral("\u2026");
}

// One side of a difference on one line: control characters escaped, cut to a screen line.
QString shown(const std::optional<QString> &value)
{
    if (!value)
        return QStringLiteral("(absent)");
    QString out;
    for (const QChar c : cut(*value, kTextValueChars)) {
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\r')
            out += QLatin1String("\\r");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

// Text that differs somewhere in many lines is shown at its first differing line.
QString differenceText(const ReplayDifference &d, const QString &indent)
{
    QString head = indent + d.where();
    std::optional<QString> a = d.recorded;
    std::optional<QString> b = d.replayed;
    if (a && b && (a->contains(u'\n') || b->contains(u'\n'))) {
        const QStringList x = a->split(u'\n');
        const QStringList y = b->split(u'\n');
        qsizetype line = 0;
        while (line < x.size() && line < y.size() && x.at(line) == y.at(line))
            ++line;
        head += QStringLiteral(" (line %1)").arg(line + 1);
        a = line < x.size() ? std::optional(x.at(line)) : std::nullopt;
        b = line < y.size() ? std::optional(y.at(line)) : std::nullopt;
    }
    return head + u'\n' + indent + QLatin1String("  - ") + shown(a) + u'\n' + indent + QLatin1String("  + ")
        + shown(b) + u'\n';
}

// XML 1.0 §2.2 allows no C0 control other than tab, newline and carriage return.
QString xmlSafe(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c.unicode() == 0xfffe
            || c.unicode() == 0xffff)
            c = QChar(0xfffd);
    return out;
}

QJsonValue side(const std::optional<QString> &value, bool *cutShort)
{
    return value ? QJsonValue(cut(*value, ReplayReportWriter::kMaxValueChars, cutShort)) : QJsonValue();
}

} // namespace

qsizetype ReplayItemResult::counted() const
{
    return std::count_if(differences.begin(), differences.end(), [](const ReplayDifference &d) { return !d.ignored(); });
}

qsizetype ReplayReport::differences() const
{
    qsizetype n = 0;
    for (const ReplayItemResult &i : items)
        n += i.counted();
    return n;
}

qsizetype ReplayReport::ignored() const
{
    qsizetype n = 0;
    for (const ReplayItemResult &i : items)
        n += i.ignored();
    return n;
}

qsizetype ReplayReport::failedItems() const
{
    return std::count_if(items.begin(), items.end(), [](const ReplayItemResult &i) { return !i.passed(); });
}

QString ReplayReportWriter::itemText(const ReplayItemResult &item, qsizetype total)
{
    QString out = QStringLiteral("%1 %2/%3 %4").arg(item.passed() ? QLatin1String("SAME") : QLatin1String("DIFF"))
                      .arg(item.index + 1)
                      .arg(total)
                      .arg(item.label);
    if (item.target != item.label.section(u' ', 1))
        out += QStringLiteral(" -> ") + item.target;
    QStringList counts;
    if (item.counted())
        counts += QStringLiteral("%1 difference%2").arg(item.counted()).arg(item.counted() == 1 ? QString() : QStringLiteral("s"));
    if (item.ignored())
        counts += QStringLiteral("%1 ignored").arg(item.ignored());
    out += QStringLiteral(" (%1 s%2)\n").arg(seconds(item.durationNs),
                                            counts.isEmpty() ? QString() : QStringLiteral(", ") + counts.join(QStringLiteral(", ")));
    qsizetype shownCount = 0;
    for (const ReplayDifference &d : item.differences) {
        if (d.ignored())
            continue;
        if (shownCount++ == kTextDifferences) {
            out += QStringLiteral("    ... %1 more (all of them: --report json)\n").arg(item.counted() - kTextDifferences);
            break;
        }
        out += differenceText(d, QStringLiteral("    "));
    }
    return out;
}

QString ReplayReportWriter::summaryText(const ReplayReport &report)
{
    const qsizetype http = std::count_if(report.items.begin(), report.items.end(), [](const ReplayItemResult &i) {
        return i.kind == ReplayItem::Kind::Http;
    });
    return QStringLiteral("replay: %1 items (%2 HTTP, %3 WebSocket) in %4 s: %5 differ, %6 same; %7 differences, %8 ignored\n")
        .arg(report.items.size())
        .arg(http)
        .arg(report.items.size() - http)
        .arg(seconds(report.durationNs))
        .arg(report.failedItems())
        .arg(report.items.size() - report.failedItems())
        .arg(report.differences())
        .arg(report.ignored());
}

QJsonObject ReplayReportWriter::toJson(const ReplayReport &report)
{
    QJsonArray items;
    for (const ReplayItemResult &item : report.items) {
        QJsonArray differences;
        for (const ReplayDifference &d : item.differences) {
            bool cutShort = false;
            QJsonObject o{{QStringLiteral("aspect"), ReplayDifference::aspectName(d.aspect)},
                          {QStringLiteral("where"), d.where()},
                          {QStringLiteral("recorded"), side(d.recorded, &cutShort)},
                          {QStringLiteral("replayed"), side(d.replayed, &cutShort)},
                          {QStringLiteral("ignored_by"), d.ignored() ? QJsonValue(d.ignoredBy) : QJsonValue()}};
            if (d.aspect == ReplayDifference::Aspect::Header)
                o.insert(QStringLiteral("header"), d.header);
            if (d.message >= 0)
                o.insert(QStringLiteral("message"), d.message + 1);
            if (d.json)
                o.insert(QStringLiteral("path"), d.path.toString());
            if (cutShort)
                o.insert(QStringLiteral("truncated"), true);
            differences.append(o);
        }
        QJsonObject o{{QStringLiteral("index"), item.index + 1},
                      {QStringLiteral("kind"), kindName(item.kind)},
                      {QStringLiteral("label"), item.label},
                      {QStringLiteral("target"), item.target},
                      {QStringLiteral("passed"), item.passed()},
                      {QStringLiteral("duration_ns"), item.durationNs},
                      {QStringLiteral("differences"), differences}};
        if (!item.failure.isNull())
            o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("id"), item.failure.id()},
                                                          {QStringLiteral("class"), failureClassName(item.failure.failureClass())},
                                                          {QStringLiteral("message"), item.failure.message()}});
        items.append(o);
    }
    const qsizetype http = std::count_if(report.items.begin(), report.items.end(), [](const ReplayItemResult &i) {
        return i.kind == ReplayItem::Kind::Http;
    });
    return QJsonObject{
        {QStringLiteral("format_version"), kJsonFormatVersion},
        {QStringLiteral("report"), QStringLiteral("replay")},
        {QStringLiteral("file"), report.file},
        {QStringLiteral("base_url"), report.baseUrl.isEmpty() ? QJsonValue() : QJsonValue(report.baseUrl)},
        {QStringLiteral("pace"), report.pace},
        {QStringLiteral("ignore"), QJsonArray::fromStringList(report.ignoreRules)},
        {QStringLiteral("started_at"), report.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_ns"), report.durationNs},
        {QStringLiteral("passed"), report.passed()},
        {QStringLiteral("summary"), QJsonObject{{QStringLiteral("items"), report.items.size()},
                                                {QStringLiteral("http"), http},
                                                {QStringLiteral("websocket"), report.items.size() - http},
                                                {QStringLiteral("differ"), report.failedItems()},
                                                {QStringLiteral("same"), report.items.size() - report.failedItems()},
                                                {QStringLiteral("differences"), report.differences()},
                                                {QStringLiteral("ignored"), report.ignored()}}},
        {QStringLiteral("items"), items},
    };
}

QByteArray ReplayReportWriter::toJUnit(const ReplayReport &report)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    const QString tests = QString::number(report.items.size());
    const QString failures = QString::number(report.failedItems());
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("wirescope replay"));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), seconds(report.durationNs));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), xmlSafe(report.file));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), seconds(report.durationNs));
    xml.writeAttribute(QStringLiteral("timestamp"), report.startedAt.toUTC().toString(Qt::ISODate));
    xml.writeStartElement(QStringLiteral("properties"));
    auto property = [&xml](const QString &name, const QString &value) {
        xml.writeStartElement(QStringLiteral("property"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeAttribute(QStringLiteral("value"), xmlSafe(value));
        xml.writeEndElement();
    };
    property(QStringLiteral("pace"), report.pace);
    if (!report.baseUrl.isEmpty())
        property(QStringLiteral("base_url"), report.baseUrl);
    for (const QString &rule : report.ignoreRules)
        property(QStringLiteral("ignore"), rule);
    xml.writeEndElement();
    for (const ReplayItemResult &item : report.items) {
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), QStringLiteral("replay.") + kindName(item.kind));
        xml.writeAttribute(QStringLiteral("name"), xmlSafe(QStringLiteral("%1 %2").arg(item.index + 1).arg(item.label)));
        xml.writeAttribute(QStringLiteral("time"), seconds(item.durationNs));
        QString counted;
        QString ignored;
        qsizetype listed = 0;
        for (const ReplayDifference &d : item.differences) {
            if (d.ignored())
                ignored += QStringLiteral("%1 (ignored by %2)\n").arg(d.where(), d.ignoredBy);
            else if (listed++ < kTextDifferences)
                counted += differenceText(d, {});
        }
        if (listed > kTextDifferences)
            counted += QStringLiteral("... %1 more (all of them: --report json)\n").arg(listed - kTextDifferences);
        if (!item.passed()) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("replay.differences"));
            xml.writeAttribute(QStringLiteral("message"),
                               QStringLiteral("%1 difference%2").arg(item.counted()).arg(item.counted() == 1 ? QString() : QStringLiteral("s")));
            xml.writeCharacters(xmlSafe(counted));
            xml.writeEndElement();
        }
        if (!ignored.isEmpty())
            xml.writeTextElement(QStringLiteral("system-out"), xmlSafe(ignored));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace wirescope
