#include "objectivity/core/plan/PlanNumbering.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;
using Style = PlanNumbering::Style;
using SS = PlanNumbering::SectionStyle;
using MS = PlanNumbering::MeasureStyle;

namespace {

struct SectionSpec {
    QString number;
    QStringList measures;
};

Plan makePlan(const QList<SectionSpec> &spec) {
    Plan plan;
    int n = 0;
    for (const auto &s : spec) {
        Section section;
        section.number = s.number;
        section.title = u"Раздел "_s + s.number;
        for (const QString &m : s.measures) {
            Measure measure;
            measure.number = m;
            measure.text = u"Мероприятие %1"_s.arg(++n);
            section.measures.append(measure);
        }
        plan.sections.append(section);
    }
    return plan;
}

QStringList numbers(const Section &s) {
    QStringList out;
    for (const auto &m : s.measures)
        out << m.number;
    return out;
}

QStringList hier(int section, int count, bool dot = true) {
    QStringList out;
    for (int i = 1; i <= count; ++i)
        out << u"%1.%2"_s.arg(section).arg(i) + (dot ? u"."_s : QString());
    return out;
}

// Seed 000: sections "1." … "5.", measures "1.1." …, with one "3.14" written without the dot.
Plan seed000() {
    QStringList s3 = hier(3, 13);
    s3 << u"3.14"_s << u"3.15."_s;
    return makePlan({{u"1."_s, hier(1, 7)},
                     {u"2."_s, hier(2, 4)},
                     {u"3."_s, s3},
                     {u"4."_s, hier(4, 5)},
                     {u"5."_s, hier(5, 6)}});
}

// Seed 001: Roman sections with «У.» (Cyrillic) for V, measures "1.1.".
Plan seed001() {
    return makePlan({{u"I."_s, hier(1, 3)},
                     {u"II."_s, hier(2, 6)},
                     {u"III."_s, hier(3, 11)},
                     {u"IV."_s, hier(4, 2)},
                     {u"У."_s, hier(5, 4)},
                     {u"VI."_s, hier(6, 3)},
                     {u"VII."_s, hier(7, 4)},
                     {u"VIII."_s, hier(8, 4)}});
}

// Seed 002: sections "1." … "5.", measures numbered per section, "1" and "1." mixed.
Plan seed002() {
    return makePlan({{u"1."_s, {u"1"_s, u"2"_s, u"3"_s, u"4"_s}},
                     {u"2."_s, {u"1."_s, u"2."_s, u"3."_s, u"4."_s, u"5."_s, u"6."_s, u"7."_s}},
                     {u"3."_s, {u"1."_s, u"2."_s, u"3."_s, u"4."_s, u"5"_s, u"6"_s}},
                     {u"4."_s, {u"1"_s, u"2"_s, u"3."_s, u"4."_s, u"5."_s, u"6."_s, u"7."_s}},
                     {u"5."_s, {u"1."_s, u"2"_s}}});
}

} // namespace

TEST(PlanNumbering, StyleOfOneNumber) {
    EXPECT_EQ(PlanNumbering::sectionStyleOf(u"1."_s), SS::ArabicDot);
    EXPECT_EQ(PlanNumbering::sectionStyleOf(u"1"_s), SS::ArabicBare);
    EXPECT_EQ(PlanNumbering::sectionStyleOf(u"VIII."_s), SS::Roman);
    EXPECT_EQ(PlanNumbering::sectionStyleOf(u"У."_s), SS::Roman);
    EXPECT_EQ(PlanNumbering::sectionStyleOf(u"Х"_s), SS::Roman);
    EXPECT_EQ(PlanNumbering::sectionStyleOf(u"Раздел"_s), std::nullopt);
    EXPECT_EQ(PlanNumbering::sectionStyleOf(QString()), std::nullopt);
    EXPECT_EQ(PlanNumbering::measureStyleOf(u"1.1."_s), MS::HierarchicalDot);
    EXPECT_EQ(PlanNumbering::measureStyleOf(u"3.14"_s), MS::Hierarchical);
    EXPECT_EQ(PlanNumbering::measureStyleOf(u"5."_s), MS::FlatDot);
    EXPECT_EQ(PlanNumbering::measureStyleOf(u" 5 "_s), MS::FlatBare);
    EXPECT_EQ(PlanNumbering::measureStyleOf(u"------"_s), std::nullopt);
}

TEST(PlanNumbering, RomanNumeralsWithCyrillicLookAlikes) {
    EXPECT_EQ(PlanNumbering::romanValue(u"VIII"_s), 8);
    EXPECT_EQ(PlanNumbering::romanValue(u"У"_s), 5);            // Cyrillic U for V
    EXPECT_EQ(PlanNumbering::romanValue(u"\u0406\u0406"_s), 2); // Cyrillic І
    EXPECT_EQ(PlanNumbering::romanValue(u"Х\u0406"_s), 11);     // Cyrillic Х
    EXPECT_EQ(PlanNumbering::romanValue(u"IIII"_s), 0);
    EXPECT_EQ(PlanNumbering::romanValue(u"VX"_s), 0);
    EXPECT_EQ(PlanNumbering::romanValue(u"1"_s), 0);
    EXPECT_EQ(PlanNumbering::toRoman(14), u"XIV"_s);
    EXPECT_EQ(PlanNumbering::toRoman(1994), u"MCMXCIV"_s);
    for (int i = 1; i < 60; ++i)
        EXPECT_EQ(PlanNumbering::romanValue(PlanNumbering::toRoman(i)), i);
}

