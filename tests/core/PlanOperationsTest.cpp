#include "objectivity/core/plan/PlanOperations.h"
#include "objectivity/core/plan/DeadlineParser.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

namespace {

Measure measure(qint64 id, const QString &number, const QString &deadline,
                const AcademicPeriod &p) {
    Measure m;
    m.id = id;
    m.number = number;
    m.text = u"Мероприятие "_s + number;
    m.deadline = DeadlineParser::parse(deadline, p);
    m.owners = {u"Зам. директора"_s};
    return m;
}

// An approved plan in the shape of seed 002 (2023/24), with execution marks.
Plan approvedPlan() {
    const AcademicPeriod p{2023, 2024};
    Plan plan;
    plan.id = 7;
    plan.title = u"План мероприятий … в МАОУ «Калиновская СОШ» в 2023-2024 учебном году"_s;
    plan.organization.id = 3;
    plan.organization.name = u"МАОУ «Калиновская СОШ»"_s;
    plan.period = p;
    plan.status = PlanStatus::Approved;
    plan.approval.approverPosition = u"Директор МАОУ «Калиновская СОШ»"_s;
    plan.approval.approverName = u"Н.С. Сазонова"_s;
    plan.approval.orderNumber = u"32/1"_s;
    plan.approval.orderDate = QDate(2024, 3, 4);
    plan.approval.appendixLine = u"Приложение к Приказ №32/1 от 04 марта 2024г"_s;
    plan.revision = 2;
    plan.parentPlanId = 5;
    plan.warnings = {u"Строка 18: пустая строка таблицы"_s};
    plan.sourceFile = u"002.txt"_s;
    plan.createdAt = QDateTime(QDate(2024, 3, 4), QTime(10, 0));
    plan.updatedAt = plan.createdAt;
    Section s1;
    s1.id = 11;
    s1.number = u"1."_s;
    s1.title = u"Мероприятия по формированию нормативно-правового обеспечения ВПР"_s;
    s1.measures = {measure(101, u"1"_s, u"Март 2024 г."_s, p),
                   measure(102, u"2"_s, u"до 09.02.2024"_s, p),
                   measure(103, u"3"_s, u"Август 2023 г., январь, март 2024 г."_s, p)};
    Section s2;
    s2.id = 12;
    s2.number = u"2."_s;
    s2.title = u"Информационное сопровождение ВПР"_s;
    s2.measures = {measure(104, u"1."_s, u"2022-2024 год"_s, p),
                   measure(105, u"2."_s, u"По мере состоявшегося события"_s, p),
                   measure(106, u"3."_s, u"апрель"_s, p)};
    s2.measures[0].status = MeasureStatus::Done;
    s2.measures[0].completionDate = QDate(2024, 5, 20);
    s2.measures[0].note = u"Протокол ШМО №3 от 12.11.2023"_s;
    plan.sections = {s1, s2};
    return plan;
}

} // namespace

TEST(PlanOperations, ShiftYears) {
    EXPECT_EQ(PlanOperations::shiftYears(u"Март 2024 г."_s, 1), u"Март 2025 г."_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"до 09.02.2024"_s, 1), u"до 09.02.2025"_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"2022-2024 год"_s, 1), u"2023-2025 год"_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"на 2022- 2024 годы"_s, 2), u"на 2024- 2026 годы"_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"в 2022/23, 2023/24 учебных годах"_s, 1),
              u"в 2023/24, 2024/25 учебных годах"_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"до 29.02.2024"_s, 1), u"до 28.02.2025"_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"2099/00"_s, -1), u"2098/99"_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"В течение 5 дней после ВПР, 4-8 классы"_s, 1),
              u"В течение 5 дней после ВПР, 4-8 классы"_s);
    EXPECT_EQ(PlanOperations::shiftYears(u"№ 534 от 20.08.2023"_s, 1), u"№ 534 от 20.08.2024"_s);
}

