// The «Обзор» tab of the analysis (issue 14) on a hand-made report: schools analysed and with
// signs by municipality and kind, the official lists, the filters by year, procedure and
// municipality, the ranking, the bar chart; both models pass QAbstractItemModelTester.
#include "objectivity/gui/analysis/AnalysisOverview.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/gui/analysis/AnalysisOverviewModel.h"
#include "objectivity/gui/analysis/AnalysisOverviewPage.h"
#include "objectivity/gui/analysis/AnalysisRankingModel.h"
#include "objectivity/gui/analysis/ChartPanel.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QTableView>
#include <gtest/gtest.h>

using namespace objectivity;
using gui::AnalysisOverview;

namespace {

core::UnitReport unit(const QString &school, const QString &municipality, int year,
                      core::ProcedureKind kind, QList<const char16_t *> flagged) {
    core::UnitReport u;
    u.schoolCode = school;
    u.schoolName = QStringLiteral("Школа ") + school;
    u.municipality = municipality;
    u.year = year;
    u.kind = kind;
    u.grade = kind == core::ProcedureKind::VPR ? 5 : 9;
    u.subject = QStringLiteral("Математика");
    u.n = 20;
    core::CriterionFinding quiet; // tested, not flagged: counts for nothing
    quiet.code = QString::fromUtf16(core::criterion::DifficultyInversion);
    u.findings << quiet;
    for (const char16_t *code : flagged) {
        core::CriterionFinding f;
        f.code = QString::fromUtf16(code);
        f.flagged = true;
        u.findings << f;
    }
    return u;
}

core::AnalysisReport knownReport() {
    const QString m1 = QStringLiteral("Первый район"), m2 = QStringLiteral("Второй район");
    using core::ProcedureKind;
    namespace c = core::criterion;
    core::AnalysisReport r;
    r.units << unit(QStringLiteral("S1"), m1, 2023, ProcedureKind::VPR, {c::BoundaryBunching})
            << unit(QStringLiteral("S1"), m1, 2024, ProcedureKind::VPR,
                    {c::DifficultyInversion, c::BoundaryBunching})
            << unit(QStringLiteral("S2"), m1, 2024, ProcedureKind::VPR, {c::JournalLenient})
            << unit(QStringLiteral("S3"), m1, 2024, ProcedureKind::OGE, {})
            << unit(QStringLiteral("S4"), m2, 2024, ProcedureKind::VPR,
                    {c::HighResults, c::JournalInflated})
            << unit(QStringLiteral("S5"), m2, 2024, ProcedureKind::VPR, {});
    core::SchoolSummary s3;
    s3.schoolCode = QStringLiteral("S3");
    s3.officialByYear.insert(2024, 2);
    core::SchoolSummary s5;
    s5.schoolCode = QStringLiteral("S5");
    s5.officialByYear.insert(2023, 1);
    r.schools << s3 << s5;
    return r;
}

} // namespace

TEST(AnalysisOverviewTest, CountsByMunicipalityAndKind) {
    const core::AnalysisReport report = knownReport();
    const AnalysisOverview all = AnalysisOverview::compute(report, {});
    ASSERT_EQ(all.municipalities.size(), 2);
    const auto &second = all.municipalities[0]; // by name: «Второй» before «Первый»
    const auto &first = all.municipalities[1];
    EXPECT_EQ(first.municipality, QStringLiteral("Первый район"));
    EXPECT_EQ(first.schools, 3);
    EXPECT_EQ(first.withResults, 1); // S1 (two units, one school)
    EXPECT_EQ(first.withCurrent, 1); // S2
    EXPECT_EQ(first.official, 1);    // S3
    EXPECT_NEAR(first.resultsShare(), 100.0 / 3, 1e-9);
    EXPECT_EQ(second.schools, 2);
    EXPECT_EQ(second.withResults, 1); // S4 has both kinds
    EXPECT_EQ(second.withCurrent, 1);
    EXPECT_EQ(second.official, 1); // S5, 2023
    EXPECT_EQ(all.total.schools, 5);
    EXPECT_EQ(all.total.withResults, 2);
    EXPECT_EQ(all.total.official, 2);
    // ranking: S1 (2 units with signs, 2 years in a row) first, then S4
    ASSERT_EQ(all.schools.size(), 5);
    EXPECT_EQ(all.schools[0].code, QStringLiteral("S1"));
    EXPECT_EQ(all.schools[0].resultsSigns, 2);
    EXPECT_EQ(all.schools[0].yearsInRow, 2);
    EXPECT_EQ(all.schools[1].code, QStringLiteral("S4"));
    EXPECT_EQ(all.schools[1].currentSigns, 1);

    const AnalysisOverview y2024 = AnalysisOverview::compute(report, {2024, -1, {}});
    EXPECT_EQ(y2024.total.schools, 5);
    EXPECT_EQ(y2024.total.official, 1); // S5 is listed for 2023 only
    // the years before the one chosen count: S1 has had signs in 2023 and 2024
    EXPECT_EQ(y2024.schools[0].code, QStringLiteral("S1"));
    EXPECT_EQ(y2024.schools[0].yearsInRow, 2);
    EXPECT_EQ(y2024.schools[1].code, QStringLiteral("S4"));
    EXPECT_EQ(y2024.schools[1].yearsInRow, 1);
    // ... and not the years after it
    const AnalysisOverview y2023 = AnalysisOverview::compute(report, {2023, -1, {}});
    ASSERT_EQ(y2023.schools.size(), 1);
    EXPECT_EQ(y2023.schools[0].yearsInRow, 1);

    const AnalysisOverview oge =
        AnalysisOverview::compute(report, {0, int(core::ProcedureKind::OGE), {}});
    EXPECT_EQ(oge.total.schools, 1);
    EXPECT_EQ(oge.total.withResults, 0);
    const AnalysisOverview m2 =
        AnalysisOverview::compute(report, {0, -1, QStringLiteral("Второй район")});
    ASSERT_EQ(m2.municipalities.size(), 1);
    EXPECT_EQ(m2.total.schools, 2);
}

