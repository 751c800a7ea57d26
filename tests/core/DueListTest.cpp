#include "objectivity/core/plan/DueList.h"
#include "objectivity/core/plan/DeadlineParser.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

namespace {

struct Row {
    QString number;
    QString deadline;
    MeasureStatus status = MeasureStatus::Planned;
    QStringList owners = {u"Администрация ОО"_s};
};

Plan plan(qint64 id, const QString &title, const AcademicPeriod &p, const QList<Row> &rows) {
    Plan out;
    out.id = id;
    out.title = title;
    out.period = p;
    out.organization.name = u"МБОУ «СОШ № 1»"_s;
    Section s;
    s.number = u"1."_s;
    for (const Row &r : rows) {
        Measure m;
        m.number = r.number;
        m.text = u"Мероприятие "_s + r.number;
        m.deadline = DeadlineParser::parse(r.deadline, p);
        m.status = r.status;
        m.owners = r.owners;
        s.measures.append(m);
    }
    out.sections = {s};
    return out;
}

QStringList numbers(const QList<DueEntry> &entries) {
    QStringList out;
    for (const auto &e : entries)
        out << e.measure.number;
    return out;
}

// Deadlines from the seeds, in a 2023/24 plan and a 2022–2024 plan.
QList<Plan> plans() {
    return {
        plan(1, u"План 2023/24"_s, {2023, 2024},
             {{u"1.1."_s, u"Март 2024 г."_s},
              {u"1.2."_s,
               u"Март-апрель 2024 г."_s,
               MeasureStatus::InProgress,
               {u"Зам. директора"_s, u"учителя-предметники"_s}},
              {u"1.3."_s, u"Январь 2024 г."_s},
              {u"1.4."_s, u"Январь-февраль 2024 г."_s, MeasureStatus::Done},
              {u"1.5."_s, u"В течение года"_s},
              {u"1.6."_s, u"По мере состоявшегося события"_s},
              {u"1.7."_s, u"до 09.02.2024"_s, MeasureStatus::NotDone},
              {u"1.8."_s, u"Апрель-май 2024 г."_s, MeasureStatus::Planned, {u"Шашок А.В."_s}}}),
        plan(2, u"План 2022–2024"_s, {2022, 2024},
             {{u"2.1."_s, u"Ежегодно август-сентябрь"_s},
              {u"2.2."_s, u"до 01 июля"_s},
              {u"2.3."_s, u"Август, ноябрь"_s, MeasureStatus::Done}}),
    };
}

} // namespace

TEST(DueList, ChosenMonthOverdueAndUpcoming) {
    const QDate today(2024, 3, 10);
    const DueList due = DueList::build(plans(), today, QDate(2024, 3, 25));
    // March 2024: the March month and the March–April range; the whole-year measure only in
    // August; nothing from the 2022–2024 plan.
    EXPECT_EQ(numbers(due.inMonth), (QStringList{u"1.1."_s, u"1.2."_s}));
    EXPECT_EQ(due.inMonth[0].planId, 1);
    EXPECT_EQ(due.inMonth[0].planTitle, u"План 2023/24"_s);
    EXPECT_EQ(due.inMonth[0].organization, u"МБОУ «СОШ № 1»"_s);
    const AcademicPeriod period{2023, 2024};
    EXPECT_EQ(due.inMonth[0].period, period.toDisplayString());
    EXPECT_EQ(due.inMonth[0].sectionNumber, u"1."_s);
    EXPECT_EQ(due.inMonth[0].window, (DateRange{QDate(2024, 3, 1), QDate(2024, 3, 31)}));

    // Overdue: windows that ended before 10.03.2024, not Done (1.4. is Done), oldest first.
    // 2.1.: 01.08–30.09.2023 (the latest ended window); 2.2.: 01.07.2023; 1.3.: January 2024;
    // 1.7.: 09.02.2024 (NotDone still counts).
    EXPECT_EQ(numbers(due.overdue), (QStringList{u"2.2."_s, u"2.1."_s, u"1.3."_s, u"1.7."_s}));
    EXPECT_EQ(due.overdue[1].window, (DateRange{QDate(2023, 8, 1), QDate(2023, 9, 30)}));
    EXPECT_EQ(due.overdue[1].planId, 2);

    // Upcoming within 30 days (to 09.04.2024): March ends 31.03, March–April starts earlier and
    // ends 30.04 (not within), April–May starts 01.04.
    EXPECT_EQ(numbers(due.upcoming), (QStringList{u"1.1."_s, u"1.8."_s}));
    EXPECT_EQ(due.upcoming[1].window.from, QDate(2024, 4, 1));
}

TEST(DueList, WholePeriodCountsInItsLastMonth) {
    const DueList august = DueList::build(plans(), QDate(2024, 8, 5), QDate(2024, 8, 1));
    EXPECT_TRUE(numbers(august.inMonth).contains(u"1.5."_s));
    EXPECT_TRUE(numbers(august.upcoming).contains(u"1.5."_s));
    // The 2022–2024 plan: August 2024 is in "Август, ноябрь" (Done: listed in the month, never
    // overdue) and the yearly August–September is not (its windows are 2022 and 2023).
    EXPECT_TRUE(numbers(august.inMonth).contains(u"2.3."_s));
    EXPECT_FALSE(numbers(august.overdue).contains(u"2.3."_s));
    EXPECT_FALSE(numbers(august.inMonth).contains(u"2.1."_s));
    const DueList may = DueList::build(plans(), QDate(2024, 5, 5), QDate(2024, 5, 1));
    EXPECT_FALSE(numbers(may.inMonth).contains(u"1.5."_s));
    EXPECT_FALSE(numbers(may.inMonth).contains(u"1.6."_s)); // event: no dates
}

TEST(DueList, OwnerFilter) {
    const QDate today(2024, 3, 10);
    const DueList mine = DueList::build(plans(), today, today, u"  зам. ДИРЕКТОРА "_s);
    EXPECT_EQ(numbers(mine.inMonth), QStringList{u"1.2."_s});
    EXPECT_TRUE(mine.overdue.isEmpty());
    const DueList shashok = DueList::build(plans(), today, QDate(2024, 5, 1), u"Шашок"_s);
    EXPECT_EQ(numbers(shashok.inMonth), QStringList{u"1.8."_s});
    EXPECT_EQ(numbers(shashok.upcoming), QStringList{u"1.8."_s});
    EXPECT_TRUE(DueList::build(plans(), today, today, u"Никто"_s).inMonth.isEmpty());
}

TEST(DueList, EntriesCarryACopyOfTheMeasure) {
    const QList<Plan> all = plans();
    const DueList due = DueList::build(all, QDate(2024, 3, 10), QDate(2024, 3, 1));
    ASSERT_FALSE(due.inMonth.isEmpty());
    EXPECT_EQ(due.inMonth[0].measure, all[0].sections[0].measures[0]);
    EXPECT_TRUE(DueList::build({}, QDate(2024, 3, 10), QDate(2024, 3, 1)).inMonth.isEmpty());
}
