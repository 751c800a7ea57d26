// `objectivity-cli analyze` end to end on a small generated region written into the database
// through storage: the JSON keys of issue 6, a planted manipulation flagged, official markers
// beside the computed ones, the guard rails (minimum participants, thresholds from the settings).
#include "CliTest.h"

#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QJsonArray>
#include <QLocale>
#include <QMap>
#include <QSet>

using namespace objectivity;
using objectivity::test::CliRun;

namespace {

simulation::GeneratorOptions smallRegion() {
    simulation::GeneratorOptions o;
    o.seed = 11;
    o.schools = 40;
    o.municipalities = 4;
    o.firstYear = 2023;
    o.lastYear = 2024;
    return o;
}

QSet<QString> keys(const QJsonObject &o) {
    const QStringList k = o.keys();
    return {k.begin(), k.end()};
}

} // namespace

class AnalyzeCli : public objectivity::test::CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        if (IsSkipped())
            return;
        auto db = storage::Database::open(dbPath());
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        storage::GeneratedRegionWriter writer(**db, QStringLiteral("test region"));
        const core::Status s = (*db)->transaction([&]() -> core::Status {
            simulation::RegionGenerator(smallRegion()).run(writer);
            if (core::Status f = writer.finish(); !f)
                return f;
            // an official list naming the first school with a planted manipulation
            storage::ResultsRepository repo(**db);
            storage::ResultsRepository::ImportRecord record;
            record.fileName = QStringLiteral("official.xlsx");
            record.contentHash = QStringLiteral("official");
            record.layout = QStringLiteral("flagged");
            auto importId = repo.addImport(record);
            if (!importId)
                return importId.error();
            core::FlaggedSchool flag;
            flag.year = manipulated().year;
            flag.schoolCode = manipulated().schoolCode;
            flag.markers.insert(QStringLiteral("5 РУ"), 1);
            flag.markerCount = 2;
            bool inserted = false;
            return repo.addFlag(flag, *importId, &inserted);
        });
        ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
        ASSERT_GT(writer.rows(), 5000);
    }

    // The first planted manipulation of a kind the analysis must find (a lenient journal).
    static simulation::PlantedManipulation manipulated() {
        static const simulation::SimulatedRegion plan(smallRegion());
        for (const auto &m : plan.planted())
            if (m.manipulation == simulation::Manipulation::LenientJournal)
                return m;
        return {};
    }

    QJsonObject analyzeJson(const QStringList &extra = {}) {
        const CliRun r =
            run(QStringList{QStringLiteral("analyze"), QStringLiteral("--json")} + extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
        return doc.object();
    }
};

