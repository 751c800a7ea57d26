#include "SeedTable.h"
#include "TestSupport.h"

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
    DeadlineKind kind;
    bool yearly;
    QDate from;
    QDate to;
};

QDate d(int y, int m, int day) {
    return QDate(y, m, day);
}
constexpr auto E = DeadlineKind::Event;
constexpr auto W = DeadlineKind::WholePeriod;
constexpr auto M = DeadlineKind::Month;
constexpr auto R = DeadlineKind::MonthRange;
constexpr auto L = DeadlineKind::MonthList;

// Seed 000: "на 2022- 2024 годы" → 2022/23–2023/24. The deadline is the last cell.
const QList<Expect> kSeed000 = {
    {u"В течение года", W, false, d(2022, 9, 1), d(2024, 8, 31)},
    {u"июль-август", R, false, d(2023, 7, 1), d(2024, 8, 31)},
    {u"август", M, false, d(2023, 8, 1), d(2024, 8, 31)},
    {u"Август, ноябрь", L, false, d(2022, 11, 1), d(2024, 8, 31)},
    {u"октябрь", M, false, d(2022, 10, 1), d(2023, 10, 31)},
    {u"По отдельному графику", E, false, {}, {}},
    {u"до 01 июля", DeadlineKind::ByDate, false, d(2023, 7, 1), d(2024, 7, 1)},
    {u"ежегодно", W, true, d(2022, 9, 1), d(2024, 8, 31)},
    {u"В течение учебного года", W, false, d(2022, 9, 1), d(2024, 8, 31)},
    {u"Ежегодно", W, true, d(2022, 9, 1), d(2024, 8, 31)},
    {u"Ежегодно октябрь", M, true, d(2022, 10, 1), d(2023, 10, 31)},
    {u"Согласно графику", E, false, {}, {}},
    {u"Регулярно, при подготовке к проведению оценочной процедуры", E, false, {}, {}},
    {u"август 2021", M, false, d(2021, 8, 1), d(2021, 8, 31)},
    {u"по отдельному графику", E, false, {}, {}},
    {u"в течение года", W, false, d(2022, 9, 1), d(2024, 8, 31)},
    {u"Сентябрь", M, false, d(2022, 9, 1), d(2023, 9, 30)},
    {u"2022-2024 год", W, false, d(2022, 9, 1), d(2024, 8, 31)},
    {u"Ежегодно Сентябрь", M, true, d(2022, 9, 1), d(2023, 9, 30)},
    {u"апрель", M, false, d(2023, 4, 1), d(2024, 4, 30)},
    {u"постоянно при проведении оценочных процедур", E, false, {}, {}},
    {u"Ежегодно август-сентябрь", R, true, d(2022, 8, 1), d(2023, 9, 30)},
    {u"Постоянно", W, false, d(2022, 9, 1), d(2024, 8, 31)},
    {u"Ежегодно Ноябрь", M, true, d(2022, 11, 1), d(2023, 11, 30)},
};

