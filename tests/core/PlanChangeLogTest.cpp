// Field-level history of one plan and the comparison of two revisions.
#include "objectivity/core/plan/PlanChangeLog.h"
#include "objectivity/core/plan/PlanDiff.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

namespace {

Measure measure(qint64 id, const QString &number, const QString &text) {
    Measure m;
    m.id = id;
    m.number = number;
    m.text = text;
    m.deadline.text = u"Сентябрь"_s;
    m.owners = {u"Иванова И.И."_s};
    return m;
}

Plan plan() {
    Plan p;
    p.id = 1;
    p.title = u"План"_s;
    Section s;
    s.id = 10;
    s.number = u"1."_s;
    s.title = u"Аналитическая работа"_s;
    s.measures = {measure(100, u"1.1."_s, u"Анализ результатов ВПР по математике"_s),
                  measure(101, u"1.2."_s, u"Совещание с учителями по итогам ВПР"_s)};
    p.sections = {s};
    return p;
}

QStringList fields(const QList<PlanChange> &changes) {
    QStringList out;
    for (const auto &c : changes)
        out << c.action + u':' + c.field;
    return out;
}

} // namespace

TEST(PlanChangeLogTest, EachKindOfChangeIsOneRowWithOldAndNew) {
    const Plan before = plan();
    Plan after = before;
    Measure &m = after.sections[0].measures[0];
    m.text = u"Анализ результатов ВПР по математике и русскому языку"_s;
    m.deadline.text = u"Октябрь"_s;
    m.owners << u"Петров П.П."_s;
    m.expectedResult = u"Справка"_s;
    m.status = MeasureStatus::Done;
    m.completionDate = QDate(2024, 10, 3);
    m.note = u"Протокол №3"_s;
    after.sections[0].title = u"Анализ"_s;
    after.sections[0].measures.removeAt(1);
    after.sections[0].measures.append(measure(0, u"1.3."_s, u"Новое мероприятие"_s));

    const QList<PlanChange> changes = PlanChangeLog::between(before, after);
    EXPECT_EQ(fields(changes), (QStringList{u"edit:title"_s, u"edit:text"_s, u"edit:deadline"_s,
                                            u"edit:owners"_s, u"edit:expected_result"_s,
                                            u"execution:status"_s, u"execution:completion_date"_s,
                                            u"execution:note"_s, u"add:text"_s, u"remove:text"_s}));
    EXPECT_EQ(changes[2].target, u"мероприятие 1.1."_s);
    EXPECT_EQ(changes[2].oldValue, u"Сентябрь"_s);
    EXPECT_EQ(changes[2].newValue, u"Октябрь"_s);
    EXPECT_EQ(changes[3].newValue, u"Иванова И.И.; Петров П.П."_s);
    EXPECT_EQ(changes[5].newValue, Measure::statusDisplayName(MeasureStatus::Done));
    EXPECT_EQ(changes[9].oldValue, u"Совещание с учителями по итогам ВПР"_s);
    EXPECT_TRUE(PlanChangeLog::between(before, before).isEmpty());
}

TEST(PlanChangeLogTest, ApprovalAndStatusOfThePlanAreLogged) {
    const Plan before = plan();
    Plan after = before;
    after.status = PlanStatus::Approved;
    after.approval.orderNumber = u"149"_s;
    after.approval.orderDate = QDate(2022, 7, 1);
    const QList<PlanChange> changes = PlanChangeLog::between(before, after);
    ASSERT_EQ(changes.size(), 2);
    EXPECT_EQ(changes[0].field, u"plan_status"_s);
    EXPECT_EQ(changes[1].newValue, u"№ 149 от 01.07.2022"_s);
}

TEST(PlanDiffTest, MatchesByTextNotIdAndListsChangedFields) {
    const Plan a = plan();
    Plan b = a; // a revision: new ids, one measure reworded, one added, one removed
    b.id = 2;
    b.sections[0].id = 20;
    b.sections[0].measures[0].id = 200;
    b.sections[0].measures[0].text = u"Анализ результатов ВПР по математике в 5–8 классах"_s;
    b.sections[0].measures[0].deadline.text = u"Октябрь"_s;
    b.sections[0].measures.removeAt(1);
    b.sections[0].measures.append(measure(201, u"1.2."_s, u"Проверка журналов"_s));

    const PlanDiff diff = PlanDiff::compare(a, b);
    ASSERT_EQ(diff.entries.size(), 3);
    EXPECT_EQ(diff.count(PlanDiffEntry::Kind::Changed), 1);
    EXPECT_EQ(diff.count(PlanDiffEntry::Kind::Added), 1);
    EXPECT_EQ(diff.count(PlanDiffEntry::Kind::Removed), 1);
    EXPECT_EQ(diff.entries[0].kind, PlanDiffEntry::Kind::Changed);
    EXPECT_EQ(diff.entries[0].fields, (QStringList{u"text"_s, u"deadline"_s}));
    EXPECT_EQ(diff.entries[1].after.text, u"Проверка журналов"_s);
    EXPECT_EQ(diff.entries[2].before.text, u"Совещание с учителями по итогам ВПР"_s);
    EXPECT_TRUE(PlanDiff::compare(a, a).isEmpty());
}

TEST(PlanDiffTest, SimilarityIsWordsInCommon) {
    EXPECT_DOUBLE_EQ(PlanDiff::similarity(u"Анализ ВПР"_s, u"анализ впр"_s), 1.0);
    EXPECT_DOUBLE_EQ(PlanDiff::similarity(u"Анализ ВПР"_s, u"Проверка журналов"_s), 0.0);
    EXPECT_NEAR(PlanDiff::similarity(u"a1 анализ ВПР"_s, u"анализ ВПР 5 классы"_s), 4.0 / 7, 1e-9);
}