TEST_F(AnalyzeCli, JsonHasTheKeysOfTheIssueAndFlagsThePlantedUnit) {
    const simulation::PlantedManipulation m = manipulated();
    ASSERT_FALSE(m.schoolCode.isEmpty()) << "the generator planted no lenient journal";
    const QJsonObject report = analyzeJson();
    const QJsonArray units = report.value(QLatin1String("units")).toArray();
    const QJsonArray schools = report.value(QLatin1String("schools")).toArray();
    ASSERT_FALSE(units.isEmpty());
    ASSERT_FALSE(schools.isEmpty());
    const QSet<QString> unitKeys = {QStringLiteral("year"),         QStringLiteral("procedure"),
                                    QStringLiteral("grade"),        QStringLiteral("subject"),
                                    QStringLiteral("school_code"),  QStringLiteral("school_name"),
                                    QStringLiteral("municipality"), QStringLiteral("n"),
                                    QStringLiteral("metrics"),      QStringLiteral("flags")};
    bool found = false;
    for (const auto &v : units) {
        const QJsonObject u = v.toObject();
        EXPECT_TRUE(keys(u).contains(unitKeys)) << QJsonDocument(u).toJson().toStdString();
        const QJsonArray flags = u.value(QLatin1String("flags")).toArray();
        EXPECT_FALSE(flags.isEmpty()) << "without --all-units only flagged units are listed";
        for (const auto &f : flags) {
            const QJsonObject fo = f.toObject();
            EXPECT_TRUE(
                keys(fo).contains({QStringLiteral("criterion"), QStringLiteral("kind"),
                                   QStringLiteral("p_value"), QStringLiteral("explanation")}));
            // the kind follows the code: the journal family is current assessment
            EXPECT_EQ(fo.value(QLatin1String("kind")).toString(),
                      fo.value(QLatin1String("criterion"))
                              .toString()
                              .startsWith(QLatin1String("journal_mismatch"))
                          ? QStringLiteral("current_assessment")
                          : QStringLiteral("results"));
            EXPECT_FALSE(fo.value(QLatin1String("explanation")).toString().isEmpty());
            EXPECT_LT(fo.value(QLatin1String("p_value")).toDouble(), 0.05);
            if (u.value(QLatin1String("school_code")).toString() == m.schoolCode &&
                u.value(QLatin1String("year")).toInt() == m.year &&
                u.value(QLatin1String("grade")).toInt() == m.grade &&
                u.value(QLatin1String("subject")).toString() == m.subject &&
                fo.value(QLatin1String("criterion")).toString() ==
                    QLatin1String("journal_mismatch_lenient"))
                found = true;
        }
        const QJsonObject metrics = u.value(QLatin1String("metrics")).toObject();
        EXPECT_TRUE(metrics.contains(QLatin1String("region")));
    }
    EXPECT_TRUE(found) << "planted lenient journal not flagged: " << m.schoolCode.toStdString()
                       << " " << m.year << " grade " << m.grade << " " << m.subject.toStdString();

    bool official = false;
    for (const auto &v : schools) {
        const QJsonObject s = v.toObject();
        EXPECT_TRUE(keys(s).contains({QStringLiteral("school_code"), QStringLiteral("markers"),
                                      QStringLiteral("years_in_a_row")}));
        const int markers = s.value(QLatin1String("markers")).toInt();
        const int inRow = s.value(QLatin1String("years_in_a_row")).toInt();
        EXPECT_GE(markers, inRow);
        EXPECT_LE(inRow, 2); // two years generated
        EXPECT_EQ(markers > 0, inRow > 0);
        if (s.value(QLatin1String("school_code")).toString() == m.schoolCode) {
            // a lenient journal is a sign of current assessment, counted apart from the results
            EXPECT_GE(s.value(QLatin1String("current_assessment_markers")).toInt(), 1);
            const QJsonObject off = s.value(QLatin1String("official_markers_by_year")).toObject();
            EXPECT_EQ(off.value(QString::number(m.year)).toInt(), 2);
            official = true;
        }
    }
    EXPECT_TRUE(official) << "the officially listed school is missing from `schools`";

    // the same unit as text: the explanation quotes numbers
    const CliRun text =
        run({QStringLiteral("analyze"), QStringLiteral("--year"), QString::number(m.year)});
    EXPECT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(m.schoolCode));
    EXPECT_TRUE(text.out.contains(QStringLiteral("повод для проверки")));
    // each kind of sign has its table or says in words that there is none
    for (const char16_t *kind : {u"Признаки необъективности результатов",
                                 u"Признаки необъективности текущего оценивания"}) {
        const QString title = QString::fromUtf16(kind);
        EXPECT_NE(text.out.contains(u'\n' + title + QStringLiteral(". ")),
                  text.out.contains(u'\n' + title + QStringLiteral(": не выявлены.\n")))
            << title.toStdString() << '\n'
            << text.out.toStdString();
    }
    // the sign by its Russian name, its code for the JSON and the methodology beside it
    EXPECT_TRUE(text.out.contains(
        QStringLiteral("| Много «понизили» (журнал выше) (journal_mismatch_lenient) |")))
        << text.out.toStdString();
}

TEST_F(AnalyzeCli, BelowTheMinimumIsInsufficientDataAndNotFlagged) {
    // every generated unit is smaller than 1000 participants
    const QJsonObject report = analyzeJson({QStringLiteral("--all-units"), QStringLiteral("--set"),
                                            QStringLiteral("min_participants=1000")});
    const QJsonArray units = report.value(QLatin1String("units")).toArray();
    ASSERT_GT(units.size(), 100);
    for (const auto &v : units) {
        const QJsonObject u = v.toObject();
        if (u.value(QLatin1String("subject")).toString().isEmpty())
            continue; // medals: a school-year unit of medallists, each checked by the rules
        EXPECT_EQ(u.value(QLatin1String("status")).toString(),
                  QStringLiteral("недостаточно данных"));
        EXPECT_TRUE(u.value(QLatin1String("flags")).toArray().isEmpty());
    }
    EXPECT_EQ(report.value(QLatin1String("settings"))
                  .toObject()
                  .value(QLatin1String("min_participants"))
                  .toDouble(),
              1000);
}

