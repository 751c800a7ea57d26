// What every deadline text of the real seed plans is read as: its recurrence, how many windows it
// gets (each window is marked on its own), and which of them are pointed out as wrong for the plan
// (before its approval, outside its period).
#include "SeedTable.h"
#include "TestSupport.h"

#include "objectivity/core/plan/DeadlineCheck.h"
#include "objectivity/core/plan/DeadlineParser.h"

#include <gtest/gtest.h>

#include <set>

using namespace objectivity::core;
using namespace Qt::StringLiterals;
using objectivity::test::seedMeasureRows;
using objectivity::test::seedPath;

namespace {

struct Expect {
    const char16_t *text;
    const char *recurrence; // Deadline::recurrenceCode
    int windows;
    int problems; // DeadlineCheck::problems for the seed's period and approval date
};

// Seed 000: plan for 2022/23–2023/24, «Приказ №149 от 01.07.2022».
const QList<Expect> kSeed000 = {
    {u"В течение года", "continuous", 1, 0},
    {u"июль-август", "yearly", 2, 0},
    {u"август", "yearly", 2, 0},
    {u"Август, ноябрь", "yearly", 4, 0},
    {u"октябрь", "yearly", 2, 0},
    {u"По отдельному графику", "schedule", 0, 0},
    {u"до 01 июля", "yearly", 2, 0},
    {u"ежегодно", "yearly", 2, 0},
    {u"В течение учебного года", "continuous", 1, 0},
    {u"Ежегодно", "yearly", 2, 0},
    {u"Ежегодно октябрь", "yearly", 2, 0},
    {u"Согласно графику", "schedule", 0, 0},
    {u"Регулярно, при подготовке к проведению оценочной процедуры", "event", 0, 0},
    {u"август 2021", "once", 1, 1}, // a year before the approval: a typo for 2022 or 2023
    {u"по отдельному графику", "schedule", 0, 0},
    {u"в течение года", "continuous", 1, 0},
    {u"Сентябрь", "yearly", 2, 0},
    {u"2022-2024 год", "continuous", 1, 0},
    {u"Ежегодно Сентябрь", "yearly", 2, 0},
    {u"апрель", "yearly", 2, 0},
    {u"постоянно при проведении оценочных процедур", "event", 0, 0},
    {u"Ежегодно август-сентябрь", "yearly", 2, 0},
    {u"Постоянно", "continuous", 1, 0},
    {u"Ежегодно Ноябрь", "yearly", 2, 0},
};

// Seed 001: plan for 2023/24, order of the municipality «30.08.2023 № 534» (the order's date is
// not in an approval block, so the plan has no approval date: the period decides).
const QList<Expect> kSeed001 = {
    {u"Июнь, август 2023", "once", 2, 1},
    {u"В течение года", "continuous", 1, 0},
    {u"По мере издания соответствующих документов", "event", 0, 0},
    {u"Август -сентябрь 2023", "once", 1, 0},
    {u"Согласно графикам проведения оценочных процедур в 2023-2024 учебном году", "schedule", 0, 0},
    {u"По итогам проведения ГИА, получения результатов ВПР или других оценочных процедур", "event",
     0, 0},
    {u"По мере издания приказов в соответствии с нормативными и распорядительными документами на "
     u"федеральном, региональном уровнях в 2023 2024 учебном году",
     "event", 0, 0},
    {u"Август 2023 Сентябрь-октябрь 2023", "once", 2, 1},
    {u"Июнь-август 2023", "once", 1, 1},
    {u"По плану МКУ «Управление образования» г. Рубцовска", "schedule", 0, 0},
    {u"В сроки, обозначенные в соответствующих документах, на федеральном и региональном уровнях",
     "event", 0, 0},
    {u"В соответствии с графиком проведения ВПР в ОУ", "schedule", 0, 0},
    {u"В течение года, ежемесячно", "monthly", 12, 0},
    {u"Май 2023", "once", 1, 1},
    {u"Согласно плану-графику ВПР", "schedule", 0, 0},
    {u"В соответствии с планом работы ММО", "schedule", 0, 0},
    {u"Январь-май 2023", "once", 1, 1},
    {u"В соответствии с планом работы по повышению квалификации педагогических работников",
     "schedule", 0, 0},
    {u"В течение заявленного периода в соответствии с планом работы краевых УМО КАУ ДПО «АИРО "
     u"имени А.М. Топорова»",
     "schedule", 0, 0},
    {u"В соответствии с графиком ММО", "schedule", 0, 0},
    {u"В течение года по отдельному плану", "schedule", 1, 0},
    {u"Май 2024", "once", 1, 0},
    {u"По мере состоявшегося события", "event", 0, 0},
    {u"Систематически", "continuous", 1, 0},
};

// Seed 002: plan for 2023/24, «Приказ №32/1 от 04 марта 2024»: January and August 2023 come
// before the approval.
const QList<Expect> kSeed002 = {
    {u"Март 2024 г.", "once", 1, 0},
    {u"Май 2024 г.", "once", 1, 0},
    {u"Январь 2024 г.", "once", 1, 1},
    {u"Май 2024 г..", "once", 1, 0},
    {u"Март-апрель 2024 г.", "once", 1, 0},
    {u"Согласно плану КОИРО, управления образования", "schedule", 0, 0},
    {u"Август 2023 г., январь, март 2024 г.", "once", 3, 1},
    {u"Март - май 2024 г.", "once", 1, 0},
    {u"В течение периода проведения ВПР", "event", 0, 0},
    {u"Апрель-май 2024 г.", "once", 1, 0},
    {u"Июнь 2024 г.", "once", 1, 0},
    {u"Январь-февраль 2024 г.", "once", 1, 1},
    {u"В течение года", "continuous", 1, 0},
    {u"В течение 5 дней после проведения ВПР", "event", 0, 0},
    {u"Постоянно", "continuous", 1, 0},
    {u"По мере состоявшегося события", "event", 0, 0},
    {u"Весь период", "continuous", 1, 0},
};

QStringList seedDeadlines(const QString &prefix) {
    QStringList out;
    for (const QStringList &cells : seedMeasureRows(seedPath(prefix))) {
        QString text = (prefix == QLatin1String("000") ? cells.last() : cells[2]).trimmed();
        if (text == QStringLiteral("ОО до 01 июля")) // see DeadlineParserTest
            text = QStringLiteral("до 01 июля");
        if (!text.isEmpty() && !out.contains(text))
            out << text;
    }
    return out;
}

void checkTable(const QString &prefix, const QList<Expect> &table, const AcademicPeriod &period,
                const QDate &approval) {
    if (seedPath(prefix).isEmpty())
        GTEST_SKIP() << "../shared is absent (seed " << prefix.toStdString() << ")";
    QStringList expected;
    for (const Expect &e : table)
        expected << QString::fromUtf16(e.text);
    const QStringList found = seedDeadlines(prefix);
    EXPECT_EQ(std::set<QString>(found.begin(), found.end()),
              std::set<QString>(expected.begin(), expected.end()));
    for (const Expect &e : table) {
        const QString text = QString::fromUtf16(e.text);
        SCOPED_TRACE(text.toStdString());
        const Deadline dl = DeadlineParser::parse(text, period);
        EXPECT_EQ(Deadline::recurrenceCode(dl.recurrence).toStdString(), std::string(e.recurrence));
        EXPECT_EQ(dl.windows.size(), e.windows);
        const QStringList problems = DeadlineCheck::problems(dl, period, approval);
        EXPECT_EQ(problems.size(), e.problems) << problems.join(u" | "_s).toStdString();
        // the description names the recurrence the user reads in the editor
        EXPECT_FALSE(Deadline::recurrenceDisplayName(dl.recurrence).isEmpty());
    }
}

QDate d(int y, int m, int day) {
    return QDate(y, m, day);
}

} // namespace

