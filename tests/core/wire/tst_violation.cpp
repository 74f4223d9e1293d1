#include "core/wire/httpviolations.h"
#include "core/wire/violation.h"
#include "core/wire/wsviolations.h"

#include <QFile>
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
    void everyIdIsInTheCliDocumentation_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("id");
        for (const ViolationKind *kind : httpViolationKinds())
            QTest::addRow("%s", kind->id) << QStringLiteral("docs/cli-http.md") << QString::fromLatin1(kind->id);
        for (const ViolationKind *kind : wsViolationKinds())
            QTest::addRow("%s", kind->id) << QStringLiteral("docs/cli-ws.md") << QString::fromLatin1(kind->id);
    }
    void everyIdIsInTheCliDocumentation()
    {
        // The ids are part of the CLI's JSON contract: each one is listed where users look.
        QFETCH(QString, document);
        QFETCH(QString, id);
        QFile file(QStringLiteral(WIRESCOPE_SOURCE_DIR "/") + document);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(document));
        const QByteArray quoted = QByteArray("`") + id.toLatin1() + QByteArray("`");
        QVERIFY2(file.readAll().contains(quoted), qPrintable(id + u" is not in " + document));
    }
    void everyHttpKindHasASentenceAndASection()
    {
        for (const ViolationKind *kind : httpViolationKinds()) {
            QVERIFY2(QByteArrayView(kind->id).startsWith("http."), kind->id);
            QVERIFY2(QByteArrayView(kind->rfc).startsWith("RFC "), kind->id);
            QVERIFY2(qstrlen(kind->text) > 10, kind->id);
        }
    }
    void groupAndSeverityHaveStableNames()
    {
        QCOMPARE(violationGroupName(ViolationGroup::Security), QStringLiteral("security"));
        QCOMPARE(violationSeverityName(ViolationSeverity::Warning), QStringLiteral("warning"));
    }
};

QTEST_GUILESS_MAIN(TestViolation)
#include "tst_violation.moc"
