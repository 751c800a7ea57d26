// A comma inside one owner's description is not a separator: «органы местного самоуправления,
// осуществляющие управление в сфере образования» is one entry (issue 13); commas between people
// and organisations still separate them.
#include "objectivity/core/plan/OwnerSplitter.h"

#include <gtest/gtest.h>

using objectivity::core::OwnerSplitter;

TEST(OwnerSplitterComma, ParticipleAfterACommaDescribesTheEntryBefore) {
    const QString organs = QStringLiteral(
        "органы местного самоуправления, осуществляющие управление в сфере образования");
    EXPECT_EQ(OwnerSplitter::split(organs), QStringList{organs});
    EXPECT_EQ(OwnerSplitter::split(organs + QStringLiteral(", руководители ОО")),
              (QStringList{organs, QStringLiteral("руководители ОО")}));
    EXPECT_EQ(OwnerSplitter::split(QStringLiteral("учителя, работающие в 4 классах; Иванова А.А.")),
              (QStringList{QStringLiteral("учителя, работающие в 4 классах"),
                           QStringLiteral("Иванова А.А.")}));
    EXPECT_EQ(OwnerSplitter::split(QStringLiteral("педагоги, которые проверяют работы")),
              QStringList{QStringLiteral("педагоги, которые проверяют работы")});
}

TEST(OwnerSplitterComma, PeopleNamedByAParticipleStaySeparate) {
    EXPECT_EQ(OwnerSplitter::split(QStringLiteral("Директор, заведующий библиотекой")),
              (QStringList{QStringLiteral("Директор"), QStringLiteral("заведующий библиотекой")}));
    EXPECT_EQ(OwnerSplitter::split(QStringLiteral("Классные руководители, обучающиеся 9 классов")),
              (QStringList{QStringLiteral("Классные руководители"),
                           QStringLiteral("обучающиеся 9 классов")}));
    EXPECT_EQ(OwnerSplitter::split(QStringLiteral("Шашок А.В., Вафина И.А.")),
              (QStringList{QStringLiteral("Шашок А.В."), QStringLiteral("Вафина И.А.")}));
}