TEST(DeadlineRecurrenceSeeds, Seed000) {
    checkTable(u"000"_s, kSeed000, {2022, 2024}, d(2022, 7, 1));
}
TEST(DeadlineRecurrenceSeeds, Seed001) {
    checkTable(u"001"_s, kSeed001, {2023, 2024}, QDate());
}
TEST(DeadlineRecurrenceSeeds, Seed002) {
    checkTable(u"002"_s, kSeed002, {2023, 2024}, d(2024, 3, 4));
}

TEST(DeadlineRecurrence, MonthlyIsOneWindowPerMonthNotTheWholePeriod) {
    const Deadline dl = DeadlineParser::parse(u"ежемесячно"_s, {2024, 2025});
    EXPECT_EQ(dl.recurrence, DeadlineRecurrence::Monthly);
    ASSERT_EQ(dl.windows.size(), 12);
    EXPECT_EQ(dl.windows[0], (DateRange{d(2024, 9, 1), d(2024, 9, 30)}));
    EXPECT_EQ(dl.windows[5], (DateRange{d(2025, 2, 1), d(2025, 2, 28)}));
    EXPECT_EQ(dl.describe(), u"ежемесячно, 01.09.2024–31.08.2025"_s);
}

TEST(DeadlineRecurrence, Kinds) {
    const AcademicPeriod p{2024, 2025};
    const struct {
        const char16_t *text;
        DeadlineRecurrence recurrence;
        int windows;
    } cases[] = {
        {u"Еженедельно", DeadlineRecurrence::Weekly, 12},
        {u"ежеквартально", DeadlineRecurrence::Quarterly, 4},
        {u"Раз в четверть", DeadlineRecurrence::Quarterly, 4},
        {u"в течение года по мере необходимости", DeadlineRecurrence::AsNeeded, 1},
        {u"По мере необходимости", DeadlineRecurrence::AsNeeded, 0},
        {u"по графику", DeadlineRecurrence::BySchedule, 0},
        {u"Август, ноябрь ежегодно", DeadlineRecurrence::Yearly, 2},
        {u"ежемесячно с сентября по декабрь", DeadlineRecurrence::Monthly, 4},
        {u"до 15.09.2024", DeadlineRecurrence::Once, 1},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(QString::fromUtf16(c.text).toStdString());
        const Deadline dl = DeadlineParser::parse(QString::fromUtf16(c.text), p);
        EXPECT_EQ(Deadline::recurrenceCode(dl.recurrence), Deadline::recurrenceCode(c.recurrence));
        EXPECT_EQ(dl.windows.size(), c.windows);
    }
    // school quarters: Sep–Oct, Nov–Dec, Jan–Mar, Apr–May; the summer has none
    const Deadline q = DeadlineParser::parse(u"ежеквартально"_s, p);
    ASSERT_EQ(q.windows.size(), 4);
    EXPECT_EQ(q.windows[2], (DateRange{d(2025, 1, 1), d(2025, 3, 31)}));
    EXPECT_EQ(q.windows[3], (DateRange{d(2025, 4, 1), d(2025, 5, 31)}));
}