TEST(PlanOperations, MakeRevision) {
    const Plan source = approvedPlan();
    const Plan r = PlanOperations::makeRevision(source);
    EXPECT_EQ(r.id, 0);
    EXPECT_EQ(r.parentPlanId, 7);
    EXPECT_EQ(r.revision, 3);
    EXPECT_EQ(r.status, PlanStatus::Draft);
    EXPECT_FALSE(r.isReadOnly());
    EXPECT_TRUE(r.approval.orderNumber.isEmpty());
    EXPECT_FALSE(r.approval.orderDate.isValid());
    EXPECT_TRUE(r.approval.appendixLine.isEmpty());
    EXPECT_EQ(r.approval.approverPosition, source.approval.approverPosition);
    EXPECT_EQ(r.approval.approverName, u"Н.С. Сазонова"_s);
    EXPECT_EQ(r.organization, source.organization); // a reference, not copied
    EXPECT_FALSE(r.createdAt.isValid());
    ASSERT_EQ(r.sections.size(), 2);
    for (const auto &s : r.sections) {
        EXPECT_EQ(s.id, 0);
        for (const auto &m : s.measures)
            EXPECT_EQ(m.id, 0);
    }
    // Content and execution marks are kept.
    EXPECT_EQ(r.title, source.title);
    EXPECT_EQ(r.period, source.period);
    EXPECT_EQ(r.sections[1].measures[0].status, MeasureStatus::Done);
    EXPECT_EQ(r.sections[1].measures[0].note, source.sections[1].measures[0].note);
    EXPECT_EQ(r.sections[0].measures[1].deadline, source.sections[0].measures[1].deadline);
    // The source is untouched.
    EXPECT_EQ(source.id, 7);
    EXPECT_EQ(source.status, PlanStatus::Approved);
}

TEST(PlanOperations, CopyToNextAcademicYear) {
    const Plan source = approvedPlan();
    const Plan c = PlanOperations::copyToNextAcademicYear(source);
    EXPECT_EQ(c.period, (AcademicPeriod{2024, 2025}));
    EXPECT_EQ(c.title, u"План мероприятий … в МАОУ «Калиновская СОШ» в 2024-2025 учебном году"_s);
    EXPECT_EQ(c.id, 0);
    EXPECT_EQ(c.parentPlanId, 0);
    EXPECT_EQ(c.revision, 1);
    EXPECT_EQ(c.status, PlanStatus::Draft);
    EXPECT_TRUE(c.approval.isEmpty());
    EXPECT_TRUE(c.warnings.isEmpty());
    EXPECT_TRUE(c.sourceFile.isEmpty());
    EXPECT_EQ(c.organization, source.organization);

    const auto &m = c.sections;
    EXPECT_EQ(m[0].measures[0].deadline.text, u"Март 2025 г."_s);
    EXPECT_EQ(m[0].measures[0].deadline.from, QDate(2025, 3, 1));
    EXPECT_EQ(m[0].measures[0].deadline.kind, DeadlineKind::Month);
    EXPECT_EQ(m[0].measures[1].deadline.text, u"до 09.02.2025"_s);
    EXPECT_EQ(m[0].measures[1].deadline.to, QDate(2025, 2, 9));
    EXPECT_EQ(m[0].measures[2].deadline.text, u"Август 2024 г., январь, март 2025 г."_s);
    EXPECT_EQ(m[0].measures[2].deadline.windows.size(), 3);
    EXPECT_EQ(m[0].measures[2].deadline.to, QDate(2025, 3, 31));
    EXPECT_EQ(m[1].measures[0].deadline.text, u"2023-2025 год"_s);
    EXPECT_EQ(m[1].measures[0].deadline.from, QDate(2023, 9, 1));
    EXPECT_EQ(m[1].measures[0].deadline.to, QDate(2025, 8, 31));
    EXPECT_EQ(m[1].measures[1].deadline.kind, DeadlineKind::Event);
    // A month without a year moves with the period.
    EXPECT_EQ(m[1].measures[2].deadline.text, u"апрель"_s);
    EXPECT_EQ(m[1].measures[2].deadline.from, QDate(2025, 4, 1));

    for (const auto &s : c.sections) {
        EXPECT_EQ(s.id, 0);
        for (const auto &x : s.measures) {
            EXPECT_EQ(x.id, 0);
            EXPECT_EQ(x.status, MeasureStatus::Planned);
            EXPECT_FALSE(x.completionDate.isValid());
            EXPECT_TRUE(x.note.isEmpty());
            EXPECT_EQ(x.owners, QStringList{u"Зам. директора"_s});
        }
    }
    // Two years ahead in one step equals two single steps (apart from nothing).
    EXPECT_EQ(PlanOperations::copyToNextAcademicYear(source, 2),
              PlanOperations::copyToNextAcademicYear(c, 1));
}
