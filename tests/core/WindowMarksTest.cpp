// Execution per window of a recurring measure: «август 2025 — выполнено; ноябрь 2025 — не
// выполнено», overdue window by window, in the due list and the execution report.
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/core/plan/DueList.h"
#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/core/plan/PlanOperations.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

namespace {

QDate d(int y, int m, int day) {
    return QDate(y, m, day);
}

// A plan for 2024/25–2025/26 with one measure due «Август, ноябрь» every year.
Plan augustNovember() {
    Plan plan;
    plan.id = 7;
    plan.title = u"План"_s;
    plan.period = {2024, 2026};
    Measure m;
    m.number = u"1.1."_s;
    m.text = u"Анализ результатов"_s;
    m.deadline = DeadlineParser::parse(u"Август, ноябрь"_s, plan.period);
    Section s;
    s.number = u"1."_s;
    s.measures << m;
    plan.sections << s;
    return plan;
}

WindowMark mark(const DateRange &w, MeasureStatus status, const QDate &done = {}) {
    return {w, status, done, QString()};
}

} // namespace

TEST(WindowMarks, EachWindowHasItsOwnStatus) {
    Plan plan = augustNovember();
    Measure &m = plan.sections[0].measures[0];
    ASSERT_EQ(m.deadline.windows.size(), 4); // Nov 2024, Aug 2025, Nov 2025, Aug 2026
    ASSERT_TRUE(m.isMarkedPerWindow());
    m.setWindowMark(mark(m.deadline.windows[1], MeasureStatus::Done, d(2025, 8, 20)));
    m.setWindowMark(mark(m.deadline.windows[2], MeasureStatus::NotDone));
    EXPECT_EQ(m.windowStatus(m.deadline.windows[0]), MeasureStatus::Planned);
    EXPECT_EQ(m.windowStatus(m.deadline.windows[1]), MeasureStatus::Done);
    EXPECT_EQ(m.windowStatusesText(),
              u"ноябрь 2024 — запланировано; август 2025 — выполнено; ноябрь 2025 — не выполнено; "
              u"август 2026 — запланировано"_s);
    // a Planned mark without date and note is no mark at all
    m.setWindowMark(mark(m.deadline.windows[2], MeasureStatus::Planned));
    EXPECT_EQ(m.windowMarks.size(), 1);
}

TEST(WindowMarks, AMeasureDoneAsAWholeBeforeWindowsHadStatusesCountsEveryWindowDone) {
    Plan plan = augustNovember();
    Measure &m = plan.sections[0].measures[0];
    m.status = MeasureStatus::Done;
    for (const DateRange &w : m.deadline.windows)
        EXPECT_EQ(m.windowStatus(w), MeasureStatus::Done);
    m.setWindowMark(mark(m.deadline.windows[3], MeasureStatus::NotDone));
    EXPECT_EQ(m.windowStatus(m.deadline.windows[3]), MeasureStatus::NotDone);
}

TEST(WindowMarks, OverdueWindowByWindow) {
    Plan plan = augustNovember();
    Measure &m = plan.sections[0].measures[0];
    const QDate today = d(2025, 12, 10);
    // November 2024 done, August 2025 done, November 2025 not: overdue for November 2025
    m.setWindowMark(mark(m.deadline.windows[0], MeasureStatus::Done, d(2024, 11, 20)));
    m.setWindowMark(mark(m.deadline.windows[1], MeasureStatus::Done, d(2025, 8, 25)));
    DueList due = DueList::build({plan}, today, today);
    ASSERT_EQ(due.overdue.size(), 1);
    EXPECT_EQ(due.overdue[0].window, m.deadline.windows[2]);
    ExecutionReport report(plan, today);
    const ExecutionReport::Row &row = report.sections()[0].rows[0];
    EXPECT_TRUE(row.overdue);
    EXPECT_EQ(row.missedDeadline, d(2025, 11, 30));
    EXPECT_EQ(row.status, MeasureStatus::InProgress);
    ASSERT_EQ(row.windows.size(), 4);
    EXPECT_FALSE(row.windows[1].overdue);
    EXPECT_TRUE(row.windows[2].overdue);
    EXPECT_EQ(row.windowsText(),
              u"ноябрь 2024 — выполнено 20.11.2024; август 2025 — выполнено 25.08.2025; ноябрь "
              u"2025 — запланировано (просрочено); август 2026 — запланировано"_s);

    // November 2025 marked: nothing overdue any more, August 2026 is still ahead
    m.setWindowMark(mark(m.deadline.windows[2], MeasureStatus::Done, d(2025, 12, 9)));
    due = DueList::build({plan}, today, today);
    EXPECT_TRUE(due.overdue.isEmpty());
    ExecutionReport after(plan, today);
    EXPECT_FALSE(after.sections()[0].rows[0].overdue);
    EXPECT_EQ(after.totals().overdue, 0);
    // all four done: the measure is done
    m.setWindowMark(mark(m.deadline.windows[3], MeasureStatus::Done, d(2026, 8, 1)));
    EXPECT_EQ(ExecutionReport(plan, today).sections()[0].rows[0].status, MeasureStatus::Done);
}

