// The roll-up of a municipal plan over the schools' linked copies, on hand-built cases.
#include "objectivity/core/plan/PlanRollup.h"
#include "objectivity/core/plan/PlanPermissions.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

DateRange month(int year, int m) {
    const QDate first(year, m, 1);
    return {first, first.addMonths(1).addDays(-1)};
}

Measure measure(qint64 id, const QString &number, QList<DateRange> windows) {
    Measure m;
    m.id = id;
    m.number = number;
    m.text = QStringLiteral("Мероприятие ") + number;
    m.deadline.text = QStringLiteral("срок");
    m.deadline.windows = windows;
    if (!windows.isEmpty()) {
        m.deadline.kind = DeadlineKind::MonthList;
        m.deadline.from = windows.first().from;
        m.deadline.to = windows.last().to;
    }
    return m;
}

RollupCopy copy(qint64 municipalId, qint64 school, const QString &name, Measure m) {
    RollupCopy c;
    c.municipalMeasureId = municipalId;
    c.schoolId = school;
    c.schoolName = name;
    c.planId = 100 + school;
    c.measure = std::move(m);
    return c;
}

// 1.1 — October 2023; 1.2 — monthly, September–November 2023; 2.1 — May 2024.
Plan municipalPlan() {
    Plan plan;
    Section s1;
    s1.number = QStringLiteral("1.");
    s1.measures << measure(1, QStringLiteral("1.1."), {month(2023, 10)})
                << measure(2, QStringLiteral("1.2."),
                           {month(2023, 9), month(2023, 10), month(2023, 11)});
    Section s2;
    s2.number = QStringLiteral("2.");
    s2.measures << measure(3, QStringLiteral("2.1."), {month(2024, 5)})
                << measure(4, QStringLiteral("2.2."), {}); // not distributed
    plan.sections << s1 << s2;
    return plan;
}

} // namespace

TEST(PlanRollupTest, StatesOfOneCopy) {
    const QDate nov15(2023, 11, 15);
    Measure once = measure(1, QStringLiteral("1"), {month(2023, 10)});
    EXPECT_EQ(PlanRollup::stateOf(once, nov15), RollupState::Overdue);
    EXPECT_EQ(PlanRollup::stateOf(once, QDate(2023, 10, 15)), RollupState::NotStarted);
    once.status = MeasureStatus::InProgress;
    EXPECT_EQ(PlanRollup::stateOf(once, QDate(2023, 10, 15)), RollupState::InProgress);
    EXPECT_EQ(PlanRollup::stateOf(once, nov15), RollupState::Overdue); // in progress, too late
    once.status = MeasureStatus::Done;
    EXPECT_EQ(PlanRollup::stateOf(once, nov15), RollupState::Done);
    once.status = MeasureStatus::NotDone;
    EXPECT_EQ(PlanRollup::stateOf(once, QDate(2023, 10, 1)), RollupState::Overdue);
    // A window before the school plan's floor (its approval) is not counted as overdue.
    once.status = MeasureStatus::Planned;
    EXPECT_EQ(PlanRollup::stateOf(once, nov15, QDate(2023, 11, 1)), RollupState::NotStarted);

    // Monthly: September done, October not → overdue in November; all three done → done.
    Measure monthly =
        measure(2, QStringLiteral("2"), {month(2023, 9), month(2023, 10), month(2023, 11)});
    monthly.setWindowMark({month(2023, 9), MeasureStatus::Done, QDate(2023, 9, 20), {}});
    EXPECT_EQ(PlanRollup::stateOf(monthly, QDate(2023, 10, 10)), RollupState::InProgress);
    EXPECT_EQ(PlanRollup::stateOf(monthly, nov15), RollupState::Overdue);
    monthly.setWindowMark({month(2023, 10), MeasureStatus::Done, QDate(2023, 10, 20), {}});
    EXPECT_EQ(PlanRollup::stateOf(monthly, nov15), RollupState::InProgress);
    monthly.setWindowMark({month(2023, 11), MeasureStatus::Done, QDate(2023, 11, 10), {}});
    EXPECT_EQ(PlanRollup::stateOf(monthly, nov15), RollupState::Done);
}