TEST(PlanNumbering, DetectsTheSeedStyles) {
    EXPECT_EQ(PlanNumbering::detect(seed000()), (Style{SS::ArabicDot, MS::HierarchicalDot}));
    EXPECT_EQ(PlanNumbering::detect(seed001()), (Style{SS::Roman, MS::HierarchicalDot}));
    // 002: 17 dotted and 9 bare per-section numbers → flat with a dot.
    EXPECT_EQ(PlanNumbering::detect(seed002()), (Style{SS::ArabicDot, MS::FlatDot}));
    EXPECT_EQ(PlanNumbering::detectSection(seed002().sections[0]), MS::FlatBare);
    EXPECT_EQ(PlanNumbering::detectSection(seed002().sections[2]), MS::FlatDot);
    EXPECT_EQ(PlanNumbering::detect(Plan{}), (Style{SS::ArabicDot, MS::HierarchicalDot}));
}

TEST(PlanNumbering, RenumbersSeed000AfterRemovingAndAdding) {
    Plan plan = seed000();
    plan.sections[0].measures.removeAt(2);       // 1.3. removed
    plan.sections[2].measures.append(Measure{}); // a new measure without a number at the end
    plan.sections[3].measures.move(4, 0);        // 4.5. moved to the top
    const Plan out = PlanNumbering::renumbered(plan);
    EXPECT_EQ(numbers(out.sections[0]), hier(1, 6));
    EXPECT_EQ(numbers(out.sections[2]), hier(3, 16)); // "3.14" gets its dot
    EXPECT_EQ(numbers(out.sections[3]), hier(4, 5));
    EXPECT_EQ(out.sections[3].measures[0].text, plan.sections[3].measures[0].text);
    EXPECT_EQ(out.sections[4].number, u"5."_s);
    // Nothing but numbers changes.
    Plan back = out;
    for (qsizetype i = 0; i < back.sections.size(); ++i)
        for (qsizetype j = 0; j < back.sections[i].measures.size(); ++j)
            back.sections[i].measures[j].number = plan.sections[i].measures[j].number;
    EXPECT_EQ(back, plan);
}

TEST(PlanNumbering, RenumbersRomanSectionsAndFixesTheCyrillicU) {
    Plan plan = seed001();
    plan.sections.removeAt(1); // section II removed: III becomes II, and so on
    const Plan out = PlanNumbering::renumbered(plan);
    QStringList sections;
    for (const auto &s : out.sections)
        sections << s.number;
    EXPECT_EQ(sections,
              (QStringList{u"I."_s, u"II."_s, u"III."_s, u"IV."_s, u"V."_s, u"VI."_s, u"VII."_s}));
    EXPECT_EQ(numbers(out.sections[1]), hier(2, 11));
    EXPECT_EQ(numbers(out.sections[3]), hier(4, 4)); // was «У.» with 5.1.–5.4.
}

TEST(PlanNumbering, MixedSectionsFollowTheirMajority) {
    Plan plan = seed002();
    Measure added;
    added.text = u"Новое"_s;
    plan.sections[0].measures.insert(1, added);
    const Plan out = PlanNumbering::renumbered(plan);
    EXPECT_EQ(numbers(out.sections[0]), (QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s}));
    EXPECT_EQ(out.sections[0].measures[1].text, u"Новое"_s);
    EXPECT_EQ(numbers(out.sections[2]),
              (QStringList{u"1."_s, u"2."_s, u"3."_s, u"4."_s, u"5."_s, u"6."_s}));
    EXPECT_EQ(numbers(out.sections[3]),
              (QStringList{u"1."_s, u"2."_s, u"3."_s, u"4."_s, u"5."_s, u"6."_s, u"7."_s}));
    // Section 5 has one "1." and one "2": a tie goes to the dotted form.
    EXPECT_EQ(numbers(out.sections[4]), (QStringList{u"1."_s, u"2."_s}));
    // A new empty section takes the plan's majority style.
    plan.sections.append(Section{});
    plan.sections.last().measures.append(Measure{});
    const Plan more = PlanNumbering::renumbered(plan);
    EXPECT_EQ(more.sections.last().number, u"6."_s);
    EXPECT_EQ(more.sections.last().measures[0].number, u"1."_s);
}

TEST(PlanNumbering, RenumberInAGivenStyle) {
    const Plan out = PlanNumbering::renumbered(seed002(), Style{SS::Roman, MS::Hierarchical});
    EXPECT_EQ(out.sections[2].number, u"III."_s);
    EXPECT_EQ(numbers(out.sections[2]), hier(3, 6, false));
    const Plan bare = PlanNumbering::renumbered(seed000(), Style{SS::ArabicBare, MS::FlatBare});
    EXPECT_EQ(bare.sections[1].number, u"2"_s);
    EXPECT_EQ(numbers(bare.sections[1]), (QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s}));
    EXPECT_EQ(PlanNumbering::sectionNumber(3, SS::None), QString());
}

TEST(PlanNumbering, UnnumberedSectionsStayUnnumbered) {
    Plan plan = makePlan({{QString(), {u"1."_s, u"2."_s}}, {QString(), {u"1."_s}}});
    const Plan out = PlanNumbering::renumbered(plan);
    EXPECT_EQ(out.sections[0].number, QString());
    EXPECT_EQ(numbers(out.sections[1]), (QStringList{u"1."_s}));
}

TEST(PlanNumbering, RenumberInPlace) {
    Plan plan = seed001();
    plan.sections.move(0, 2);
    Plan copy = plan;
    PlanNumbering::renumber(copy);
    EXPECT_EQ(copy, PlanNumbering::renumbered(plan));
    EXPECT_EQ(copy.sections[2].number, u"III."_s);
    EXPECT_EQ(copy.sections[2].measures[0].number, u"3.1."_s);
}