TEST_F(AnalyzeCli, ThresholdsLiveInTheSettingsTable) {
    const QJsonObject before = analyzeJson();
    const int flaggedBefore = before.value(QLatin1String("units")).toArray().size();
    ASSERT_GT(flaggedBefore, 0);
    // every threshold is listed with its default and description
    const CliRun list = run({QStringLiteral("analyze"), QStringLiteral("settings")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    for (const auto &d : core::AnalysisSettings::definitions())
        EXPECT_TRUE(list.out.contains(d.key + QStringLiteral(" = "))) << d.key.toStdString();
    // a stricter significance level, stored in the database, is used by the next run
    const CliRun set = run({QStringLiteral("analyze"), QStringLiteral("settings"),
                            QStringLiteral("fdr_alpha=0.000000001")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_TRUE(set.out.contains(QStringLiteral("fdr_alpha = 1e-09 (по умолчанию 0.05)")))
        << set.out.toStdString();
    const QJsonObject after = analyzeJson();
    EXPECT_LT(after.value(QLatin1String("units")).toArray().size(), flaggedBefore);
    // --set overrides the stored value for one run only
    const QJsonObject once =
        analyzeJson({QStringLiteral("--set"), QStringLiteral("fdr_alpha=0.05")});
    EXPECT_EQ(once.value(QLatin1String("units")).toArray().size(), flaggedBefore);
    EXPECT_EQ(analyzeJson().value(QLatin1String("units")).toArray().size(),
              after.value(QLatin1String("units")).toArray().size());
    // unknown keys are refused
    const CliRun bad = run({QStringLiteral("analyze"), QStringLiteral("--set"),
                            QStringLiteral("no_such_threshold=1")});
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("no_such_threshold"))) << bad.err.toStdString();
}

// --all-units: every unit lists every criterion with its statistic, p, q, effect, threshold and why
// it is (not) flagged; a unit below the minimum says so for each criterion.
TEST_F(AnalyzeCli, AllUnitsExplainEveryCriterion) {
    const QJsonObject report = analyzeJson({QStringLiteral("--all-units")});
    const QJsonArray units = report.value(QLatin1String("units")).toArray();
    ASSERT_GT(units.size(), 100);
    const QSet<QString> reasons = {QStringLiteral("flagged"),
                                   QStringLiteral("not_significant"),
                                   QStringLiteral("effect_below_threshold"),
                                   QStringLiteral("too_few_participants"),
                                   QStringLiteral("gia_too_few"),
                                   QStringLiteral("no_gia"),
                                   QStringLiteral("confirmed"),
                                   QStringLiteral("not_applicable")};
    QMap<QString, int> seen;
    QMap<QString, QStringList> bunchingParts; // unit -> boundaries tested
    int tooFewUnits = 0, vprUnits = 0;
    for (const auto &v : units) {
        const QJsonObject u = v.toObject();
        const QJsonArray criteria = u.value(QLatin1String("criteria")).toArray();
        ASSERT_FALSE(criteria.isEmpty()) << QJsonDocument(u).toJson().toStdString();
        QSet<QString> codes;
        for (const auto &c : criteria) {
            const QJsonObject co = c.toObject();
            EXPECT_TRUE(
                keys(co).contains({QStringLiteral("criterion"), QStringLiteral("kind"),
                                   QStringLiteral("statistic"), QStringLiteral("p_value"),
                                   QStringLiteral("q_value"), QStringLiteral("effect_size"),
                                   QStringLiteral("threshold"), QStringLiteral("flagged"),
                                   QStringLiteral("reason"), QStringLiteral("reason_text")}));
            const QString reason = co.value(QLatin1String("reason")).toString();
            EXPECT_TRUE(reasons.contains(reason)) << reason.toStdString();
            EXPECT_FALSE(co.value(QLatin1String("reason_text")).toString().isEmpty());
            EXPECT_EQ(co.value(QLatin1String("flagged")).toBool(),
                      reason == QStringLiteral("flagged"));
            // tested ⇔ a p-value; a flagged finding has its q and effect
            EXPECT_EQ(co.value(QLatin1String("tested")).toBool(),
                      co.value(QLatin1String("p_value")).isDouble());
            if (reason == QStringLiteral("effect_below_threshold") ||
                reason == QStringLiteral("not_significant")) {
                EXPECT_TRUE(co.value(QLatin1String("q_value")).isDouble());
                EXPECT_TRUE(co.value(QLatin1String("effect_size")).isDouble());
            }
            // a criterion with several findings per unit (boundary_bunching: one per boundary)
            // names the part in `part` and at the start of the text
            const QString part = co.value(QLatin1String("part")).toString();
            const QString prefix = part.isEmpty() ? QString() : part + QStringLiteral(": ");
            if (reason == QStringLiteral("not_significant")) {
                EXPECT_TRUE(co.value(QLatin1String("reason_text"))
                                .toString()
                                .startsWith(prefix + QStringLiteral("не значимо после поправки")));
            }
            if (reason == QStringLiteral("effect_below_threshold")) {
                // the journal criteria say why after a colon (the shift explained by the level)
                const QString text = co.value(QLatin1String("reason_text")).toString();
                EXPECT_TRUE(text == prefix + QStringLiteral("эффект ниже порога") ||
                            text.startsWith(prefix + QStringLiteral("эффект ниже порога: ")))
                    << text.toStdString();
            }
            seen[reason] += 1;
            const QString code = co.value(QLatin1String("criterion")).toString();
            codes << code;
            if (code == QStringLiteral("boundary_bunching") &&
                co.value(QLatin1String("tested")).toBool()) {
                EXPECT_TRUE(part.startsWith(QStringLiteral("граница «")) ||
                            part == QStringLiteral("все границы"))
                    << part.toStdString();
                bunchingParts[u.value(QLatin1String("procedure")).toString() +
                              u.value(QLatin1String("school_code")).toString() +
                              u.value(QLatin1String("subject")).toString() +
                              QString::number(u.value(QLatin1String("year")).toInt()) +
                              QString::number(u.value(QLatin1String("grade")).toInt())]
                    << part;
            }
        }
        if (u.value(QLatin1String("procedure")).toString() == QStringLiteral("ВПР") &&
            !u.value(QLatin1String("subject")).toString().isEmpty()) {
            ++vprUnits;
            for (const char *c : {"difficulty_inversion", "boundary_bunching",
                                  "journal_mismatch_lenient", "journal_mismatch_strict",
                                  "journal_mismatch_inflated", "high_results_unconfirmed"})
                EXPECT_TRUE(codes.contains(QString::fromLatin1(c))) << c;
        }
        if (u.value(QLatin1String("status")).toString() == QStringLiteral("недостаточно данных")) {
            ++tooFewUnits;
            for (const auto &c : criteria)
                EXPECT_TRUE(c.toObject()
                                .value(QLatin1String("reason_text"))
                                .toString()
                                .startsWith(QStringLiteral("не проверялось: участников ")));
        }
    }
    EXPECT_GT(vprUnits, 50);
    EXPECT_GT(tooFewUnits, 0);
    // several boundaries of one unit tested, each a finding of its own, none twice
    int severalBoundaries = 0;
    for (const QStringList &parts : bunchingParts) {
        EXPECT_EQ(QSet<QString>(parts.begin(), parts.end()).size(), parts.size());
        severalBoundaries += parts.size() > 1 ? 1 : 0;
    }
    EXPECT_GT(severalBoundaries, 10);
    EXPECT_GT(seen.value(QStringLiteral("flagged")), 0);
    EXPECT_GT(seen.value(QStringLiteral("effect_below_threshold")), 100);
    EXPECT_GT(seen.value(QStringLiteral("too_few_participants")), 0);
    // without --all-units no unit carries the full list
    for (const auto &v : analyzeJson().value(QLatin1String("units")).toArray())
        EXPECT_FALSE(v.toObject().contains(QLatin1String("criteria")));
}

TEST_F(AnalyzeCli, TheTableGivesEachTestsPAndSaysWhenASignChecksARule) {
    const CliRun r = run({QStringLiteral("analyze")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    int tests = 0;
    for (const QString &line : r.out.split(u'\n')) {
        const QStringList cells = line.split(QStringLiteral(" | "));
        if (cells.size() != 8 || cells.first() == u"Год")
            continue;
        const QString p = cells.last().trimmed();
        if (cells.at(6).endsWith(u"(medals_unsupported)")) {
            // every medalist against the rules of the year: no probability to give
            EXPECT_EQ(p, QStringLiteral("по правилу")) << line.toStdString();
        } else {
            // as the window writes it: «0,0337», or «< 0,0001» — never «2,56E-11»
            bool ok = p == QStringLiteral("< 0,0001");
            if (!ok) {
                const double q = QLocale(QLocale::Russian).toDouble(p, &ok);
                ok = ok && q >= 0.0001 && q <= 0.05 && p.size() == 6;
            }
            EXPECT_TRUE(ok) << line.toStdString();
            ++tests;
        }
    }
    EXPECT_GT(tests, 0) << r.out.toStdString();
    // this region names no medals; the window's test (AnalysisViewTest) has some and checks them
}
