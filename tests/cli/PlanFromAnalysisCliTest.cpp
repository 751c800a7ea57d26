// `objectivity-cli plan add-from-analysis` end to end, as a user runs it: `generate` a region,
// `results import` its flat file, `analyze`, then measures for a flagged school into a new plan,
// not twice on a re-run, into an existing plan's chosen section; an approved plan is refused with
// the database file unchanged.
#include "CliTest.h"

#include "objectivity/core/plan/MeasureTemplate.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QJsonArray>

using namespace objectivity;
using namespace Qt::StringLiterals;
using objectivity::test::CliRun;

namespace {

qint64 lastLineId(const CliRun &r) {
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? 0 : lines.last().toLongLong();
}

} // namespace

class PlanFromAnalysisCli : public objectivity::test::CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        if (IsSkipped())
            return;
        const QString out = dir.filePath(u"region"_s);
        const CliRun g = run({u"generate"_s, u"--out"_s, out, u"--seed"_s, u"11"_s, u"--schools"_s,
                              u"40"_s, u"--municipalities"_s, u"4"_s, u"--years"_s, u"2023-2024"_s,
                              u"--no-xlsx"_s, u"--no-fisoko"_s},
                             false);
        ASSERT_EQ(g.exitCode, 0) << g.err.toStdString();
        const CliRun i = run({u"results"_s, u"import"_s, out + u"/flat.csv"_s});
        ASSERT_EQ(i.exitCode, 0) << i.err.toStdString();
        // a school with a sign of kind Results in 2024, as `analyze --json` lists it
        const CliRun a = run({u"analyze"_s, u"--json"_s, u"--year"_s, u"2024"_s});
        ASSERT_EQ(a.exitCode, 0) << a.err.toStdString();
        const QJsonObject report = QJsonDocument::fromJson(a.out.toUtf8()).object();
        for (const auto &v : report.value(u"units"_s).toArray()) {
            const QJsonObject u = v.toObject();
            if (!u.value(u"flags"_s).toArray().isEmpty()) {
                school = u.value(u"school_code"_s).toString();
                flaggedUnits[school] += 1;
            }
        }
        ASSERT_FALSE(school.isEmpty()) << "the generated region has no flagged unit in 2024";
    }

    // Submits and approves a draft through the workflow, as a director would.
    void approve(qint64 id) {
        ASSERT_EQ(run({u"plan"_s, u"submit"_s, QString::number(id)}).exitCode, 0);
        const CliRun r = run({u"plan"_s, u"approve"_s, QString::number(id), u"--order"_s, u"17"_s,
                              u"--date"_s, u"01.09.2024"_s});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    QString school;
    QMap<QString, int> flaggedUnits;
};

TEST_F(PlanFromAnalysisCli, NewPlanGetsTheMeasuresOnceAndTheirSource) {
    const CliRun r = run({u"plan"_s, u"add-from-analysis"_s, u"--new"_s, u"--school"_s, school,
                          u"--year"_s, u"2024"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString() << r.out.toStdString();
    const qint64 id = lastLineId(r);
    ASSERT_GT(id, 0) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"Добавлено мер: "_s)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"Основание: признак «"_s)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"2024"_s));
    EXPECT_FALSE(r.out.contains(u'{')) << "a placeholder left unfilled: " << r.out.toStdString();

    const QJsonObject plan = showJson(id);
    EXPECT_EQ(plan.value(u"status"_s).toString(), u"draft"_s);
    const QJsonArray sections = plan.value(u"sections"_s).toArray();
    ASSERT_EQ(sections.size(), 1);
    EXPECT_EQ(sections.first().toObject().value(u"title"_s).toString(),
              u"Меры по результатам анализа объективности 2024"_s);
    const qsizetype measures = sections.first().toObject().value(u"measures"_s).toArray().size();
    EXPECT_GE(measures, flaggedUnits.value(school)); // at least one measure per flagged unit
    for (const auto &m : sections.first().toObject().value(u"measures"_s).toArray()) {
        const QJsonObject mo = m.toObject();
        EXPECT_FALSE(mo.value(u"owners"_s).toArray().isEmpty());
        EXPECT_FALSE(mo.value(u"text"_s).toString().isEmpty());
    }

    // the same again into that plan: nothing added, the id still on the last line
    const CliRun again = run({u"plan"_s, u"add-from-analysis"_s, QString::number(id), u"--school"_s,
                              school, u"--year"_s, u"2024"_s});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(u"ничего не добавлено"_s)) << again.out.toStdString();
    EXPECT_EQ(lastLineId(again), id);
    EXPECT_EQ(showJson(id)
                  .value(u"sections"_s)
                  .toArray()
                  .first()
                  .toObject()
                  .value(u"measures"_s)
                  .toArray()
                  .size(),
              measures);
}

TEST_F(PlanFromAnalysisCli, IntoAnImportedPlansSectionAndApprovedRefused) {
    const QString seed = objectivity::test::seedPath(u"000"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    // a real school's plan, as a draft (the seed carries its approval)
    const qint64 id = import(seed, {u"--status"_s, u"draft"_s});
    ASSERT_GT(id, 0);
    const int sectionsBefore = showJson(id).value(u"sections"_s).toArray().size();
    ASSERT_GE(sectionsBefore, 1);
    const CliRun r = run({u"plan"_s, u"add-from-analysis"_s, QString::number(id), u"--school"_s,
                          school, u"--year"_s, u"2024"_s, u"--section"_s, u"1"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLineId(r), id);
    EXPECT_EQ(showJson(id).value(u"sections"_s).toArray().size(), sectionsBefore);

    // a section that is not there: refused, nothing changed
    const CliRun bad = run({u"plan"_s, u"add-from-analysis"_s, QString::number(id), u"--school"_s,
                            school, u"--section"_s, u"9"_s});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(u"нет раздела 9"_s)) << bad.err.toStdString();

    // approve it (as the approval workflow would) and try again
    approve(id);
    const QByteArray before = dbHash();
    const CliRun refused =
        run({u"plan"_s, u"add-from-analysis"_s, QString::number(id), u"--school"_s, school});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(u"утверждён"_s)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"База не изменена"_s)) << refused.err.toStdString();
    EXPECT_EQ(dbHash(), before);
}

TEST_F(PlanFromAnalysisCli, UsageAndUnknownSchool) {
    EXPECT_EQ(run({u"plan"_s, u"add-from-analysis"_s, u"--new"_s}).exitCode, 2);
    EXPECT_EQ(run({u"plan"_s, u"add-from-analysis"_s, u"--school"_s, school}).exitCode, 2);
    EXPECT_EQ(run({u"plan"_s, u"add-from-analysis"_s, u"1"_s, u"--new"_s, u"--school"_s, school})
                  .exitCode,
              2);
    const CliRun none =
        run({u"plan"_s, u"add-from-analysis"_s, u"--new"_s, u"--school"_s, u"нет-такой"_s});
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_TRUE(none.err.contains(u"школы «нет-такой» нет в результатах"_s))
        << none.err.toStdString();
    EXPECT_EQ(planCount(), 0);
}
