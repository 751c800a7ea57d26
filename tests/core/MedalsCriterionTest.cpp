// medals_unsupported: every medallist checked against the rules of the year (core::MedalRules);
// one medallist who does not meet them is a finding with the code and the rule broken.
#include "objectivity/core/analysis/MedalsCriterion.h"
#include "objectivity/core/results/MedalRules.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

struct MedalRegion {
    AnalysisDataset data;
    int russian = 0, social = 0, basicMath = 0;

    explicit MedalRegion(int year) {
        russian = addEge(1, year, QStringLiteral("Русский язык"));
        social = addEge(2, year, QStringLiteral("Обществознание"));
        basicMath = addEge(3, year, QStringLiteral("Математика базовая")); // as a file may name it
        for (int s = 1; s <= 3; ++s) {
            School school;
            school.id = s;
            school.code = QStringLiteral("edu00%1").arg(s);
            school.name = QStringLiteral("Школа %1").arg(s);
            data.addSchool(school);
        }
    }
    int addEge(qint64 id, int year, const QString &subject) {
        Procedure p;
        p.id = id;
        p.kind = ProcedureKind::EGE;
        p.year = year;
        p.grade = 11;
        p.subject = subject;
        p.tasks.append({QStringLiteral("1"), 50, TaskLevel::Basic});
        return data.addProcedure(p);
    }
    // one ЕГЭ row of a participant (score −1: not taken)
    void add(int school, const QString &code, int procedure, int score, Medal medal) {
        if (score < 0)
            return;
        ParticipantRow row;
        row.primary = score / 2.0;
        row.testScore = score;
        row.medal = static_cast<int>(medal);
        data.addParticipant(procedure, school, row, code);
    }
    // a Математика (база) row: a mark, no test score
    void addBasicMath(int school, const QString &code, int mark, Medal medal) {
        ParticipantRow row;
        row.primary = 4 * mark;
        row.mark = mark;
        row.medal = static_cast<int>(medal);
        data.addParticipant(basicMath, school, row, code);
    }
    void medallist(int school, const QString &code, int russianScore, int socialScore,
                   Medal medal = Medal::Gold) {
        add(school, code, russian, russianScore, medal);
        add(school, code, social, socialScore, medal);
    }
    QList<UnitReport> run() {
        data.finish();
        QList<UnitReport> units;
        MedalsCriterion::appendUnits(data, AnalysisSettings(), 0, true, units);
        return units;
    }
};

const UnitReport *unitOf(const QList<UnitReport> &units, const QString &school) {
    for (const auto &u : units)
        if (u.schoolCode == school)
            return &u;
    return nullptr;
}

} // namespace

TEST(MedalRules, NamesTheRuleBroken) {
    const QList<MedalRules::Score> social{{75, 42, QStringLiteral("Обществознание")}};
    EXPECT_TRUE(MedalRules::check(2024, Medal::Gold, 70, social).supported);
    const auto low = MedalRules::check(2024, Medal::Gold, 62, social);
    EXPECT_FALSE(low.supported);
    EXPECT_FALSE(low.missingExam);
    EXPECT_EQ(low.reason,
              QStringLiteral("русский язык 62 балла при пороге 70 для золотой медали 2024 г."));
    // silver needs 60 and 60: 62 in Russian is enough, 59 in the other subject is not
    EXPECT_TRUE(MedalRules::check(2024, Medal::Silver, 62, social).supported);
    const auto other =
        MedalRules::check(2025, Medal::Silver, 80, {{59, 42, QStringLiteral("Обществознание")}});
    EXPECT_FALSE(other.supported);
    EXPECT_EQ(other.reason, QStringLiteral("лучший из других предметов — обществознание, 59 "
                                           "баллов, при пороге 60 для серебряной медали 2025 г."));
    const auto none = MedalRules::check(2024, Medal::Gold, -1, social);
    EXPECT_FALSE(none.supported);
    EXPECT_TRUE(none.missingExam);
    EXPECT_TRUE(MedalRules::check(2024, Medal::Gold, 90, {}).missingExam);
    // 2021–2023: one medal, 70 in Russian and the minimum in every subject
    EXPECT_TRUE(
        MedalRules::check(2022, Medal::Gold, 70, {{42, 42, QStringLiteral("Физика")}}).supported);
    const auto below =
        MedalRules::check(2022, Medal::Gold, 71, {{35, 36, QStringLiteral("Физика")}});
    EXPECT_FALSE(below.supported);
    EXPECT_TRUE(below.reason.startsWith(QStringLiteral("физика — 35 баллов, ниже минимального "
                                                       "балла 36")))
        << below.reason.toStdString();
    EXPECT_EQ(MedalRules::check(2023, Medal::Gold, 69, {}).reason,
              QStringLiteral("русский язык 69 баллов при пороге 70 для медали 2023 г."));
}

