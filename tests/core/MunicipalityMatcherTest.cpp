// A department's plan names its municipality in words of another case than the results registry
// («г. Рубцовска» / «г. Рубцовск»); the matcher finds the one municipality meant, and makes no
// guess where the text could mean two (a city and the district of the same name).
#include "objectivity/core/plan/MunicipalityMatcher.h"

#include <gtest/gtest.h>

using objectivity::core::MunicipalityMatcher;
using namespace Qt::StringLiterals;

namespace {
// Municipalities as a registry spells them (Алтайский край, Ставропольский край, Дагестан).
const QStringList kKnown = {
    u"г. Рубцовск"_s,      u"Рубцовский район"_s,  u"Изобильненский городской округ"_s,
    u"г. Барнаул"_s,       u"Калининский район"_s, u"г. Буйнакск"_s,
    u"Буйнакский район"_s, u"г. Махачкала"_s};
} // namespace

TEST(MunicipalityMatcher, FindsTheMunicipalityNamedByTheSeedPlans) {
    // seed 001: the department's name
    EXPECT_EQ(MunicipalityMatcher::match(u"МКУ «Управление образования» г. Рубцовска"_s, kKnown),
              u"г. Рубцовск"_s);
    // seed 000: the title
    EXPECT_EQ(MunicipalityMatcher::match(
                  u"План мероприятий, направленный на обеспечение объективности проведения "
                  "оценочных процедур в общеобразовательных организациях Изобильненского "
                  "городского округа на 2022- 2024 годы"_s,
                  kKnown),
              u"Изобильненский городской округ"_s);
    EXPECT_EQ(MunicipalityMatcher::match(u"Управление образования города Махачкалы"_s, kKnown),
              u"г. Махачкала"_s);
    EXPECT_EQ(
        MunicipalityMatcher::match(u"Отдел образования администрации Буйнакского района"_s, kKnown),
        u"Буйнакский район"_s);
}

TEST(MunicipalityMatcher, NoGuessWhereNothingOrTwoMatch) {
    // seed 002 is a school's plan: «Калиновская» is not «Калининский»
    EXPECT_EQ(MunicipalityMatcher::match(u"МАОУ «Калиновская СОШ»"_s, kKnown), QString());
    EXPECT_EQ(MunicipalityMatcher::match(u"Комитет по образованию"_s, kKnown), QString());
    // «Буйнакска» without a kind: the city or the district
    EXPECT_EQ(MunicipalityMatcher::match(u"Управление образования Буйнакска"_s, kKnown), QString());
    EXPECT_EQ(MunicipalityMatcher::match(u"г. Рубцовска"_s, {}), QString());
    // «округ» alone names no municipality
    EXPECT_FALSE(
        MunicipalityMatcher::names(u"городской округ"_s, u"Изобильненский городской округ"_s));
    EXPECT_TRUE(MunicipalityMatcher::names(u"Изобильненского округа"_s,
                                           u"Изобильненский городской округ"_s));
    // a short common beginning is not the same word
    EXPECT_FALSE(MunicipalityMatcher::names(u"г. Барнаула"_s, u"г. Барабинск"_s));
}
