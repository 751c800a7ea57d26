#include "objectivity/core/results/SchoolLogin.h"

#include <QString>

#include <gtest/gtest.h>

using objectivity::core::canonicalSchoolLogin;

TEST(SchoolLogin, OneSchoolWhateverTheCaseAndSpaces) {
    EXPECT_EQ(canonicalSchoolLogin(u"edu053001"), u"edu053001");
    EXPECT_EQ(canonicalSchoolLogin(u"EDU053001"), u"edu053001");
    EXPECT_EQ(canonicalSchoolLogin(u" Edu053001\t"), u"edu053001");
    EXPECT_EQ(canonicalSchoolLogin(u"школа 12"), u"школа 12"); // not a ФИС ОКО login: as written
    EXPECT_EQ(canonicalSchoolLogin(u""), u"");
}