// Seed 001: "на 2023-2024 учебный год". The deadline is the third cell («Дата проведения»).
const QList<Expect> kSeed001 = {
    {u"Июнь, август 2023", L, false, d(2023, 6, 1), d(2023, 8, 31)},
    {u"В течение года", W, false, d(2023, 9, 1), d(2024, 8, 31)},
    {u"По мере издания соответствующих документов", E, false, {}, {}},
    {u"Август -сентябрь 2023", R, false, d(2023, 8, 1), d(2023, 9, 30)},
    {u"Согласно графикам проведения оценочных процедур в 2023-2024 учебном году", E, false, {}, {}},
    {u"По итогам проведения ГИА, получения результатов ВПР или других оценочных процедур",
     E,
     false,
     {},
     {}},
    {u"По мере издания приказов в соответствии с нормативными и распорядительными документами на "
     u"федеральном, региональном уровнях в 2023 2024 учебном году",
     E,
     false,
     {},
     {}},
    {u"Август 2023 Сентябрь-октябрь 2023", L, false, d(2023, 8, 1), d(2023, 10, 31)},
    {u"Июнь-август 2023", R, false, d(2023, 6, 1), d(2023, 8, 31)},
    {u"По плану МКУ «Управление образования» г. Рубцовска", E, false, {}, {}},
    {u"В сроки, обозначенные в соответствующих документах, на федеральном и региональном уровнях",
     E,
     false,
     {},
     {}},
    {u"В соответствии с графиком проведения ВПР в ОУ", E, false, {}, {}},
    {u"В течение года, ежемесячно", W, false, d(2023, 9, 1), d(2024, 8, 31)},
    {u"Май 2023", M, false, d(2023, 5, 1), d(2023, 5, 31)},
    {u"Согласно плану-графику ВПР", E, false, {}, {}},
    {u"В соответствии с планом работы ММО", E, false, {}, {}},
    {u"Январь-май 2023", R, false, d(2023, 1, 1), d(2023, 5, 31)},
    {u"В соответствии с планом работы по повышению квалификации педагогических работников",
     E,
     false,
     {},
     {}},
    {u"В течение заявленного периода в соответствии с планом работы краевых УМО КАУ ДПО «АИРО "
     u"имени А.М. Топорова»",
     E,
     false,
     {},
     {}},
    {u"В соответствии с графиком ММО", E, false, {}, {}},
    {u"В течение года по отдельному плану", W, false, d(2023, 9, 1), d(2024, 8, 31)},
    {u"Май 2024", M, false, d(2024, 5, 1), d(2024, 5, 31)},
    {u"По мере состоявшегося события", E, false, {}, {}},
    {u"Систематически", W, false, d(2023, 9, 1), d(2024, 8, 31)},
};

// Seed 002: "в 2023-2024 учебном году". The deadline is the third cell («Дата проведения»).
const QList<Expect> kSeed002 = {
    {u"Март 2024 г.", M, false, d(2024, 3, 1), d(2024, 3, 31)},
    {u"Май 2024 г.", M, false, d(2024, 5, 1), d(2024, 5, 31)},
    {u"Январь 2024 г.", M, false, d(2024, 1, 1), d(2024, 1, 31)},
    {u"Май 2024 г..", M, false, d(2024, 5, 1), d(2024, 5, 31)},
    {u"Март-апрель 2024 г.", R, false, d(2024, 3, 1), d(2024, 4, 30)},
    {u"Согласно плану КОИРО, управления образования", E, false, {}, {}},
    {u"Август 2023 г., январь, март 2024 г.", L, false, d(2023, 8, 1), d(2024, 3, 31)},
    {u"Март - май 2024 г.", R, false, d(2024, 3, 1), d(2024, 5, 31)},
    {u"В течение периода проведения ВПР", E, false, {}, {}},
    {u"Апрель-май 2024 г.", R, false, d(2024, 4, 1), d(2024, 5, 31)},
    {u"Июнь 2024 г.", M, false, d(2024, 6, 1), d(2024, 6, 30)},
    {u"Январь-февраль 2024 г.", R, false, d(2024, 1, 1), d(2024, 2, 29)},
    {u"В течение года", W, false, d(2023, 9, 1), d(2024, 8, 31)},
    {u"В течение 5 дней после проведения ВПР", E, false, {}, {}},
    {u"Постоянно", W, false, d(2023, 9, 1), d(2024, 8, 31)},
    {u"По мере состоявшегося события", E, false, {}, {}},
    {u"Весь период", W, false, d(2023, 9, 1), d(2024, 8, 31)},
};

// The distinct deadline cells of a seed, as the plan importer gives them.
QStringList seedDeadlines(const QString &prefix) {
    QStringList out;
    for (const QStringList &cells : seedMeasureRows(seedPath(prefix))) {
        QString text = (prefix == QLatin1String("000") ? cells.last() : cells[2]).trimmed();
        // Seed 000, row 1.7: PDF extraction moved "ОО" of the owners cell into the deadline; the
        // importer gives the deadline "до 01 июля".
        if (text == QStringLiteral("ОО до 01 июля"))
            text = QStringLiteral("до 01 июля");
        if (!text.isEmpty() && !out.contains(text))
            out << text;
    }
    return out;
}