TEST(WindowMarks, AWindowBeforeTheApprovalIsNotOverdue) {
    Plan plan;
    plan.period = {2023, 2024};
    plan.approval.orderDate = d(2024, 3, 4);
    Measure m;
    m.number = u"7."_s;
    m.deadline = DeadlineParser::parse(u"Август 2023 г., январь, март 2024 г."_s, plan.period);
    Section s;
    s.measures << m;
    plan.sections << s;
    const QDate today = d(2024, 2, 1);
    // August 2023 and January 2024 passed, but before the approval: not overdue
    EXPECT_TRUE(DueList::build({plan}, today, today).overdue.isEmpty());
    EXPECT_FALSE(ExecutionReport(plan, today).sections()[0].rows[0].overdue);
    // March 2024 is after it
    const QDate april = d(2024, 4, 2);
    const DueList due = DueList::build({plan}, april, april);
    ASSERT_EQ(due.overdue.size(), 1);
    EXPECT_EQ(due.overdue[0].window.from, d(2024, 3, 1));
}

TEST(WindowMarks, AsNeededIsNeverOverdue) {
    Plan plan;
    plan.period = {2023, 2024};
    Measure m;
    m.deadline = DeadlineParser::parse(u"в течение года по мере необходимости"_s, plan.period);
    Section s;
    s.measures << m;
    plan.sections << s;
    const QDate later = d(2025, 1, 1);
    EXPECT_TRUE(DueList::build({plan}, later, later).overdue.isEmpty());
    EXPECT_FALSE(ExecutionReport(plan, later).sections()[0].rows[0].overdue);
}

TEST(WindowMarks, MonthlyMeasureIsOverdueForTheFirstMonthNotMarked) {
    Plan plan;
    plan.period = {2024, 2025};
    Measure m;
    m.deadline = DeadlineParser::parse(u"В течение года, ежемесячно"_s, plan.period);
    for (int i = 0; i < 3; ++i) // September–November done
        m.setWindowMark(mark(m.deadline.windows[i], MeasureStatus::Done));
    Section s;
    s.measures << m;
    plan.sections << s;
    const QDate today = d(2025, 1, 15);
    const DueList due = DueList::build({plan}, today, today);
    ASSERT_EQ(due.overdue.size(), 1);
    EXPECT_EQ(due.overdue[0].window, (DateRange{d(2024, 12, 1), d(2024, 12, 31)}));
    const DueList january = DueList::build({plan}, today, d(2025, 1, 1));
    ASSERT_EQ(january.inMonth.size(), 1); // a monthly measure is due every month
}

TEST(WindowMarks, ARevisionKeepsTheMarksTheNextYearsCopyStartsAfresh) {
    Plan plan = augustNovember();
    Measure &m = plan.sections[0].measures[0];
    m.setWindowMark(mark(m.deadline.windows[0], MeasureStatus::Done, d(2024, 11, 20)));
    const Plan revision = PlanOperations::makeRevision(plan);
    EXPECT_EQ(revision.sections[0].measures[0].windowMarks, m.windowMarks);
    const Plan next = PlanOperations::copyToNextAcademicYear(plan);
    EXPECT_TRUE(next.sections[0].measures[0].windowMarks.isEmpty());
    EXPECT_EQ(next.sections[0].measures[0].deadline.windows.size(), 4);
}
