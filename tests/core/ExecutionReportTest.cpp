#include "objectivity/core/plan/ExecutionReport.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

Measure measure(const QString &number, MeasureStatus status, QList<DateRange> windows) {
    Measure m;
    m.number = number;
    m.text = QStringLiteral("Мероприятие ") + number;
    m.status = status;
    m.deadline.text = QStringLiteral("срок");
    m.deadline.windows = windows;
    if (!windows.isEmpty()) {
        m.deadline.kind = DeadlineKind::MonthList;
        m.deadline.from = windows.first().from;
        m.deadline.to = windows.last().to;
    }
    return m;
}

DateRange month(int year, int month) {
    const QDate first(year, month, 1);
    return {first, first.addMonths(1).addDays(-1)};
}

// Section 1: a done measure in October, a planned one in October (overdue in November), a measure
// with no dates. Section 2: yearly windows (Sept 2023, Sept 2024) in progress, one postponed whose
// window is still open, one not done in March 2024.
Plan samplePlan() {
    Plan plan;
    Section s1;
    s1.number = QStringLiteral("1.");
    s1.title = QStringLiteral("Аналитическая работа");
    Measure done = measure(QStringLiteral("1.1."), MeasureStatus::Done, {month(2023, 10)});
    done.completionDate = QDate(2023, 10, 20);
    done.note = QStringLiteral("Протокол ШМО №3 от 20.10.2023");
    s1.measures << done
                << measure(QStringLiteral("1.2."), MeasureStatus::Planned, {month(2023, 10)})
                << measure(QStringLiteral("1.3."), MeasureStatus::Planned, {});
    Section s2;
    s2.number = QStringLiteral("2.");
    s2.title = QStringLiteral("Организационные мероприятия");
    s2.measures << measure(QStringLiteral("2.1."), MeasureStatus::InProgress,
                           {month(2023, 9), month(2024, 9)})
                << measure(QStringLiteral("2.2."), MeasureStatus::Postponed, {month(2024, 5)})
                << measure(QStringLiteral("2.3."), MeasureStatus::NotDone, {month(2024, 3)});
    plan.sections << s1 << s2;
    return plan;
}

} // namespace

TEST(ExecutionReport, MarksOverdueOnlyWhenAWindowEndedBeforeTheDateAndNotDone) {
    const Plan plan = samplePlan();
    const ExecutionReport report(plan, QDate(2023, 11, 1));
    ASSERT_EQ(report.sections().size(), 2);
    const auto &r1 = report.sections()[0].rows;
    ASSERT_EQ(r1.size(), 3);
    EXPECT_FALSE(r1[0].overdue); // done
    EXPECT_TRUE(r1[1].overdue);  // October passed, still planned
    EXPECT_EQ(r1[1].missedDeadline, QDate(2023, 10, 31));
    EXPECT_FALSE(r1[2].overdue); // no dates
    const auto &r2 = report.sections()[1].rows;
    EXPECT_TRUE(r2[0].overdue); // September 2023 window passed
    EXPECT_EQ(r2[0].missedDeadline, QDate(2023, 9, 30));
    EXPECT_FALSE(r2[1].overdue); // May 2024 still ahead
    EXPECT_FALSE(r2[2].overdue); // March 2024 still ahead
}

TEST(ExecutionReport, TheLastDayOfAWindowIsNotYetOverdue) {
    const Plan plan = samplePlan();
    const ExecutionReport onLastDay(plan, QDate(2023, 10, 31));
    EXPECT_FALSE(onLastDay.sections()[0].rows[1].overdue);
    const ExecutionReport nextDay(plan, QDate(2023, 11, 1));
    EXPECT_TRUE(nextDay.sections()[0].rows[1].overdue);
}

TEST(ExecutionReport, CarriesStatusCompletionDateAndEvidence) {
    const Plan plan = samplePlan();
    const ExecutionReport report(plan, QDate(2024, 1, 10));
    const auto &row = report.sections()[0].rows[0];
    EXPECT_EQ(row.measure, &plan.sections[0].measures[0]);
    EXPECT_EQ(row.status, MeasureStatus::Done);
    EXPECT_EQ(row.completionDate, QDate(2023, 10, 20));
    EXPECT_EQ(row.note, QStringLiteral("Протокол ШМО №3 от 20.10.2023"));
    EXPECT_EQ(report.sections()[1].section->title, QStringLiteral("Организационные мероприятия"));
}

TEST(ExecutionReport, TotalsPerSectionAndForThePlan) {
    const Plan plan = samplePlan();
    const ExecutionReport report(plan, QDate(2024, 6, 15));
    const ExecutionTotals &t1 = report.sections()[0].totals;
    EXPECT_EQ(t1.total, 3);
    EXPECT_EQ(t1.done, 1);
    EXPECT_EQ(t1.planned, 2);
    EXPECT_EQ(t1.overdue, 1);
    const ExecutionTotals &t2 = report.sections()[1].totals;
    EXPECT_EQ(t2.total, 3);
    EXPECT_EQ(t2.inProgress, 1);
    EXPECT_EQ(t2.postponed, 1);
    EXPECT_EQ(t2.notDone, 1);
    EXPECT_EQ(t2.overdue, 3); // Sept 2023, May 2024, March 2024 all passed by 15 June 2024
    const ExecutionTotals &all = report.totals();
    EXPECT_EQ(all.total, 6);
    EXPECT_EQ(all.done, 1);
    EXPECT_EQ(all.notDone, 1);
    EXPECT_EQ(all.postponed, 1);
    EXPECT_EQ(all.inProgress, 1);
    EXPECT_EQ(all.planned, 2);
    EXPECT_EQ(all.overdue, 4);
    EXPECT_EQ(all.donePercent(), 17);
    EXPECT_EQ(plan.measureCount(), all.total);
}

TEST(ExecutionReport, DeadlineWithoutWindowsUsesItsEnd) {
    Measure m;
    m.deadline.kind = DeadlineKind::ByDate;
    m.deadline.to = QDate(2024, 2, 9);
    m.deadline.from = QDate(2023, 9, 1);
    EXPECT_FALSE(ExecutionReport::isOverdue(m, QDate(2024, 2, 9)));
    EXPECT_TRUE(ExecutionReport::isOverdue(m, QDate(2024, 2, 10)));
    m.status = MeasureStatus::Done;
    EXPECT_FALSE(ExecutionReport::isOverdue(m, QDate(2024, 2, 10)));
}

TEST(ExecutionTotals, DescribesInRussian) {
    ExecutionTotals t;
    t.add(MeasureStatus::Done, false);
    t.add(MeasureStatus::Planned, true);
    EXPECT_EQ(t.describe(), QStringLiteral("всего 2, выполнено 1, не выполнено 0, перенесено 0, "
                                           "в работе 0, запланировано 1, просрочено 1"));
    EXPECT_EQ(t.donePercent(), 50);
}