// A region of 30 municipalities: the chart shows the few it has room for, by share of schools
// with results signs (not by count: a municipality of 20 schools with 4 is below one of 5 with
// 2), then by share of current-assessment signs; the title and the hint say how many of how many.
TEST(AnalysisOverviewTest, ChartShowsTheHighestSharesOfManyMunicipalities) {
    core::AnalysisReport r;
    using core::ProcedureKind;
    namespace c = core::criterion;
    for (int m = 0; m < 30; ++m) {
        const QString name = QStringLiteral("Район %1").arg(m, 2, 10, QLatin1Char('0'));
        // Район 00–04: 20 schools, m + 1 of them with results signs (5–25 %); Район 05: five
        // schools, two with results signs (40 %); Район 06: five, two with journal signs only;
        // the rest: ten schools, none
        const int schools = m < 5 ? 20 : m < 7 ? 5 : 10;
        for (int s = 0; s < schools; ++s) {
            QList<const char16_t *> flags;
            if ((m < 5 && s <= m) || (m == 5 && s < 2))
                flags << c::BoundaryBunching;
            if (m == 6 && s < 2)
                flags << c::JournalLenient;
            r.units << unit(QStringLiteral("S%1-%2").arg(m).arg(s), name, 2024, ProcedureKind::VPR,
                            flags);
        }
    }
    const AnalysisOverview o = AnalysisOverview::compute(r, {});
    const auto top = o.topByShare(4);
    ASSERT_EQ(top.size(), 4);
    EXPECT_EQ(top[0].municipality, QStringLiteral("Район 05")); // 40 %
    EXPECT_EQ(top[1].municipality, QStringLiteral("Район 04")); // 25 %
    EXPECT_EQ(top[2].municipality, QStringLiteral("Район 03")); // 20 %
    EXPECT_EQ(top[3].municipality, QStringLiteral("Район 02")); // 15 %
    // equal results shares (0 %): the share of current-assessment signs decides
    const auto all = o.topByShare(100);
    ASSERT_EQ(all.size(), 30);
    EXPECT_EQ(all[6].municipality, QStringLiteral("Район 06"));

    gui::AnalysisOverviewPage page;
    page.setReport(&r);
    QChart *chart = page.chartPanel()->chart();
    auto *names = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
    ASSERT_NE(names, nullptr);
    ASSERT_LT(names->count(), 10) << "a chart of 30 municipalities is unreadable";
    EXPECT_EQ(names->categories().last(), QStringLiteral("Район 05 (5)")); // on top
    EXPECT_TRUE(chart->title().contains(QStringLiteral("(из 30)"))) << chart->title().toStdString();
    EXPECT_TRUE(page.chartPanel()->hint().contains(QStringLiteral("все — в таблице")));
    auto *bars = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
    ASSERT_NE(bars, nullptr);
    EXPECT_EQ(bars->barSets().size(), 2); // no official list imported
}

// A long name is shortened before its count of schools: Qt cuts a long label at its end, and
// «Демонстрационный городской ок…» lost the count. The bars carry one decimal, as the table.
TEST(AnalysisOverviewTest, ALongMunicipalityNameKeepsItsCountOfSchools) {
    core::AnalysisReport r;
    const QString name = QStringLiteral("Демонстрационный городской округ");
    for (int s = 0; s < 12; ++s)
        r.units << unit(QStringLiteral("S%1").arg(s), name, 2024, core::ProcedureKind::VPR,
                        s == 0 ? QList<const char16_t *>{core::criterion::BoundaryBunching}
                               : QList<const char16_t *>{});
    gui::AnalysisOverviewPage page;
    page.setReport(&r);
    QChart *chart = page.chartPanel()->chart();
    auto *names = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
    ASSERT_NE(names, nullptr);
    EXPECT_EQ(names->categories(), QStringList{QStringLiteral("Демонстрационный… (12)")});
    auto *bars = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
    ASSERT_NE(bars, nullptr);
    EXPECT_DOUBLE_EQ(bars->barSets().at(0)->at(0), 8.3); // 1 of 12 = 8,33… %
}

