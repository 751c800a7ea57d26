#include "objectivity/core/results/ClassName.h"

#include <QString>

#include <gtest/gtest.h>

using objectivity::core::canonicalClassName;

namespace {

std::string canonical(const char16_t *text) {
    return canonicalClassName(QStringView(text)).toStdString();
}

} // namespace

TEST(ClassName, OneClassTypedInTheWaysSchoolsTypeIt) {
    for (const char16_t *typed : {u"5А", u"5а", u" 5 А ", u"5-А", u"5 «А»", u"5\"А\"", u"5 А класс",
                                  u"5А кл.", u"5A", u"5a", u"5 - a", u"5–А"})
        EXPECT_EQ(canonical(typed), "5А") << QStringView(typed).toString().toStdString();
    EXPECT_EQ(canonical(u"5Б"), "5Б"); // no Latin twin: never merged with «5В»
    EXPECT_EQ(canonical(u"5B"), "5В"); // Latin B is drawn as Cyrillic В
    EXPECT_EQ(canonical(u"11 А"), "11А");
    EXPECT_EQ(canonical(u"б"), "Б"); // the letter alone (column «Буква класса»)
}

TEST(ClassName, NumberedClassesKeepTheirNumbersApart) {
    EXPECT_EQ(canonical(u"10-1"), "10-1");
    EXPECT_EQ(canonical(u"10 - 1"), "10-1");
    EXPECT_EQ(canonical(u"10.1"), "10-1");
    EXPECT_NE(canonical(u"1-1"), canonical(u"11"));
}

TEST(ClassName, LatinNamesThatAreNotLookalikesStayLatin) {
    EXPECT_EQ(canonical(u"5IT"), "5IT");
    EXPECT_EQ(canonical(u"7 Cambridge"), "7CAMBRIDGE");
    EXPECT_EQ(canonical(u"5АB"), "5АВ"); // mixed: Cyrillic А and Latin B, one class «5АВ»
}

TEST(ClassName, EmptyStaysEmpty) {
    EXPECT_EQ(canonical(u""), "");
    EXPECT_EQ(canonical(u"  "), "");
}