TEST(MedalsCriterion, OneUnsupportedMedallistIsAFindingWithItsCodeAndRule) {
    MedalRegion r(2024);
    // school 0: four medallists with 70+/70+, one with Russian 62
    for (int i = 0; i < 4; ++i)
        r.medallist(0, QStringLiteral("10000%1").arg(i), 78, 74);
    r.medallist(0, QStringLiteral("123456"), 62, 81);
    // school 1: three medallists, all supported; school 2: one, supported
    for (int i = 0; i < 3; ++i)
        r.medallist(1, QStringLiteral("20000%1").arg(i), 90, 72);
    r.medallist(2, QStringLiteral("300000"), 70, 70);
    r.add(2, QStringLiteral("300001"), r.russian, 40, Medal::None); // not a medallist
    const QList<UnitReport> units = r.run();
    ASSERT_EQ(units.size(), 3);
    const UnitReport *planted = unitOf(units, QStringLiteral("edu001"));
    ASSERT_NE(planted, nullptr);
    EXPECT_EQ(planted->n, 5);
    ASSERT_EQ(planted->findings.size(), 1);
    const CriterionFinding &f = planted->findings.first();
    EXPECT_TRUE(f.effect);
    EXPECT_EQ(f.pValue, 0.0); // a fact, not a statistic
    EXPECT_EQ(f.participants, QStringList{QStringLiteral("123456")});
    // the fields every criterion carries: the count, against medals.min_count
    EXPECT_EQ(f.statistic, 1);
    EXPECT_EQ(f.effectSize, 1);
    EXPECT_EQ(f.threshold, 1);
    EXPECT_TRUE(f.reason.isEmpty()); // «признак» is written after the correction
    // the rule's text ends with «г.»: one full stop, then the next sentence
    EXPECT_TRUE(f.explanation.contains(QStringLiteral(
        "участник 123456: русский язык 62 балла при пороге 70 для золотой медали 2024 г. Для "
        "сравнения:")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("Из 5 медалистов 2024 г.")));
    // the region's share is context: 0 of the other 4 medallists
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("таких 0 из 4 медалистов")))
        << f.explanation.toStdString();
    for (const QString &code : {QStringLiteral("edu002"), QStringLiteral("edu003")}) {
        const UnitReport *honest = unitOf(units, code);
        ASSERT_NE(honest, nullptr);
        ASSERT_EQ(honest->findings.size(), 1);
        EXPECT_FALSE(honest->findings.first().effect);
        EXPECT_EQ(honest->findings.first().pValue, 1.0);
        EXPECT_TRUE(honest->findings.first().participants.isEmpty());
        EXPECT_EQ(honest->findings.first().statistic, 0);
        EXPECT_EQ(honest->findings.first().reason, QStringLiteral("confirmed"));
        EXPECT_TRUE(honest->findings.first().reasonText.startsWith(
            QStringLiteral("условия медали выполнены у всех медалистов")));
    }
}

