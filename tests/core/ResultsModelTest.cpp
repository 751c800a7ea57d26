#include "objectivity/core/results/MarkScale.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/core/results/ProcedureKind.h"
#include "objectivity/core/results/SchoolKind.h"
#include "objectivity/core/results/SubjectCatalog.h"
#include "objectivity/core/results/TaskInfo.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

TEST(ProcedureKind, CodesRoundTripAndLookalikes) {
    for (ProcedureKind k : {ProcedureKind::VPR, ProcedureKind::OGE, ProcedureKind::EGE}) {
        ProcedureKind back = ProcedureKind::VPR;
        ASSERT_TRUE(procedureKindFromText(procedureKindCode(k), &back));
        EXPECT_EQ(back, k);
    }
    ProcedureKind k = ProcedureKind::VPR;
    EXPECT_TRUE(procedureKindFromText(QStringLiteral(" огэ "), &k));
    EXPECT_EQ(k, ProcedureKind::OGE);
    EXPECT_TRUE(procedureKindFromText(QStringLiteral("ВПP"), &k)); // Latin P
    EXPECT_EQ(k, ProcedureKind::VPR);
    EXPECT_TRUE(procedureKindFromText(QStringLiteral("ГИА-11"), &k));
    EXPECT_EQ(k, ProcedureKind::EGE);
    EXPECT_FALSE(procedureKindFromText(QStringLiteral("НИКО"), &k));
    EXPECT_FALSE(procedureKindFromText(QString(), &k));
}

TEST(SchoolKind, CodesAndFullNames) {
    EXPECT_EQ(schoolKindFromText(QStringLiteral("СОШ")), SchoolKind::Sosh);
    EXPECT_EQ(schoolKindFromText(QStringLiteral("гимназия")), SchoolKind::Gymnasium);
    EXPECT_EQ(schoolKindFromText(QStringLiteral("СОШ с УИОП")), SchoolKind::AdvancedStudy);
    EXPECT_EQ(schoolKindFromText(QStringLiteral(
                  "Муниципальное казённое общеобразовательное учреждение \"Тпигская средняя "
                  "обшеобразовательная школа  \"")),
              SchoolKind::Sosh);
    EXPECT_EQ(schoolKindFromText(QStringLiteral("МБОУ \"Лицей №1\" г. Буйнакска")),
              SchoolKind::Lyceum);
    EXPECT_EQ(schoolKindFromText(QStringLiteral("МБОУ «Гимназия № 13»")), SchoolKind::Gymnasium);
    EXPECT_EQ(schoolKindFromText(QStringLiteral("МКОУ «Хунзахская ООШ»")), SchoolKind::Oosh);
    EXPECT_EQ(schoolKindFromText(QStringLiteral("Средняя школа с углублённым изучением "
                                                "отдельных предметов № 5")),
              SchoolKind::AdvancedStudy);
    EXPECT_EQ(schoolKindFromText(QStringLiteral("Детский сад «Ромашка»")), SchoolKind::Unknown);
    EXPECT_EQ(schoolKindCode(SchoolKind::Unknown), QString());
}