void checkTable(const QString &prefix, const QList<Expect> &table, const AcademicPeriod &period) {
    const QString path = seedPath(prefix);
    if (path.isEmpty())
        GTEST_SKIP() << "../shared is absent (seed " << prefix.toStdString() << ")";
    QStringList expected;
    for (const Expect &e : table)
        expected << QString::fromUtf16(e.text);
    // The table holds exactly the deadlines of the seed: none missed, none invented.
    const QStringList found = seedDeadlines(prefix);
    EXPECT_EQ(std::set<QString>(found.begin(), found.end()),
              std::set<QString>(expected.begin(), expected.end()));
    EXPECT_EQ(found.size(), table.size());

    for (const Expect &e : table) {
        const QString text = QString::fromUtf16(e.text);
        SCOPED_TRACE(text.toStdString());
        const Deadline dl = DeadlineParser::parse(text, period);
        EXPECT_EQ(dl.text, text);
        EXPECT_EQ(Deadline::kindCode(dl.kind), Deadline::kindCode(e.kind));
        EXPECT_EQ(dl.yearly, e.yearly);
        EXPECT_EQ(dl.from, e.from) << dl.from.toString(Qt::ISODate).toStdString();
        EXPECT_EQ(dl.to, e.to) << dl.to.toString(Qt::ISODate).toStdString();
        if (e.from.isValid()) {
            ASSERT_FALSE(dl.windows.isEmpty());
            EXPECT_EQ(dl.windows.first().from, e.from);
            for (const auto &w : dl.windows)
                EXPECT_TRUE(w.isValid());
        } else {
            EXPECT_TRUE(dl.windows.isEmpty());
        }
    }
}

} // namespace

TEST(DeadlineParserSeeds, Seed000EveryDeadline) {
    checkTable(u"000"_s, kSeed000, {2022, 2024});
}
TEST(DeadlineParserSeeds, Seed001EveryDeadline) {
    checkTable(u"001"_s, kSeed001, {2023, 2024});
}
TEST(DeadlineParserSeeds, Seed002EveryDeadline) {
    checkTable(u"002"_s, kSeed002, {2023, 2024});
}

TEST(DeadlineParser, MonthWithoutYearRepeatsInEachAcademicYear) {
    const Deadline dl = DeadlineParser::parse(u"Август, ноябрь"_s, {2022, 2024});
    ASSERT_EQ(dl.windows.size(), 4);
    EXPECT_EQ(dl.windows[0], (DateRange{d(2022, 11, 1), d(2022, 11, 30)}));
    EXPECT_EQ(dl.windows[1], (DateRange{d(2023, 8, 1), d(2023, 8, 31)}));
    EXPECT_EQ(dl.windows[2], (DateRange{d(2023, 11, 1), d(2023, 11, 30)}));
    EXPECT_EQ(dl.windows[3], (DateRange{d(2024, 8, 1), d(2024, 8, 31)}));
}

TEST(DeadlineParser, YearlyRangeHasOneWindowPerAcademicYear) {
    const Deadline dl = DeadlineParser::parse(u"Август-сентябрь ежегодно"_s, {2022, 2025});
    EXPECT_EQ(dl.kind, DeadlineKind::MonthRange);
    EXPECT_TRUE(dl.yearly);
    ASSERT_EQ(dl.windows.size(), 3);
    EXPECT_EQ(dl.windows[2], (DateRange{d(2024, 8, 1), d(2024, 9, 30)}));
    EXPECT_EQ(dl.describe(), u"ежегодно, 01.08–30.09"_s);
}

TEST(DeadlineParser, ListWithYearsOnSomeMonths) {
    const Deadline dl =
        DeadlineParser::parse(u"Август 2023 г., январь, март 2024 г."_s, {2023, 2024});
    ASSERT_EQ(dl.windows.size(), 3);
    EXPECT_EQ(dl.windows[0].from, d(2023, 8, 1));
    EXPECT_EQ(dl.windows[1], (DateRange{d(2024, 1, 1), d(2024, 1, 31)}));
    EXPECT_EQ(dl.windows[2], (DateRange{d(2024, 3, 1), d(2024, 3, 31)}));
}

