// `plan distribute` and `plan rollup` on the municipal seed (001, Рубцовск) and three schools of
// the results registry: one school marks a measure done, one lets it pass its deadline.
#include "CliTest.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QFile>
#include <QJsonArray>

using objectivity::test::CliRun;
using RollupCli = objectivity::test::CliTest;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSchools =
    "Год;Процедура;Параллель;Предмет;Логин ОО;Наименование ОО;Муниципалитет;Класс;Код "
    "участника;З1;Отметка\n"
    "2024;ВПР;5;Математика;rub001;МБОУ «СОШ №1»;г. Рубцовск;5А;1;1;4\n"
    "2024;ВПР;5;Математика;rub002;МБОУ «Гимназия №3»;г. Рубцовск;5А;1;1;3\n"
    "2024;ВПР;5;Математика;rub003;МБОУ «Лицей №24»;г. Рубцовск;5А;1;0;2\n";

QJsonObject measureRow(const QJsonObject &rollup, const QString &number) {
    for (const auto &m : rollup.value(u"measures"_s).toArray())
        if (m.toObject().value(u"number"_s).toString() == number)
            return m.toObject();
    return {};
}

} // namespace

TEST_F(RollupCli, DistributeMarkAndRollUp) {
    const QString seed = objectivity::test::seedPath(u"001"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 001");
    const qint64 planId = import(seed);
    ASSERT_GT(planId, 0);
    const CliRun results = run({u"results"_s, u"import"_s, writeFile(u"r.csv"_s, kSchools)});
    ASSERT_EQ(results.exitCode, 0) << results.err.toStdString();

    // Before distribution: the roll-up says so.
    const CliRun empty = run({u"plan"_s, u"rollup"_s, QString::number(planId)});
    ASSERT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    EXPECT_TRUE(empty.out.contains(u"План ещё не разослан"_s)) << empty.out.toStdString();

    const CliRun first = run({u"plan"_s, u"distribute"_s, QString::number(planId)});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains(u"школ 3."_s)) << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(u"rub002 — МБОУ «Гимназия №3»: новый план №"_s))
        << first.out.toStdString();
    const QRegularExpression added(u"добавлено (\\d+) "_s);
    const auto match = added.match(first.out);
    ASSERT_TRUE(match.hasMatch()) << first.out.toStdString();
    const int addressed = match.captured(1).toInt();
    EXPECT_GE(addressed, 20); // the seed: «Руководители ОУ» in most measures
    EXPECT_LT(addressed, 37); // and the department's own ones stay home

    // Each school marks in its own plan (as the school's deputy would, in the GUI).
    auto opened = objectivity::storage::Database::open(dbPath());
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    objectivity::storage::PlanRepository plans(**opened);
    auto list = plans.list();
    ASSERT_TRUE(list.ok());
    for (const auto &summary : *list) {
        if (summary.id == planId)
            continue;
        auto plan = plans.load(summary.id);
        ASSERT_TRUE(plan.ok());
        EXPECT_EQ(plan->measureCount(), addressed);
        EXPECT_EQ(plan->sections.size(), 1);
        // 6.3 «Удовлетворенность родителей…», срок «Май 2024»: the first school has done it.
        if (summary.organizationName == u"МБОУ «СОШ №1»"_s)
            for (auto m : plan->sections[0].measures)
                if (m.text.startsWith(u"Удовлетворенность родителей"_s)) {
                    m.status = objectivity::core::MeasureStatus::Done;
                    m.completionDate = QDate(2024, 5, 20);
                    ASSERT_TRUE(plans.updateMeasureExecution(m).ok());
                }
    }
    opened->reset();

    const auto rollupOn = [&](const QString &date) {
        const CliRun r =
            run({u"plan"_s, u"rollup"_s, QString::number(planId), u"--json"_s, u"--date"_s, date});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    const QJsonObject may = rollupOn(u"2024-05-15"_s);
    EXPECT_EQ(may.value(u"schools"_s).toArray().size(), 3);
    const QJsonObject m63May = measureRow(may, u"6.3."_s);
    EXPECT_EQ(m63May.value(u"total"_s).toInt(), 3);
    EXPECT_EQ(m63May.value(u"done"_s).toInt(), 1);
    EXPECT_EQ(m63May.value(u"overdue"_s).toInt(), 0);
    EXPECT_EQ(m63May.value(u"not_started"_s).toInt(), 2);
    const QJsonObject june = rollupOn(u"2024-06-15"_s);
    const QJsonObject m63 = measureRow(june, u"6.3."_s);
    EXPECT_EQ(m63.value(u"done"_s).toInt(), 1);
    EXPECT_EQ(m63.value(u"overdue"_s).toInt(), 2);
    EXPECT_EQ(m63.value(u"overdue_schools"_s).toArray().size(), 2);
    const QJsonArray schools = june.value(u"schools"_s).toArray();
    ASSERT_EQ(schools.size(), 3);
    // Sorted by name: Гимназия, Лицей, СОШ; the school that did 6.3 has it off its overdue list.
    const QJsonObject sosh = schools.at(2).toObject();
    EXPECT_EQ(sosh.value(u"code"_s).toString(), u"rub001"_s);
    EXPECT_EQ(sosh.value(u"done"_s).toInt(), 1);
    EXPECT_FALSE(sosh.value(u"overdue_measures"_s).toArray().contains(u"6.3."_s));
    EXPECT_TRUE(
        schools.at(0).toObject().value(u"overdue_measures"_s).toArray().contains(u"6.3."_s));

    // Again: nothing added, nothing duplicated, the mark kept.
    const CliRun second = run({u"plan"_s, u"distribute"_s, QString::number(planId), u"--schools"_s,
                               u"rub001,rub002,rub003"_s});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_EQ(second.out.count(u"добавлено 0, обновлено 0, без изменений %1."_s.arg(addressed)), 3)
        << second.out.toStdString();
    EXPECT_EQ(measureRow(rollupOn(u"2024-06-15"_s), u"6.3."_s).value(u"done"_s).toInt(), 1);

    // Files.
    const QString xlsx = dir.filePath(u"свод.xlsx"_s), pdf = dir.filePath(u"свод.pdf"_s);
    const CliRun files = run({u"plan"_s, u"rollup"_s, QString::number(planId), u"--xlsx"_s, xlsx,
                              u"--pdf"_s, pdf, u"--date"_s, u"2024-06-15"_s});
    ASSERT_EQ(files.exitCode, 0) << files.err.toStdString();
    EXPECT_TRUE(files.out.contains(u"Итого: школ 3"_s)) << files.out.toStdString();
    QFile x(xlsx), p(pdf);
    ASSERT_TRUE(x.open(QIODevice::ReadOnly));
    EXPECT_TRUE(x.read(2) == "PK");
    ASSERT_TRUE(p.open(QIODevice::ReadOnly));
    EXPECT_TRUE(p.read(5) == "%PDF-");
}

TEST_F(RollupCli, RefusesASchoolPlanAndUnknownSchools) {
    const QString seed = objectivity::test::seedPath(u"002"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    const qint64 schoolPlan = import(seed);
    const CliRun r = run({u"plan"_s, u"distribute"_s, QString::number(schoolPlan)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"план школы"_s)) << r.err.toStdString();
    const qint64 municipal = import(objectivity::test::seedPath(u"001"_s));
    const CliRun unknown =
        run({u"plan"_s, u"distribute"_s, QString::number(municipal), u"--schools"_s, u"nosuch"_s});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(u"Школа не найдена: «nosuch»"_s)) << unknown.err.toStdString();
    const CliRun usage =
        run({u"plan"_s, u"rollup"_s, QString::number(municipal), u"--date"_s, u"вчера"_s});
    EXPECT_EQ(usage.exitCode, 2);
}
