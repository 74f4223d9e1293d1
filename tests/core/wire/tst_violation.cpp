#include "core/wire/violation.h"

#include <QTest>

using namespace wirescope;

namespace {
const ViolationKind kSample{"test.sample", ViolationGroup::Protocol, ViolationSeverity::Error,
                            "RFC 6455 §5.2", "A sample rule was broken"};
const ViolationKind kNote{"test.note", ViolationGroup::Malformed, ViolationSeverity::Note,
                          "RFC 6455 §5.2", "Only a note"};
} // namespace

class TestViolation : public QObject
{
    Q_OBJECT
private slots:
    void messageCarriesTextAndDetail()
    {
        const Violation v{&kSample, 7, 1, QStringLiteral("opcode 0x3")};
        QCOMPARE(violationMessage(v), QStringLiteral("A sample rule was broken (opcode 0x3)"));
        QCOMPARE(v.id(), QStringLiteral("test.sample"));
        QCOMPARE(v.rfc(), QStringLiteral("RFC 6455 §5.2"));
        QVERIFY(v.isError());
    }
    void messageWithoutDetailIsTheSentenceAlone()
    {
        const Violation v{&kNote, 0, 0, {}};
        QCOMPARE(violationMessage(v), QStringLiteral("Only a note"));
        QVERIFY(!v.isError());
    }
    void groupAndSeverityHaveStableNames()
    {
        QCOMPARE(violationGroupName(ViolationGroup::Security), QStringLiteral("security"));
        QCOMPARE(violationSeverityName(ViolationSeverity::Warning), QStringLiteral("warning"));
    }
};

QTEST_GUILESS_MAIN(TestViolation)
#include "tst_violation.moc"