TEST(DeadlineParser, MonthThenRangeWithYears) {
    const Deadline dl = DeadlineParser::parse(u"Август 2023 Сентябрь-октябрь 2023"_s, {2023, 2024});
    ASSERT_EQ(dl.windows.size(), 2);
    EXPECT_EQ(dl.windows[1], (DateRange{d(2023, 9, 1), d(2023, 10, 31)}));
}

TEST(DeadlineParser, RangeAcrossNewYear) {
    const Deadline dl = DeadlineParser::parse(u"Декабрь-январь 2024"_s, {2023, 2024});
    EXPECT_EQ(dl.kind, DeadlineKind::MonthRange);
    EXPECT_EQ(dl.from, d(2023, 12, 1));
    EXPECT_EQ(dl.to, d(2024, 1, 31));
    const Deadline noYear = DeadlineParser::parse(u"сентябрь-май"_s, {2023, 2024});
    EXPECT_EQ(noYear.from, d(2023, 9, 1));
    EXPECT_EQ(noYear.to, d(2024, 5, 31));
}

TEST(DeadlineParser, ExactDates) {
    const Deadline a = DeadlineParser::parse(u"30.11.2021"_s, {2021, 2022});
    EXPECT_EQ(a.kind, DeadlineKind::Date);
    EXPECT_EQ(a.from, d(2021, 11, 30));
    EXPECT_EQ(a.to, d(2021, 11, 30));
    EXPECT_EQ(a.describe(), u"30.11.2021"_s);
    const Deadline b = DeadlineParser::parse(u"01.07.2022 г."_s, {2022, 2024});
    EXPECT_EQ(b.kind, DeadlineKind::Date);
    EXPECT_EQ(b.from, d(2022, 7, 1));
    EXPECT_EQ(b.text, u"01.07.2022 г."_s);
    const Deadline range = DeadlineParser::parse(u"с 01.09.2023 по 15.09.2023"_s, {2023, 2024});
    EXPECT_EQ(range.kind, DeadlineKind::Date);
    ASSERT_EQ(range.windows.size(), 1);
    EXPECT_EQ(range.windows[0], (DateRange{d(2023, 9, 1), d(2023, 9, 15)}));
}

TEST(DeadlineParser, ByDate) {
    const Deadline a = DeadlineParser::parse(u"до 09.02.2024"_s, {2023, 2024});
    EXPECT_EQ(a.kind, DeadlineKind::ByDate);
    EXPECT_EQ(a.to, d(2024, 2, 9));
    EXPECT_EQ(a.describe(), u"до 09.02.2024"_s);
    const Deadline b = DeadlineParser::parse(u"до 01 июля"_s, {2023, 2024});
    EXPECT_EQ(b.kind, DeadlineKind::ByDate);
    ASSERT_EQ(b.windows.size(), 1);
    EXPECT_EQ(b.to, d(2024, 7, 1));
    const Deadline c = DeadlineParser::parse(u"до 15.10"_s, {2022, 2024});
    ASSERT_EQ(c.windows.size(), 2);
    EXPECT_EQ(c.from, d(2022, 10, 15));
    EXPECT_EQ(c.to, d(2023, 10, 15));
    const Deadline e = DeadlineParser::parse(u"до 25 мая 2024 г."_s, {2023, 2024});
    EXPECT_EQ(e.to, d(2024, 5, 25));
}

TEST(DeadlineParser, EventAndWholePeriodWording) {
    const AcademicPeriod p{2023, 2024};
    for (const QString &t :
         {u"Регулярно"_s, u"В течение учебного года"_s, u"Весь период"_s,
          u"В течение года, ежемесячно"_s, u"В течение года по отдельному плану"_s})
        EXPECT_EQ(DeadlineParser::parse(t, p).kind, DeadlineKind::WholePeriod) << t.toStdString();
    for (const QString &t :
         {u"Регулярно, при подготовке к проведению оценочной процедуры"_s,
          u"постоянно при проведении оценочных процедур"_s, u"По отдельному графику"_s,
          u"В течение 5 дней после проведения ВПР"_s, u"По мере состоявшегося события"_s})
        EXPECT_EQ(DeadlineParser::parse(t, p).kind, DeadlineKind::Event) << t.toStdString();
}

