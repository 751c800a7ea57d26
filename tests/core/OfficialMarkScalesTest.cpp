// The shipped official scales (resources/scales/official_mark_scales.csv): every row checked on
// its own here (not only by the loader), a few values against the documents they cite, and the
// loader's refusal of bad rows with the row and column named.
#include "objectivity/core/results/OfficialMarkScales.h"

#include <gtest/gtest.h>

#include <QSet>

using namespace objectivity::core;

namespace {

const MarkScale *findScale(const QList<MarkScale> &all, ProcedureKind kind, int year, int grade,
                           const QString &subject) {
    for (const MarkScale &s : all)
        if (s.kind == kind && s.year == year && s.grade == grade && s.subject == subject)
            return &s;
    return nullptr;
}

const QByteArray kHeading =
    "kind;year;grade;subject;max_primary;min_for_3;min_for_4;min_for_5;extra_condition;"
    "min_test_score;source;secondary\n";

} // namespace

TEST(OfficialMarkScales, EveryShippedRowIsConsistentAndSourced) {
    const auto loaded = OfficialMarkScales::load();
    ASSERT_TRUE(loaded) << loaded.error().toString().toStdString();
    const QList<MarkScale> &all = *loaded;
    ASSERT_GE(all.size(), 40);
    QSet<QString> keys;
    for (const MarkScale &s : all) {
        const QString name = QStringLiteral("%1 %2 %3 %4")
                                 .arg(procedureKindCode(s.kind))
                                 .arg(s.year)
                                 .arg(s.grade)
                                 .arg(s.subject);
        SCOPED_TRACE(name.toStdString());
        EXPECT_EQ(s.origin, MarkScale::Origin::Official);
        EXPECT_FALSE(s.source.trimmed().isEmpty());
        EXPECT_FALSE(s.subject.isEmpty());
        EXPECT_FALSE(keys.contains(name)) << "duplicate key";
        keys.insert(name);
        // known boundaries strictly increase and stay within the maximum
        int last = 0;
        for (const int b : {s.minFor3, s.minFor4, s.minFor5}) {
            if (b == 0)
                continue;
            EXPECT_GT(b, last);
            if (s.maxPrimary > 0) {
                EXPECT_LE(b, s.maxPrimary);
            }
            last = b;
        }
        EXPECT_EQ(s.minFor4 == 0, s.minFor5 == 0);
        EXPECT_TRUE(s.isMarkScale() || s.minTestScore > 0 || !s.extraCondition.isEmpty());
        if (s.kind == ProcedureKind::EGE) {
            EXPECT_FALSE(s.isMarkScale()); // ЕГЭ: minimum test scores only
        }
    }
}