TEST(DeadlineRecurrence, CodesRoundTrip) {
    for (auto r :
         {DeadlineRecurrence::Once, DeadlineRecurrence::Yearly, DeadlineRecurrence::Monthly,
          DeadlineRecurrence::Weekly, DeadlineRecurrence::Quarterly, DeadlineRecurrence::AsNeeded,
          DeadlineRecurrence::BySchedule, DeadlineRecurrence::OnEvent,
          DeadlineRecurrence::Continuous})
        EXPECT_EQ(Deadline::recurrenceFromCode(Deadline::recurrenceCode(r)), r);
}

TEST(DeadlineRecurrence, WindowLabels) {
    EXPECT_EQ(Deadline::windowLabel({d(2025, 8, 1), d(2025, 8, 31)}), u"август 2025"_s);
    EXPECT_EQ(Deadline::windowLabel({d(2023, 9, 1), d(2023, 10, 31)}), u"сентябрь–октябрь 2023"_s);
    EXPECT_EQ(Deadline::windowLabel({d(2023, 12, 1), d(2024, 1, 31)}),
              u"декабрь 2023 – январь 2024"_s);
    EXPECT_EQ(Deadline::windowLabel({d(2023, 9, 1), d(2024, 8, 31)}), u"2023/24 уч. год"_s);
    EXPECT_EQ(Deadline::windowLabel({d(2024, 7, 1), d(2024, 7, 1)}), u"01.07.2024"_s);
}

TEST(DeadlineCheck, NamesTheWindowsAndTheReason) {
    const AcademicPeriod p{2022, 2024};
    const Deadline dl = DeadlineParser::parse(u"август 2021"_s, p);
    const QStringList before = DeadlineCheck::problems(dl, p, d(2022, 7, 1));
    ASSERT_EQ(before.size(), 1);
    EXPECT_EQ(before[0], u"август 2021 — раньше даты утверждения плана (01.07.2022): проверьте "
                         u"год; до исправления срок не считается просроченным"_s);
    const QStringList outside = DeadlineCheck::problems(dl, p, QDate());
    ASSERT_EQ(outside.size(), 1);
    EXPECT_EQ(outside[0], u"август 2021 — вне периода плана (2022/23–2023/24): проверьте год"_s);
    // after the period too
    EXPECT_EQ(DeadlineCheck::problems(DeadlineParser::parse(u"май 2026"_s, p), p, QDate()).size(),
              1);
}

TEST(DeadlineCheck, PlanWarningsNameTheMeasure) {
    Plan plan;
    plan.period = {2023, 2024};
    plan.approval.orderDate = d(2024, 3, 4);
    Measure m;
    m.number = u"3."_s;
    m.deadline = DeadlineParser::parse(u"Январь 2024 г."_s, plan.period);
    Section s;
    s.measures << m;
    m.number = u"4."_s;
    m.deadline = DeadlineParser::parse(u"Май 2024 г."_s, plan.period);
    s.measures << m;
    plan.sections << s;
    const QStringList w = DeadlineCheck::planWarnings(plan);
    ASSERT_EQ(w.size(), 1);
    EXPECT_TRUE(w[0].startsWith(u"Мероприятие 3., срок «Январь 2024 г.»: январь 2024 — раньше "_s))
        << w[0].toStdString();
}

TEST(DeadlineCheck, AWindowBeforeTheApprovalIsNeverOverdue) {
    const Deadline dl = DeadlineParser::parse(u"Январь 2024 г."_s, {2023, 2024});
    const QDate floor = d(2024, 3, 4);
    EXPECT_FALSE(DeadlineCheck::windowCountsAsOverdue(dl.windows[0], dl, d(2024, 6, 1), floor));
    EXPECT_TRUE(DeadlineCheck::windowCountsAsOverdue(dl.windows[0], dl, d(2024, 6, 1), QDate()));
    const Deadline asNeeded =
        DeadlineParser::parse(u"в течение года по мере необходимости"_s, {2023, 2024});
    EXPECT_FALSE(
        DeadlineCheck::windowCountsAsOverdue(asNeeded.windows[0], asNeeded, d(2025, 1, 1), {}));
}
