// The sequence diagram as SVG, read back with QXmlStreamReader: well-formed XML, one lane
// pair per connection, one arrow element per arrow of the layout (its timeline row, kind and
// direction), labels with opcodes, sizes and statuses; the compressed diagram has the same
// arrows on less height.
#include "core/session/sequencelayout.h"
#include "core/session/sequencesvg.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/demorecording.h"

#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace wirescope;

namespace {

struct SvgArrow {
    QString kind;
    qsizetype row = -1;
    QString direction;
    QString label;
};

struct ReadSvg {
    QString error;
    double height = 0;
    QList<quint32> lanePairs; // data-connection of each <g class="lanes">
    int laneLines = 0;
    QList<SvgArrow> arrows;
};

ReadSvg readSvg(const QByteArray &bytes)
{
    ReadSvg svg;
    QXmlStreamReader xml(bytes);
    SvgArrow *arrow = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QXmlStreamAttributes a = xml.attributes();
            const QString cls = a.value(QLatin1String("class")).toString();
            if (xml.name() == u"svg") {
                svg.height = a.value(QLatin1String("height")).toDouble();
                if (xml.namespaceUri() != u"http://www.w3.org/2000/svg")
                    svg.error = QStringLiteral("not in the SVG namespace");
            } else if (xml.name() == u"g" && cls == u"lanes") {
                svg.lanePairs << a.value(QLatin1String("data-connection")).toUInt();
            } else if (xml.name() == u"line" && cls == u"lane") {
                ++svg.laneLines;
            } else if (xml.name() == u"g" && cls == u"arrow") {
                svg.arrows.append({a.value(QLatin1String("data-kind")).toString(), a.value(QLatin1String("data-row")).toLongLong(),
                                   a.value(QLatin1String("data-direction")).toString(), {}});
                arrow = &svg.arrows.last();
            } else if (xml.name() == u"text" && arrow) {
                arrow->label = xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"g") {
            arrow = nullptr;
        }
    }
    if (xml.hasError())
        svg.error = xml.errorString();
    return svg;
}

} // namespace

class TestSequenceSvg : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void oneLanePairPerConnectionAndOneArrowPerEvent_data();
    void oneLanePairPerConnectionAndOneArrowPerEvent();
    void labelsSayOpcodeSizeAndStatus();
    void writtenToAFileOrRefusedWithTheReason();

private:
    test::DemoPeer m_peer;
    Session m_session;
};

void TestSequenceSvg::initTestCase()
{
    QString error;
    QVERIFY2(m_peer.start(&error), qPrintable(error));
    QVERIFY2(test::DemoRecording::record(m_session, m_peer, &error), qPrintable(error));
}

void TestSequenceSvg::oneLanePairPerConnectionAndOneArrowPerEvent_data()
{
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<bool>("lastConnectionOnly");
    QTest::newRow("whole session, real time") << false << false;
    QTest::newRow("whole session, compressed") << true << false;
    QTest::newRow("the WebSocket connection") << false << true;
}

void TestSequenceSvg::oneLanePairPerConnectionAndOneArrowPerEvent()
{
    QFETCH(bool, compressed);
    QFETCH(bool, lastConnectionOnly);
    const Timeline &t = m_session.timeline();
    SequenceLayoutOptions options;
    options.compressed = compressed;
    if (lastConnectionOnly)
        options.connections = {t.connectionIds().last()};
    const SequenceLayout layout = SequenceLayout::build(t, options);
    const ReadSvg svg = readSvg(sequenceSvg(layout));
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));

    const QList<quint32> expected = lastConnectionOnly ? options.connections : t.connectionIds();
    QCOMPARE(svg.lanePairs, expected);
    QCOMPARE(svg.laneLines, 2 * expected.size());
    QCOMPARE(svg.height, std::round(layout.height() * 10) / 10);
    QCOMPARE(svg.arrows.size(), qsizetype(layout.arrows().size()));
    for (qsizetype i = 0; i < svg.arrows.size(); ++i) {
        const SequenceArrow &a = layout.arrows()[size_t(i)];
        QCOMPARE(svg.arrows[i].row, a.row);
        QCOMPARE(svg.arrows[i].kind, sequenceArrowKindName(a.kind));
        QCOMPARE(svg.arrows[i].direction, a.direction == Direction::Out ? QStringLiteral("out") : QStringLiteral("in"));
        QCOMPARE(svg.arrows[i].label, sequenceArrowLabel(a));
    }
    // Every frame, message, event and exchange of those connections is there.
    qsizetype frames = 0;
    for (qsizetype row = 0; row < t.rowCount(); ++row)
        if (expected.contains(t.row(row).connection) && t.row(row).rowKind() == RowKind::Frame)
            ++frames;
    const auto isFrame = [](const SvgArrow &a) {
        return QString::fromLatin1("data fragment ping pong close frame").split(u' ').contains(a.kind);
    };
    QCOMPARE(std::count_if(svg.arrows.begin(), svg.arrows.end(), isFrame), frames);
}

void TestSequenceSvg::labelsSayOpcodeSizeAndStatus()
{
    const ReadSvg svg = readSvg(sequenceSvg(SequenceLayout::build(m_session.timeline())));
    QStringList labels;
    for (const SvgArrow &a : svg.arrows)
        labels << a.label;
    const QString text = QString::number(qstrlen(test::DemoRecording::kText));
    QVERIFY2(labels.contains(QStringLiteral("text %1 B").arg(text)), qPrintable(labels.join(u'\n')));
    QVERIFY(labels.contains(QStringLiteral("binary %1 B").arg(test::DemoRecording::binary().size())));
    QVERIFY(labels.contains(QStringLiteral("text 10 B, fragment 1/3")));
    QVERIFY(labels.contains(QStringLiteral("continuation 8 B, fragment 3/3")));
    QVERIFY(labels.contains(QStringLiteral("text message, 3 frames, 28 B")));
    QVERIFY(labels.contains(QStringLiteral("101 Switching Protocols")));
    QVERIFY(labels.contains(QStringLiteral("close 1000 \"bye\"")));
    QVERIFY(labels.contains(QStringLiteral("TCP end (1000, clean)")));
    QVERIFY(labels.contains(QStringLiteral("POST /post")));
    QCOMPARE(labels.filter(QRegularExpression(QStringLiteral("^200 OK, \\d+ B$"))).size(), 2);
}

void TestSequenceSvg::writtenToAFileOrRefusedWithTheReason()
{
    const SequenceLayout layout = SequenceLayout::build(m_session.timeline());
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("sequence.svg"));
    QVERIFY2(saveSequenceSvg(layout, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), sequenceSvg(layout));
    QVERIFY(!saveSequenceSvg(layout, dir.filePath(QStringLiteral("missing/dir/sequence.svg")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestSequenceSvg)
#include "tst_sequencesvg.moc"