TEST(AnalysisOverviewTest, PageModelsAndChart) {
    const core::AnalysisReport report = knownReport();
    gui::AnalysisOverviewPage page;
    QAbstractItemModelTester t1(page.municipalityModel(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(page.rankingModel(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.setReport(&report);
    EXPECT_FALSE(page.rankingView()->isColumnHidden(gui::AnalysisRankingModel::YearsInRow));
    gui::AnalysisOverviewModel *m = page.municipalityModel();
    ASSERT_EQ(m->rowCount(), 3); // two municipalities and «Итого»
    EXPECT_EQ(m->index(2, gui::AnalysisOverviewModel::Municipality).data().toString(),
              QStringLiteral("Итого"));
    EXPECT_EQ(m->index(1, gui::AnalysisOverviewModel::WithResults).data().toInt(), 1);
    EXPECT_EQ(m->index(1, gui::AnalysisOverviewModel::Share).data().toString(),
              QStringLiteral("33,3 %"));
    EXPECT_EQ(page.rankingModel()->rowCount(), 5);
    EXPECT_EQ(
        page.rankingModel()->index(0, gui::AnalysisRankingModel::SchoolCode).data().toString(),
        QStringLiteral("S1"));
    EXPECT_EQ(page.rankingModel()->index(4, gui::AnalysisRankingModel::Official).data().toString(),
              QStringLiteral("2023"));
    // names the columns may cut carry their whole text as a tooltip
    EXPECT_EQ(m->index(0, gui::AnalysisOverviewModel::Municipality).data(Qt::ToolTipRole),
              m->index(0, gui::AnalysisOverviewModel::Municipality).data());
    for (int column : {int(gui::AnalysisRankingModel::SchoolName),
                       int(gui::AnalysisRankingModel::Municipality)}) {
        const QModelIndex cell = page.rankingModel()->index(0, column);
        EXPECT_FALSE(cell.data().toString().isEmpty());
        EXPECT_EQ(cell.data(Qt::ToolTipRole), cell.data());
    }

    // the chart: shares of each municipality's schools, the highest share of results signs on
    // top (drawn last); the official lists' bar as a list was imported
    QChart *chart = page.chartPanel()->chart();
    auto *bars = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
    ASSERT_NE(bars, nullptr);
    ASSERT_EQ(bars->barSets().size(), 3);
    EXPECT_EQ(bars->barSets().at(0)->at(1), 50.0); // results: S4 of «Второй район»
    EXPECT_DOUBLE_EQ(bars->barSets().at(0)->at(0), 33.3); // S1 of three in «Первый»
    EXPECT_DOUBLE_EQ(bars->barSets().at(1)->at(0), 33.3); // current: S2
    EXPECT_DOUBLE_EQ(bars->barSets().at(2)->at(0), 33.3); // official: S3
    EXPECT_EQ(bars->barSets().at(2)->at(1), 50.0);        // official: S5 (2023)
    auto *names = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
    ASSERT_NE(names, nullptr);
    EXPECT_EQ(names->categories(), QStringList({QStringLiteral("Первый район (3)"),
                                                QStringLiteral("Второй район (2)")}));
    EXPECT_EQ(chart->title(), QStringLiteral("Доля школ с признаками по муниципалитетам"));

    page.setFilter({2024, int(core::ProcedureKind::VPR), QStringLiteral("Первый район")});
    EXPECT_EQ(page.filter().municipality, QStringLiteral("Первый район"));
    ASSERT_EQ(m->rowCount(), 2);
    EXPECT_EQ(m->index(0, gui::AnalysisOverviewModel::Schools).data().toInt(), 2); // S1, S2
    EXPECT_EQ(page.rankingModel()->rowCount(), 2);

    // a report of one year: «Лет подряд» could only say «1» — not shown
    core::AnalysisReport oneYear = report;
    oneYear.units.removeIf([](const core::UnitReport &u) { return u.year != 2024; });
    page.setReport(&oneYear);
    EXPECT_TRUE(page.rankingView()->isColumnHidden(gui::AnalysisRankingModel::YearsInRow));
    // ... unless the engine looked back at the years before it: its count is shown
    core::SchoolSummary s1;
    s1.schoolCode = QStringLiteral("S1");
    s1.markers = 1;
    s1.yearsInRow = 3;
    oneYear.schools << s1;
    oneYear.yearsInRowOverHistory = true;
    page.setReport(&oneYear);
    EXPECT_FALSE(page.rankingView()->isColumnHidden(gui::AnalysisRankingModel::YearsInRow));
    const AnalysisOverview back = AnalysisOverview::compute(oneYear, {});
    ASSERT_FALSE(back.schools.isEmpty());
    EXPECT_EQ(back.schools[0].code, QStringLiteral("S1"));
    EXPECT_EQ(back.schools[0].yearsInRow, 3);

    page.setReport(nullptr);
    EXPECT_EQ(m->rowCount(), 0);
}
