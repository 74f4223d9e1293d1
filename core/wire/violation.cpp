#include "core/wire/violation.h"

namespace wirescope {

QString Violation::id() const
{
    return kind ? QString::fromLatin1(kind->id) : QString();
}

QString Violation::rfc() const
{
    return kind ? QString::fromUtf8(kind->rfc) : QString();
}

QString violationMessage(const Violation &violation)
{
    if (!violation.kind)
        return violation.detail;
    const QString text = QString::fromUtf8(violation.kind->text);
    return violation.detail.isEmpty() ? text : text + QStringLiteral(" (") + violation.detail + u')';
}

QString violationGroupName(ViolationGroup group)
{
    switch (group) {
    case ViolationGroup::Malformed: return QStringLiteral("malformed");
    case ViolationGroup::Protocol: return QStringLiteral("protocol");
    case ViolationGroup::Sequence: return QStringLiteral("sequence");
    case ViolationGroup::Security: return QStringLiteral("security");
    }
    return {};
}

QString violationSeverityName(ViolationSeverity severity)
{
    switch (severity) {
    case ViolationSeverity::Note: return QStringLiteral("note");
    case ViolationSeverity::Warning: return QStringLiteral("warning");
    case ViolationSeverity::Error: return QStringLiteral("error");
    }
    return {};
}

} // namespace wirescope
