// Results that give the scores but not the work's mark (ВПР, ОГЭ): `analyze` takes the mark from
// the boundaries the other schools' marks follow (or the stored scale), so the journal is compared
// as with the marks; with no marks anywhere and no scale, the reason says why it was not.
#include "CliTest.h"

#include <QDir>

using objectivity::test::CliRun;
using objectivity::test::CliTest;
using objectivity::test::criterionOf;

namespace {

// Rewrites the generated flat.csv: the «Отметка» column removed (dropColumn) or its cells
// emptied in the rows of `school`.
bool withoutMarks(const QString &path, bool dropColumn, const QString &school = QString()) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    f.close();
    const QStringList header = lines.value(0).split(QLatin1Char(';'));
    const qsizetype mark = header.indexOf(QStringLiteral("Отметка"));
    const qsizetype login = header.indexOf(QStringLiteral("Логин ОО"));
    if (mark < 0 || login < 0)
        return false;
    QStringList out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringList cells = lines[i].split(QLatin1Char(';'));
        if (cells.size() > mark) {
            if (dropColumn)
                cells.removeAt(mark);
            else if (i > 0 && cells.value(login) == school)
                cells[mark].clear();
        }
        out << cells.join(QLatin1Char(';'));
    }
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(out.join(QLatin1Char('\n')).toUtf8());
    return true;
}

} // namespace

class AnalyzeWithoutWorkMarks : public CliTest {
protected:
    QString generate() {
        const QString out = dir.filePath(QStringLiteral("region"));
        const CliRun g =
            run({QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--seed"),
                 QStringLiteral("7"), QStringLiteral("--schools"), QStringLiteral("12"),
                 QStringLiteral("--municipalities"), QStringLiteral("2"), QStringLiteral("--years"),
                 QStringLiteral("2025")},
                false);
        EXPECT_EQ(g.exitCode, 0) << g.err.toStdString();
        return QDir(out).filePath(QStringLiteral("flat.csv"));
    }
    CliRun import(const QString &flat) {
        return run({QStringLiteral("results"), QStringLiteral("import"), flat,
                    QStringLiteral("--layout"), QStringLiteral("flat")});
    }
    QJsonArray analyzeVpr() {
        const CliRun a =
            run({QStringLiteral("analyze"), QStringLiteral("--json"), QStringLiteral("--all-units"),
                 QStringLiteral("--procedure"), QStringLiteral("ВПР")});
        EXPECT_EQ(a.exitCode, 0) << a.err.toStdString();
        return QJsonDocument::fromJson(a.out.toUtf8())
            .object()
            .value(QLatin1String("units"))
            .toArray();
    }
};

TEST_F(AnalyzeWithoutWorkMarks, OneSchoolsWorksGetTheMarksOfTheBoundariesTheOthersFollow) {
    const QString flat = generate();
    ASSERT_TRUE(withoutMarks(flat, false, QStringLiteral("edu053002")));
    const CliRun i = import(flat);
    ASSERT_EQ(i.exitCode, 0) << i.err.toStdString() << i.out.toStdString();
    const QJsonArray units = analyzeVpr();
    ASSERT_FALSE(units.isEmpty());
    int derived = 0;
    for (const auto &v : units) {
        const QJsonObject u = v.toObject();
        const QString school = u.value(QLatin1String("school_code")).toString();
        const int fromScale = u.value(QLatin1String("marks_from_scale")).toInt();
        if (school != QLatin1String("edu053002")) {
            EXPECT_EQ(fromScale, 0) << school.toStdString();
            continue;
        }
        // every work of the school: the boundaries come from the other schools' marks (or from
        // an official scale of the same structure, the other schools' marks checked against it)
        EXPECT_EQ(fromScale, u.value(QLatin1String("n")).toInt())
            << u.value(QLatin1String("subject")).toString().toStdString();
        const QString source = u.value(QLatin1String("scale_source")).toString();
        EXPECT_TRUE(source == QLatin1String("inferred") || source == QLatin1String("stored"))
            << source.toStdString();
        const QJsonObject lenient = criterionOf(u, QStringLiteral("journal_mismatch_lenient"));
        EXPECT_FALSE(lenient.value(QLatin1String("reason_text"))
                         .toString()
                         .contains(QStringLiteral("отметок за работу в данных нет")))
            << lenient.value(QLatin1String("reason_text")).toString().toStdString();
        ++derived;
    }
    EXPECT_GT(derived, 3);
}

// No marks and no scale of the structure: the marks are those most schools' journals give at the
// score (marks_from_journals), the bunching criterion has no boundaries.
TEST_F(AnalyzeWithoutWorkMarks, NoMarksAndNoScaleTakeTheMarksTheRegionsJournalsGive) {
    const QString flat = generate();
    ASSERT_TRUE(withoutMarks(flat, true));
    const CliRun i = import(flat);
    ASSERT_EQ(i.exitCode, 0) << i.err.toStdString() << i.out.toStdString();
    EXPECT_TRUE(i.out.contains(QStringLiteral(
        "в файле нет отметок за работу, а шкала перевода баллов в отметки неизвестна")))
        << i.out.toStdString();
    const QJsonArray units = analyzeVpr();
    ASSERT_FALSE(units.isEmpty());
    int fromJournals = 0, withScale = 0;
    for (const auto &v : units) {
        const QJsonObject u = v.toObject();
        const int n = u.value(QLatin1String("n")).toInt();
        if (u.value(QLatin1String("scale_source")).toString() == QLatin1String("stored")) {
            // an official scale of the same structure (ВПР 8): the marks are its
            EXPECT_EQ(u.value(QLatin1String("marks_from_scale")).toInt(), n);
            EXPECT_FALSE(u.contains(QLatin1String("marks_from_journals")));
            ++withScale;
            continue;
        }
        EXPECT_FALSE(u.contains(QLatin1String("scale_source")));
        if (!u.contains(QLatin1String("marks_from_journals"))) {
            // the region's journals show no whole scale: nothing to compare with
            EXPECT_EQ(u.value(QLatin1String("marks_missing")).toInt(), n);
            continue;
        }
        EXPECT_TRUE(u.value(QLatin1String("marks_from_journals"))
                        .toString()
                        .startsWith(QStringLiteral("«3» с ")));
        EXPECT_EQ(u.value(QLatin1String("marks_from_scale")).toInt(), n);
        if (n >= 10) {
            const QJsonObject bunching = criterionOf(u, QStringLiteral("boundary_bunching"));
            EXPECT_FALSE(bunching.value(QLatin1String("tested")).toBool());
        }
        ++fromJournals;
    }
    EXPECT_GT(fromJournals, 3);
    EXPECT_GT(withScale, 0);
}