TEST(SubjectCatalog, SynonymsAndDistinctMathLevels) {
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Русский")), QStringLiteral("Русский язык"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("  русский   ЯЗЫК ")),
              QStringLiteral("Русский язык"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Математика (база)")),
              QStringLiteral("Математика (база)"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Математика базового уровня")),
              QStringLiteral("Математика (база)"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("математика профильная")),
              QStringLiteral("Математика (профиль)"));
    EXPECT_TRUE(SubjectCatalog::isBasicMath(QStringLiteral("МАБ")));
    EXPECT_FALSE(SubjectCatalog::isBasicMath(QStringLiteral("Математика (профиль)")));
    EXPECT_FALSE(SubjectCatalog::isBasicMath(QStringLiteral("Математика")));
    EXPECT_NE(SubjectCatalog::canonical(QStringLiteral("Математика (база)")),
              SubjectCatalog::canonical(QStringLiteral("Математика (профиль)")));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Математика")),
              QStringLiteral("Математика"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Английский язык")),
              QStringLiteral("Иностранный язык (английский)"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Окружающий мир")),
              QStringLiteral("Окружающий мир"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Информатика и ИКТ")),
              QStringLiteral("Информатика"));
    EXPECT_EQ(SubjectCatalog::canonical(QStringLiteral("Физкультура")), QString());
    for (const QString &name : SubjectCatalog::canonicalNames())
        EXPECT_EQ(SubjectCatalog::canonical(name), name);
    EXPECT_GE(SubjectCatalog::canonicalNames().size(), 14);
}

TEST(TaskLevel, Codes) {
    EXPECT_EQ(taskLevelFromText(QStringLiteral("Б")), TaskLevel::Basic);
    EXPECT_EQ(taskLevelFromText(QStringLiteral("повышенный")), TaskLevel::Advanced);
    EXPECT_EQ(taskLevelFromText(QStringLiteral("В")), TaskLevel::High);
    EXPECT_EQ(taskLevelFromText(QStringLiteral("?")), TaskLevel::Unknown);
    EXPECT_EQ(taskLevelCode(TaskLevel::Advanced), QStringLiteral("П"));
}

TEST(ParticipantCodes, MedalAndJournalPeriod) {
    Medal m = Medal::None;
    EXPECT_TRUE(medalFromText(QStringLiteral("золото"), 2024, &m));
    EXPECT_EQ(m, Medal::Gold);
    EXPECT_TRUE(medalFromText(QStringLiteral("Серебряная"), 2024, &m));
    EXPECT_EQ(m, Medal::Silver);
    EXPECT_TRUE(medalFromText(QString(), 2024, &m));
    EXPECT_EQ(m, Medal::None);
    EXPECT_FALSE(medalFromText(QStringLiteral("бронза"), 2024, &m));
    EXPECT_EQ(m, Medal::None); // left as it was
}

// A medal without its degree is the only medal before 2024 and is judged by the silver medal's
// (weaker) conditions from 2024; «1»/«2» are the degrees; anything else is refused.
TEST(ParticipantCodes, MedalValuesFollowTheYearsRules) {
    const struct {
        const char16_t *text;
        int year;
        bool ok;
        Medal medal;
    } cases[] = {
        {u"да", 2023, true, Medal::Gold},
        {u"да", 2024, true, Medal::Silver},
        {u"Медаль", 2022, true, Medal::Gold},
        {u"медаль", 2025, true, Medal::Silver},
        {u"ЕСТЬ", 2023, true, Medal::Gold},
        {u"+", 2024, true, Medal::Silver},
        {u"золотая", 2024, true, Medal::Gold},
        {u"серебряная", 2025, true, Medal::Silver},
        {u"1", 2024, true, Medal::Gold},
        {u"1", 2023, true, Medal::Gold},
        {u"2", 2024, true, Medal::Silver},
        {u"медаль I степени", 2024, true, Medal::Gold},
        {u"медаль II степени", 2024, true, Medal::Silver},
        {u"За особые успехи в учении", 2023, true, Medal::Gold},
        {u"нет", 2024, true, Medal::None},
        {u"0", 2023, true, Medal::None},
        {u"бронзовая", 2024, false, Medal::None},
        {u"да!", 2024, false, Medal::None},
        {u"3", 2024, false, Medal::None},
    };
    for (const auto &c : cases) {
        Medal m = Medal::None;
        const QString text = QString::fromUtf16(c.text);
        EXPECT_EQ(medalFromText(text, c.year, &m), c.ok) << text.toStdString() << " " << c.year;
        EXPECT_EQ(m, c.medal) << text.toStdString() << " " << c.year;
    }
    JournalPeriod p = JournalPeriod::Unknown;
    EXPECT_TRUE(journalPeriodFromText(QStringLiteral("полугодие"), &p));
    EXPECT_EQ(p, JournalPeriod::HalfYear);
    EXPECT_TRUE(journalPeriodFromText(QStringLiteral("год"), &p));
    EXPECT_EQ(p, JournalPeriod::Year);
    EXPECT_FALSE(journalPeriodFromText(QStringLiteral("неделя"), &p));
    // as schools write it: the number of the period before its name, «за …»
    const std::pair<const char16_t *, JournalPeriod> written[] = {
        {u"3 четверть", JournalPeriod::Quarter},
        {u"III четверть", JournalPeriod::Quarter},
        {u"за 2-ю четверть", JournalPeriod::Quarter},
        {u"1 триместр", JournalPeriod::Quarter},
        {u"I полугодие", JournalPeriod::HalfYear},
        {u"2 полугодие", JournalPeriod::HalfYear},
        {u"годовая", JournalPeriod::Year},
        {u"за год", JournalPeriod::Year},
        {u"учебный год", JournalPeriod::Year}};
    for (const auto &[text, period] : written) {
        p = JournalPeriod::Unknown;
        EXPECT_TRUE(journalPeriodFromText(QString::fromUtf16(text), &p))
            << QString::fromUtf16(text).toStdString();
        EXPECT_EQ(p, period) << QString::fromUtf16(text).toStdString();
    }
    EXPECT_FALSE(journalPeriodFromText(QStringLiteral("3"), &p));
    EXPECT_EQ(journalPeriodCode(JournalPeriod::Quarter), QStringLiteral("четверть"));
}

TEST(MarkScale, FullAndPartialScales) {
    MarkScale vpr;
    vpr.minFor3 = 10;
    vpr.minFor4 = 16;
    vpr.minFor5 = 21;
    EXPECT_EQ(vpr.markFor(9), 2);
    EXPECT_EQ(vpr.markFor(10), 3);
    EXPECT_EQ(vpr.markFor(20), 4);
    EXPECT_EQ(vpr.markFor(24), 5);
    EXPECT_TRUE(vpr.agrees(15, 3));
    EXPECT_FALSE(vpr.agrees(15, 4));
    MarkScale oge; // only the pass boundary is known
    oge.minFor3 = 15;
    EXPECT_EQ(oge.markFor(14), 2);
    EXPECT_EQ(oge.markFor(30), 0);
    EXPECT_TRUE(oge.agrees(30, 5));
    EXPECT_FALSE(oge.agrees(30, 2));
    EXPECT_FALSE(oge.agrees(10, 3));
    MarkScale ege;
    EXPECT_FALSE(ege.isMarkScale());
    EXPECT_EQ(ege.markFor(10), 0);
}
