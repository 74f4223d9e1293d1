// The window's words: English plural forms, the German translation, and the .ts files
// kept complete (no unfinished entry, every counted string has its English forms).
#include "ui/app/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace wirescope;

namespace {

struct TsEntries {
    QSet<QString> numerus;     // "context|source" of each counted message
    QStringList unfinished;    // "context|source" of each entry not translated yet
    int messages = 0;
};

TsEntries readTs(const QString &path)
{
    TsEntries entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            ++entries.messages;
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            if (numerus)
                entries.numerus.insert(context + u'|' + source);
        } else if (xml.name() == u"translation" && xml.attributes().value(QStringLiteral("type")) == u"unfinished") {
            entries.unfinished << context + u'|' + source;
        }
    }
    return entries;
}

QString translationsDir()
{
    return QStringLiteral(WIRESCOPE_SOURCE_DIR "/translations/");
}

// Installs translations for one test and takes them away again.
struct Installed {
    explicit Installed(const QLocale &locale) { installTranslations(QCoreApplication::instance(), locale); }
    ~Installed()
    {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
};

QString rows(int n)
{
    return QCoreApplication::translate("wirescope::WsConsole", "%n row(s)", nullptr, n);
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private slots:
    void englishCountsReadAsEnglish()
    {
        QCOMPARE(rows(1), QStringLiteral("1 row(s)")); // the source text, before installing
        Installed english(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(rows(0), QStringLiteral("0 rows"));
        QCOMPARE(rows(1), QStringLiteral("1 row"));
        QCOMPARE(rows(2), QStringLiteral("2 rows"));
    }

    void germanIsGerman()
    {
        Installed german(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(rows(1), QStringLiteral("1 Zeile"));
        QCOMPARE(rows(7), QStringLiteral("7 Zeilen"));
        QCOMPARE(QCoreApplication::translate("wirescope::MainWindow", "&File"), QStringLiteral("&Datei"));
    }

    void theTsFilesAreComplete()
    {
        const TsEntries german = readTs(translationsDir() + QStringLiteral("wirescope_de.ts"));
        const TsEntries english = readTs(translationsDir() + QStringLiteral("wirescope_en.ts"));
        QVERIFY(german.messages > 600);
        QVERIFY2(german.unfinished.isEmpty(), qPrintable(german.unfinished.join(u'\n')));
        QVERIFY2(english.unfinished.isEmpty(), qPrintable(english.unfinished.join(u'\n')));
        // Every counted string the German file knows has its English singular and plural.
        QStringList missing;
        for (const QString &entry : german.numerus)
            if (!english.numerus.contains(entry))
                missing << entry;
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
        QVERIFY(english.numerus.size() >= 15);
    }
};

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
