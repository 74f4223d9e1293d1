// DESIGN.md: ui/ presents and never parses protocol bytes. Frames, messages, UTF-8 checks
// and close payloads are decoded in core (the engine, the timeline); a file in ui/ that
// reaches for the codecs that do it fails this test.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// What ui/ must not use: the decoders of RFC 6455 bytes and the UTF-8 rule.
const QStringList &forbidden()
{
    static const QStringList patterns{
        QStringLiteral(R"(#\s*include\s*["<]core/wire/wsframeparser\.h[">])"),
        QStringLiteral(R"(#\s*include\s*["<]core/wire/wsmessageassembler\.h[">])"),
        QStringLiteral(R"(#\s*include\s*["<]core/wire/utf8validator\.h[">])"),
        QStringLiteral(R"(\bwsParseClosePayload\s*\()"),
    };
    return patterns;
}

// The forbidden uses in one file's text, as "line N: text".
QStringList offences(const QString &text)
{
    QStringList found;
    const QStringList lines = text.split(u'\n');
    for (const QString &pattern : forbidden()) {
        const QRegularExpression re(pattern);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (re.match(lines[i]).hasMatch())
                found << QStringLiteral("line %1: %2").arg(i + 1).arg(lines[i].trimmed());
        }
    }
    return found;
}

} // namespace

class TestUiLayering : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theCheckSeesWhatItLooksFor_data();
    void theCheckSeesWhatItLooksFor();
    void noFileInUiDecodesProtocolBytes();
};

void TestUiLayering::theCheckSeesWhatItLooksFor_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("offends");
    QTest::newRow("including the frame parser") << QStringLiteral("#include \"core/wire/wsframeparser.h\"") << true;
    QTest::newRow("including the assembler") << QStringLiteral("#  include <core/wire/wsmessageassembler.h>") << true;
    QTest::newRow("including the UTF-8 validator") << QStringLiteral("#include \"core/wire/utf8validator.h\"") << true;
    QTest::newRow("decoding a close payload") << QStringLiteral("auto c = wsParseClosePayload(bytes);") << true;
    QTest::newRow("reading the close code table is fine") << QStringLiteral("#include \"core/wire/wsclosecode.h\"") << false;
    QTest::newRow("the frame struct is fine") << QStringLiteral("#include \"core/wire/wsframe.h\"") << false;
}

void TestUiLayering::theCheckSeesWhatItLooksFor()
{
    QFETCH(QString, text);
    QFETCH(bool, offends);
    QCOMPARE(!offences(text).isEmpty(), offends);
}

void TestUiLayering::noFileInUiDecodesProtocolBytes()
{
    const QString root = QStringLiteral(WIRESCOPE_SOURCE_DIR "/ui");
    QStringList problems;
    int files = 0;
    QDirIterator it(root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        ++files;
        for (const QString &offence : offences(QString::fromUtf8(file.readAll())))
            problems << path.mid(root.size() - 2) + QStringLiteral(", ") + offence;
    }
    QVERIFY2(files > 20, qPrintable(QStringLiteral("only %1 files found under %2").arg(files).arg(root)));
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("ui/ decodes protocol bytes (use the timeline):\n")
                                            + problems.join(u'\n')));
}

QTEST_MAIN(TestUiLayering)
#include "tst_uilayering.moc"
