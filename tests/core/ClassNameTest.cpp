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

TEST(ClassName, TheClassLetterIsWhatStaysFromGradeToGrade) {
    using objectivity::core::classLetter;
    EXPECT_EQ(classLetter(u"5Б", 5), QStringLiteral("Б"));
    EXPECT_EQ(classLetter(u"6Б", 6), QStringLiteral("Б")); // 5Б a year later: the same class
    EXPECT_EQ(classLetter(u"11А", 11), QStringLiteral("А"));
    EXPECT_EQ(classLetter(u"10-1", 10), QStringLiteral("1"));
    EXPECT_EQ(classLetter(u"1А", 11), QStringLiteral("1А"));  // «1» is not grade 11
    EXPECT_EQ(classLetter(u"11А", 1), QStringLiteral("11А")); // nor «11А» a class of grade 1
    EXPECT_EQ(classLetter(u"Б", 5), QStringLiteral("Б"));     // the letter alone
    EXPECT_EQ(classLetter(u"5Б", 6), QStringLiteral("5Б"));   // listed under another grade
    EXPECT_EQ(classLetter(u"5", 5), QStringLiteral("5"));     // nothing after the grade
}