TEST(DeadlineParser, UnknownAndEmpty) {
    const Deadline empty = DeadlineParser::parse(QString(), {2023, 2024});
    EXPECT_EQ(empty.kind, DeadlineKind::Unknown);
    EXPECT_FALSE(empty.hasDates());
    const Deadline odd = DeadlineParser::parse(u"уточняется"_s, {2023, 2024});
    EXPECT_EQ(odd.kind, DeadlineKind::Unknown);
    EXPECT_EQ(odd.text, u"уточняется"_s);
    EXPECT_EQ(odd.describe(), u"срок не распознан"_s);
}

TEST(DeadlineParser, MonthWithoutPeriodHasNoDates) {
    const Deadline dl = DeadlineParser::parse(u"апрель"_s, AcademicPeriod{});
    EXPECT_EQ(dl.kind, DeadlineKind::Month);
    EXPECT_FALSE(dl.hasDates());
    EXPECT_EQ(dl.describe(), u"даты не определены: нет периода плана"_s);
}

TEST(DeadlineDescribe, ShortRussianInterpretation) {
    const AcademicPeriod p{2023, 2024};
    EXPECT_EQ(DeadlineParser::parse(u"Март 2024 г."_s, p).describe(), u"01.03.2024–31.03.2024"_s);
    EXPECT_EQ(DeadlineParser::parse(u"В течение года"_s, p).describe(), u"весь период"_s);
    EXPECT_EQ(DeadlineParser::parse(u"Ежегодно"_s, p).describe(), u"ежегодно"_s);
    EXPECT_EQ(DeadlineParser::parse(u"Согласно графику"_s, p).describe(), u"по событию, без дат"_s);
    EXPECT_EQ(DeadlineParser::parse(u"Ежегодно Сентябрь"_s, {2022, 2024}).describe(),
              u"ежегодно, 01.09–30.09"_s);
    EXPECT_EQ(DeadlineParser::parse(u"Июнь, август 2023"_s, p).describe(),
              u"01.06.2023–30.06.2023, 01.08.2023–31.08.2023"_s);
    EXPECT_EQ(DeadlineParser::parse(u"2024 год"_s, p).describe(), u"01.01.2024–31.12.2024"_s);
}

TEST(DeadlineDescribe, RepetitionOverAcademicYears) {
    const AcademicPeriod p{2022, 2024};
    EXPECT_EQ(DeadlineParser::parse(u"Август, ноябрь"_s, p).describe(),
              u"каждый учебный год, 01.11–30.11, 01.08–31.08"_s);
    EXPECT_EQ(DeadlineParser::parse(u"до 01 июля"_s, p).describe(),
              u"каждый учебный год, до 01.07"_s);
    // Years written: no repetition, full dates.
    EXPECT_EQ(DeadlineParser::parse(u"август 2021"_s, p).describe(), u"01.08.2021–31.08.2021"_s);
    EXPECT_EQ(DeadlineParser::parse(u"до 01 июля"_s, {2023, 2024}).describe(), u"до 01.07.2024"_s);
}

TEST(DeadlineDescribe, KindCodesRoundTrip) {
    for (auto k : {DeadlineKind::Unknown, DeadlineKind::Date, DeadlineKind::ByDate,
                   DeadlineKind::Month, DeadlineKind::MonthRange, DeadlineKind::MonthList,
                   DeadlineKind::WholePeriod, DeadlineKind::Event})
        EXPECT_EQ(Deadline::kindFromCode(Deadline::kindCode(k)), k);
}