TEST(OfficialMarkScales, ValuesAgreeWithTheDocuments) {
    const auto loaded = OfficialMarkScales::load();
    ASSERT_TRUE(loaded);
    // letter of Rosobrnadzor 21.02.2024 № 04-48, table 9: История 0–10, 11–20, 21–29, 30–37
    const MarkScale *history =
        findScale(*loaded, ProcedureKind::OGE, 2024, 9, QStringLiteral("История"));
    ASSERT_NE(history, nullptr);
    EXPECT_EQ(history->maxPrimary, 37);
    EXPECT_EQ(history->boundaries(), (QList<int>{11, 21, 30}));
    EXPECT_TRUE(history->source.contains(QStringLiteral("04-48")));
    EXPECT_FALSE(history->source.contains(QStringLiteral("вторичный")));
    EXPECT_EQ(history->markFor(10), 2);
    EXPECT_EQ(history->markFor(29), 4);
    EXPECT_EQ(history->markFor(30), 5);
    // letter 21.02.2023 № 04-57: математика 0–7, 8–14, 15–21, 22–31, geometry at least 2
    const MarkScale *math =
        findScale(*loaded, ProcedureKind::OGE, 2023, 9, QStringLiteral("Математика"));
    ASSERT_NE(math, nullptr);
    EXPECT_EQ(math->maxPrimary, 31);
    EXPECT_EQ(math->boundaries(), (QList<int>{8, 15, 22}));
    EXPECT_TRUE(math->extraCondition.contains(QStringLiteral("геометрии")));
    EXPECT_TRUE(math->source.contains(QStringLiteral("04-57")));
    EXPECT_TRUE(math->source.contains(QStringLiteral("вторичный источник")));
    // the 2024 math letter names only the «3» boundary in the text we have: 4 and 5 unknown
    const MarkScale *math24 =
        findScale(*loaded, ProcedureKind::OGE, 2024, 9, QStringLiteral("Математика"));
    ASSERT_NE(math24, nullptr);
    EXPECT_EQ(math24->boundaries(), (QList<int>{8, 0, 0}));
    const MarkScale *russian =
        findScale(*loaded, ProcedureKind::OGE, 2023, 9, QStringLiteral("Русский язык"));
    ASSERT_NE(russian, nullptr);
    EXPECT_EQ(russian->boundaries(), (QList<int>{15, 23, 29}));
    // letter 14.02.2022 № 04-36 (retold): русский язык 0–14, 15–22, 23–28, 29–33; физика only «3»
    const MarkScale *russian22 =
        findScale(*loaded, ProcedureKind::OGE, 2022, 9, QStringLiteral("Русский язык"));
    ASSERT_NE(russian22, nullptr);
    EXPECT_EQ(russian22->maxPrimary, 33);
    EXPECT_EQ(russian22->boundaries(), (QList<int>{15, 23, 29}));
    const MarkScale *physics22 =
        findScale(*loaded, ProcedureKind::OGE, 2022, 9, QStringLiteral("Физика"));
    ASSERT_NE(physics22, nullptr);
    EXPECT_EQ(physics22->boundaries(), (QList<int>{11, 0, 0}));
    // letter 25.02.2026 № 02-20 (retold, two pages agree): русский язык 37 — 15 / 26 / 33,
    // математика 31 — 8 / 15 / 22 with geometry
    const MarkScale *russian26 =
        findScale(*loaded, ProcedureKind::OGE, 2026, 9, QStringLiteral("Русский язык"));
    ASSERT_NE(russian26, nullptr);
    EXPECT_EQ(russian26->maxPrimary, 37);
    EXPECT_EQ(russian26->boundaries(), (QList<int>{15, 26, 33}));
    EXPECT_TRUE(russian26->source.contains(QStringLiteral("02-20")));
    const MarkScale *math26 =
        findScale(*loaded, ProcedureKind::OGE, 2026, 9, QStringLiteral("Математика"));
    ASSERT_NE(math26, nullptr);
    EXPECT_EQ(math26->boundaries(), (QList<int>{8, 15, 22}));
    EXPECT_TRUE(math26->extraCondition.contains(QStringLiteral("геометри")));
    // ЕГЭ minimum test scores
    const MarkScale *profile =
        findScale(*loaded, ProcedureKind::EGE, 0, 11, QStringLiteral("Математика (профиль)"));
    ASSERT_NE(profile, nullptr);
    EXPECT_EQ(profile->minTestScore, 27);
    const MarkScale *social =
        findScale(*loaded, ProcedureKind::EGE, 0, 11, QStringLiteral("Обществознание"));
    ASSERT_NE(social, nullptr);
    EXPECT_EQ(social->minTestScore, 42);
}

TEST(OfficialMarkScales, BadRowsAreRefusedWithRowAndColumn) {
    struct Case {
        QByteArray row;
        int column;
        const char *words;
    };
    const Case cases[] = {
        {"ОГЭ;2024;9;История;37;11;30;21;;0;письмо;нет\n", 8, "не больше предыдущей"},
        {"ОГЭ;2024;9;История;37;11;21;38;;0;письмо;нет\n", 8, "больше максимального"},
        {"ОГЭ;2024;9;История;37;11;21;30;;0;;нет\n", 11, "не указан источник"},
        {"ОГЭ;2024;9;История;37;11;21;30;;0;письмо;может быть\n", 12, "«да» или «нет»"},
        {"ОГЭ;2024;9;История;37;11;21;0;;0;письмо;нет\n", 8, "только одна"},
        {"ГВЭ;2024;9;История;37;11;21;30;;0;письмо;нет\n", 1, "неизвестная процедура"},
        {"ОГЭ;2024;9;История;37;11;два;30;;0;письмо;нет\n", 7, "не целое"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.row.toStdString());
        const auto r =
            OfficialMarkScales::parse("# comment\n" + kHeading + c.row, QStringLiteral("x.csv"));
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().row, 3);
        EXPECT_EQ(r.error().column, c.column);
        EXPECT_TRUE(r.error().message.contains(QString::fromUtf8(c.words)))
            << r.error().message.toStdString();
    }
    const QByteArray good = "ОГЭ;2024;9;История;37;11;21;30;;0;письмо;нет\n";
    const auto twice = OfficialMarkScales::parse(kHeading + good + good, QStringLiteral("x.csv"));
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().row, 3);
    EXPECT_TRUE(twice.error().message.contains(QStringLiteral("вторая строка")));
    const auto once = OfficialMarkScales::parse(kHeading + good, QStringLiteral("x.csv"));
    ASSERT_TRUE(once);
    ASSERT_EQ(once->size(), 1);
    EXPECT_EQ(once->at(0).boundaries(), (QList<int>{11, 21, 30}));
    const auto fields =
        OfficialMarkScales::parse(kHeading + "ОГЭ;2024;9\n", QStringLiteral("x.csv"));
    ASSERT_FALSE(fields);
    EXPECT_EQ(fields.error().row, 2);
}
