#include "objectivity/core/common/MessageText.h"

#include <QString>

#include <gtest/gtest.h>

using objectivity::core::shortenAtWord;
using namespace Qt::StringLiterals;

TEST(ShortenAtWord, ShortTextStaysWholeOnOneLine) {
    EXPECT_EQ(shortenAtWord(u"План  мероприятий\nна 2024 год"_s, 80),
              u"План мероприятий на 2024 год");
    EXPECT_EQ(shortenAtWord(QString(), 10), QString());
}

TEST(ShortenAtWord, LongTextEndsAfterAWholeWordWithAnEllipsis) {
    const QString title = u"План мероприятий, направленный на обеспечение объективности проведения "
                          u"оценочных процедур в общеобразовательных организациях"_s;
    // 80 characters end inside «оценочных»: the caption ends after «проведения»
    const QString cut = shortenAtWord(title, 80);
    EXPECT_EQ(cut, u"План мероприятий, направленный на обеспечение объективности проведения…");
    EXPECT_LE(cut.size(), 80);
    // a comma before the cut is not left hanging before «…»
    EXPECT_EQ(shortenAtWord(u"План мероприятий, направленный"_s, 20), u"План мероприятий…");
}

TEST(ShortenAtWord, OneLongWordIsCutWhereItStands) {
    EXPECT_EQ(shortenAtWord(u"Общеобразовательная"_s, 8), u"Общеобр…");
    // a space too near the start would leave a stub: «ab…»; the word is cut instead
    EXPECT_EQ(shortenAtWord(u"ab Общеобразовательная"_s, 8), u"ab Обще…");
}