TEST(MedalsCriterion, AMedallistWithoutTheRussianExamIsItsOwnCase) {
    MedalRegion r(2024);
    r.medallist(0, QStringLiteral("111111"), 85, 88);
    r.medallist(0, QStringLiteral("222222"), -1, 90); // sat only Обществознание here
    const QList<UnitReport> units = r.run();
    ASSERT_EQ(units.size(), 1);
    const CriterionFinding &f = units.first().findings.first();
    EXPECT_TRUE(f.effect);
    EXPECT_EQ(f.participants, QStringList{QStringLiteral("222222")});
    EXPECT_TRUE(f.explanation.contains(QStringLiteral(
        "участник 222222: нет результата ЕГЭ по русскому языку (для золотой медали 2024 г. нужно "
        "не меньше 70 баллов)")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("Нужного результата ЕГЭ нет в базе у 1")));
}

TEST(MedalsCriterion, TwoUnsupportedSilverMedalsAndTheMinimumCount) {
    MedalRegion r(2025);
    r.medallist(0, QStringLiteral("1"), 65, 61, Medal::Silver); // supported
    r.medallist(0, QStringLiteral("2"), 59, 80, Medal::Silver); // Russian 59 < 60
    r.medallist(0, QStringLiteral("3"), 75, 55, Medal::Silver); // other 55 < 60
    r.data.finish();
    AnalysisSettings settings;
    QList<UnitReport> units;
    MedalsCriterion::appendUnits(r.data, settings, 0, true, units);
    ASSERT_EQ(units.size(), 1);
    EXPECT_EQ(units.first().findings.first().participants.size(), 2);
    EXPECT_TRUE(units.first().findings.first().effect);
    settings.setValue(QStringLiteral("medals.min_count"), 3);
    units.clear();
    MedalsCriterion::appendUnits(r.data, settings, 0, true, units);
    EXPECT_FALSE(units.first().findings.first().effect);
    // two unsupported, below the minimum of 3: not «confirmed», the engine says «below threshold»
    EXPECT_EQ(units.first().findings.first().statistic, 2);
    EXPECT_EQ(units.first().findings.first().threshold, 3);
    EXPECT_TRUE(units.first().findings.first().reason.isEmpty());
}

// Приказ Минпросвещения России от 29.09.2023 № 730: from 2024 a graduate who sat only Русский
// язык and Математика (база) needs «5» in it instead of a second subject at 70 (60 for silver).
TEST(MedalRules, BasicMathFiveStandsForTheSecondSubjectOnlyWithoutElectives) {
    EXPECT_TRUE(MedalRules::check(2024, Medal::Gold, 72, {}, 5).supported);
    EXPECT_TRUE(MedalRules::check(2025, Medal::Silver, 61, {}, 5).supported);
    // Russian still counts
    EXPECT_EQ(MedalRules::check(2024, Medal::Gold, 69, {}, 5).reason,
              QStringLiteral("русский язык 69 баллов при пороге 70 для золотой медали 2024 г."));
    const auto four = MedalRules::check(2024, Medal::Gold, 80, {}, 4);
    EXPECT_FALSE(four.supported);
    EXPECT_FALSE(four.missingExam); // the result is there, it is below the rule
    EXPECT_EQ(four.reason, QStringLiteral("математика базового уровня — отметка «4», а при сдаче "
                                          "только русского языка и базовой математики для "
                                          "золотой медали 2024 г. нужна «5»"));
    // with an elective taken the elective must reach the threshold; «5» in base maths does not
    // replace it, and the reason says so
    const auto elective =
        MedalRules::check(2024, Medal::Gold, 80, {{65, 42, QStringLiteral("Обществознание")}}, 5);
    EXPECT_FALSE(elective.supported);
    EXPECT_TRUE(elective.reason.startsWith(QStringLiteral(
        "лучший из других предметов — обществознание, 65 баллов, при пороге 70 для золотой "
        "медали 2024 г. («5» по базовой математике засчитывается, только если")))
        << elective.reason.toStdString();
    EXPECT_TRUE(MedalRules::check(2024, Medal::Gold, 80, {{71, 42, QStringLiteral("Физика")}}, 5)
                    .supported);
    // neither an elective nor base maths: the data lacks the compulsory maths exam
    const auto none = MedalRules::check(2024, Medal::Gold, 80, {}, 0);
    EXPECT_TRUE(none.missingExam);
    EXPECT_TRUE(none.reason.contains(QStringLiteral("или «5» по математике базового уровня")));
    // 2021–2023: base maths needs its minimum, the mark «3»
    EXPECT_TRUE(MedalRules::check(2023, Medal::Gold, 75, {}, 3).supported);
    const auto two = MedalRules::check(2023, Medal::Gold, 75, {}, 2);
    EXPECT_FALSE(two.supported);
    EXPECT_TRUE(two.reason.startsWith(
        QStringLiteral("математика базового уровня — отметка «2», ниже минимальной «3»")));
}