TEST(Deadline, FallsWithinAndNextWindow) {
    const Deadline dl = DeadlineParser::parse(u"Август, ноябрь"_s, {2022, 2024});
    EXPECT_TRUE(dl.fallsWithin({d(2023, 8, 10), d(2023, 8, 12)}));
    EXPECT_FALSE(dl.fallsWithin({d(2023, 1, 1), d(2023, 7, 31)}));
    EXPECT_EQ(dl.nextWindow(d(2023, 9, 1)).from, d(2023, 11, 1));
    EXPECT_FALSE(dl.nextWindow(d(2024, 9, 1)).isValid());
}

TEST(DeadlineParser, UntilWordsAndDayRanges) {
    const AcademicPeriod p{2023, 2024};
    const Deadline a = DeadlineParser::parse(u"не позднее 15 мая"_s, p);
    EXPECT_EQ(a.kind, DeadlineKind::ByDate);
    EXPECT_EQ(a.to, d(2024, 5, 15));
    EXPECT_EQ(DeadlineParser::parse(u"к 1 сентября"_s, p).kind, DeadlineKind::ByDate);
    for (const QString &t : {u"с 15 по 20 марта 2024"_s, u"15-20 марта 2024 г."_s}) {
        const Deadline r = DeadlineParser::parse(t, p);
        EXPECT_EQ(r.kind, DeadlineKind::Date) << t.toStdString();
        ASSERT_EQ(r.windows.size(), 1) << t.toStdString();
        EXPECT_EQ(r.windows[0], (DateRange{d(2024, 3, 15), d(2024, 3, 20)})) << t.toStdString();
    }
    // "5 дней" is no day of a month.
    EXPECT_EQ(DeadlineParser::parse(u"В течение 5 дней после проведения ВПР"_s, p).kind,
              DeadlineKind::Event);
}

TEST(DeadlineParser, QuartersAndHalves) {
    const AcademicPeriod p{2023, 2024};
    const Deadline h1 = DeadlineParser::parse(u"I полугодие"_s, p);
    EXPECT_EQ(h1.kind, DeadlineKind::MonthRange);
    EXPECT_EQ(h1.from, d(2023, 9, 1));
    EXPECT_EQ(h1.to, d(2023, 12, 31));
    const Deadline h2 = DeadlineParser::parse(u"во II полугодии"_s, p);
    EXPECT_EQ(h2.from, d(2024, 1, 1));
    EXPECT_EQ(h2.to, d(2024, 5, 31));
    const Deadline q3 = DeadlineParser::parse(u"3 четверть"_s, p);
    EXPECT_EQ(q3.from, d(2024, 1, 1));
    EXPECT_EQ(q3.to, d(2024, 3, 31));
    EXPECT_EQ(DeadlineParser::parse(u"Конец учебного года"_s, p).from, d(2024, 5, 1));
    EXPECT_EQ(DeadlineParser::parse(u"По итогам I четверти"_s, p).kind, DeadlineKind::Event);
    EXPECT_EQ(DeadlineParser::parse(u"1 раз в четверть"_s, p).kind, DeadlineKind::WholePeriod);
    EXPECT_EQ(DeadlineParser::parse(u"В конце каждой четверти"_s, p).kind,
              DeadlineKind::WholePeriod);
}

TEST(DeadlineParser, MixedTextsFollowTheDocumentedOrder) {
    // Dates beat event words; a whole-year phrase beats both; its own years are honoured.
    const Deadline a = DeadlineParser::parse(u"Апрель 2024 (по графику ВПР)"_s, {2023, 2024});
    EXPECT_EQ(a.kind, DeadlineKind::Month);
    EXPECT_EQ(a.from, d(2024, 4, 1));
    const Deadline b = DeadlineParser::parse(u"В течение 2023-2024 учебного года"_s, {2024, 2025});
    EXPECT_EQ(b.kind, DeadlineKind::WholePeriod);
    EXPECT_EQ(b.from, d(2023, 9, 1));
    EXPECT_EQ(b.to, d(2024, 8, 31));
    const Deadline c = DeadlineParser::parse(
        u"Согласно графикам проведения оценочных процедур в 2023-2024 учебном году"_s,
        {2023, 2024});
    EXPECT_EQ(c.kind, DeadlineKind::Event);
    EXPECT_FALSE(c.hasDates());
}