TEST(PlanRollupTest, PerMeasureAndPerSchool) {
    const Plan plan = municipalPlan();
    QList<RollupCopy> copies;
    // School A (id 1): 1.1 done, 1.2 Sept+Oct done, 2.1 planned.
    Measure a11 = plan.sections[0].measures[0];
    a11.status = MeasureStatus::Done;
    Measure a12 = plan.sections[0].measures[1];
    a12.setWindowMark({month(2023, 9), MeasureStatus::Done, {}, {}});
    a12.setWindowMark({month(2023, 10), MeasureStatus::Done, {}, {}});
    copies << copy(1, 1, QStringLiteral("Школа А"), a11)
           << copy(2, 1, QStringLiteral("Школа А"), a12)
           << copy(3, 1, QStringLiteral("Школа А"), plan.sections[1].measures[0]);
    // School Б (id 2): 1.1 not marked (overdue), 1.2 nothing marked (overdue: Sept, Oct),
    // 2.1 in progress.
    Measure b21 = plan.sections[1].measures[0];
    b21.status = MeasureStatus::InProgress;
    copies << copy(1, 2, QStringLiteral("Школа Б"), plan.sections[0].measures[0])
           << copy(2, 2, QStringLiteral("Школа Б"), plan.sections[0].measures[1])
           << copy(3, 2, QStringLiteral("Школа Б"), b21);
    // School В (id 3) got only 1.1 (distributed to it before 1.2 existed), done; a copy of a
    // measure the plan no longer has is ignored.
    copies << copy(1, 3, QStringLiteral("Школа В"), a11)
           << copy(99, 3, QStringLiteral("Школа В"), a11);

    const PlanRollup r = PlanRollup::build(plan, copies, QDate(2023, 11, 15));
    ASSERT_EQ(r.measures.size(), 3); // 2.2 has no copies
    EXPECT_EQ(r.measures[0].number, QStringLiteral("1.1."));
    EXPECT_EQ(r.measures[0].sectionNumber, QStringLiteral("1."));
    EXPECT_EQ(r.measures[0].counts, (RollupCounts{3, 2, 0, 1, 0}));
    EXPECT_EQ(r.measures[0].overdueSchools, QStringList{QStringLiteral("Школа Б")});
    EXPECT_EQ(r.measures[1].counts, (RollupCounts{2, 0, 1, 1, 0}));
    EXPECT_EQ(r.measures[2].counts, (RollupCounts{2, 0, 1, 0, 1}));

    ASSERT_EQ(r.schools.size(), 3);
    EXPECT_EQ(r.schools[0].name, QStringLiteral("Школа А"));
    EXPECT_EQ(r.schools[0].counts, (RollupCounts{3, 1, 1, 0, 1}));
    EXPECT_NEAR(r.schools[0].counts.doneShare(), 1.0 / 3, 1e-9);
    EXPECT_EQ(r.schools[1].counts, (RollupCounts{3, 0, 1, 2, 0}));
    EXPECT_EQ(r.schools[1].overdueMeasures,
              (QStringList{QStringLiteral("1.1."), QStringLiteral("1.2.")}));
    EXPECT_EQ(r.schools[1].planId, 102);
    EXPECT_EQ(r.schools[2].counts, (RollupCounts{1, 1, 0, 0, 0}));
    EXPECT_DOUBLE_EQ(r.schools[2].counts.doneShare(), 1.0);
    EXPECT_EQ(r.totals, (RollupCounts{7, 2, 2, 2, 1}));
}

TEST(PlanRollupTest, OverdueSchoolsTextIsCut) {
    PlanRollup::MeasureRow row;
    row.overdueSchools = {QStringLiteral("А"), QStringLiteral("Б"), QStringLiteral("В")};
    EXPECT_EQ(row.overdueSchoolsText(3), QStringLiteral("А, Б, В"));
    EXPECT_EQ(row.overdueSchoolsText(2), QStringLiteral("А, Б и ещё 1"));
}

TEST(PlanRollupTest, NothingDistributed) {
    const PlanRollup r = PlanRollup::build(municipalPlan(), {}, QDate(2023, 11, 15));
    EXPECT_TRUE(r.measures.isEmpty());
    EXPECT_TRUE(r.schools.isEmpty());
    EXPECT_EQ(r.totals.total, 0);
    EXPECT_DOUBLE_EQ(r.totals.doneShare(), 0.0);
}

TEST(PlanRollupTest, WhoMayDistribute) {
    using K = OrganizationKind;
    const auto may = [](std::optional<Role> role, K kind,
                        PlanStatus status = PlanStatus::Approved) {
        return PlanPermissions::allowed(role, PlanAction::Distribute, status, kind);
    };
    EXPECT_TRUE(may(Role::Municipal, K::MunicipalDepartment));
    EXPECT_TRUE(may(Role::Municipal, K::RegionalBody, PlanStatus::Draft));
    EXPECT_FALSE(may(Role::Municipal, K::School));
    EXPECT_TRUE(may(Role::Admin, K::MunicipalDepartment));
    EXPECT_FALSE(may(Role::Director, K::MunicipalDepartment));
    EXPECT_FALSE(may(Role::Deputy, K::MunicipalDepartment));
    EXPECT_TRUE(may(std::nullopt, K::MunicipalDepartment)); // a database without accounts
    // A superseded revision is not distributed, whoever asks.
    const Status superseded = PlanPermissions::check(
        Role::Municipal, PlanAction::Distribute, PlanStatus::Superseded, K::MunicipalDepartment);
    ASSERT_FALSE(superseded.ok());
    EXPECT_TRUE(superseded.error().message.contains(QStringLiteral("заменена")));
}