// The criterion reads the mark of the Математика (база) rows (named as the file names them):
// the gold medallist with Russian 74 and base maths «5» is supported, the one with «4» is not.
TEST(MedalsCriterion, ReadsTheBasicMathMark) {
    MedalRegion r(2024);
    r.add(0, QStringLiteral("500001"), r.russian, 74, Medal::Gold);
    r.addBasicMath(0, QStringLiteral("500001"), 5, Medal::Gold);
    r.add(0, QStringLiteral("500002"), r.russian, 81, Medal::Gold);
    r.addBasicMath(0, QStringLiteral("500002"), 4, Medal::Gold);
    r.add(1, QStringLiteral("600001"), r.russian, 64, Medal::Silver);
    r.addBasicMath(1, QStringLiteral("600001"), 5, Medal::Silver);
    const QList<UnitReport> units = r.run();
    const UnitReport *mixed = unitOf(units, QStringLiteral("edu001"));
    ASSERT_NE(mixed, nullptr);
    const CriterionFinding &f = mixed->findings.first();
    EXPECT_TRUE(f.effect);
    EXPECT_EQ(f.participants, QStringList{QStringLiteral("500002")});
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("участник 500002: математика базового "
                                                      "уровня — отметка «4»")))
        << f.explanation.toStdString();
    const UnitReport *honest = unitOf(units, QStringLiteral("edu002"));
    ASSERT_NE(honest, nullptr);
    EXPECT_FALSE(honest->findings.first().effect);
    EXPECT_EQ(honest->findings.first().reason, QStringLiteral("confirmed"));
}

// The thresholds the unit card draws are the ones check() applies: one point below fails, the
// threshold itself passes (issue 14).
TEST(MedalRulesThresholdsTest, AgreeWithCheck) {
    for (int year : {2022, 2024, 2025})
        for (Medal medal : {Medal::Gold, Medal::Silver}) {
            if (medal == Medal::Silver && !MedalRules::hasSilver(year))
                continue;
            const int t = MedalRules::russianThreshold(year, medal);
            const int other = std::max(MedalRules::otherThreshold(year, medal), 40);
            const QList<MedalRules::Score> others = {{other, 40, QStringLiteral("История")}};
            EXPECT_TRUE(MedalRules::check(year, medal, t, others).supported) << year;
            EXPECT_FALSE(MedalRules::check(year, medal, t - 1, others).supported) << year;
            if (MedalRules::otherThreshold(year, medal) > 0) {
                const QList<MedalRules::Score> low = {{other - 1, 40, QStringLiteral("История")}};
                EXPECT_FALSE(MedalRules::check(year, medal, t, low).supported) << year;
            }
        }
    EXPECT_EQ(MedalRules::russianThreshold(2024, Medal::Gold), 70);
    EXPECT_EQ(MedalRules::russianThreshold(2024, Medal::Silver), 60);
    EXPECT_EQ(MedalRules::otherThreshold(2023, Medal::Gold), 0);
}
