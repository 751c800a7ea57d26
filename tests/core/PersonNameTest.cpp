// Owners as people: position and name from one owner, and the near-duplicate names of the real
// seeds (Михайлок / Михайлюк, Запругаев / Запригаев, Шашок / Шашка in seed 001).
#include "objectivity/core/plan/PersonName.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

TEST(PersonName, PositionAndNameFromOneOwner) {
    const struct {
        const char16_t *owner;
        const char16_t *position;
        const char16_t *name;
    } cases[] = {
        {u"заместитель директора по УВР Иванова И.И.", u"заместитель директора по УВР",
         u"Иванова И.И."},
        {u"Иванова И. И.", u"", u"Иванова И.И."},
        {u"И.И. Иванова", u"", u"Иванова И.И."},
        {u"Михайлок Е.И.", u"", u"Михайлок Е.И."},
        {u"Заместитель начальника МКУ «Управление образования» г. Рубцовска Шашка А.В.",
         u"Заместитель начальника МКУ «Управление образования» г. Рубцовска", u"Шашка А.В."},
        {u"учитель математики – Петров Пётр Петрович", u"учитель математики",
         u"Петров Пётр Петрович"},
        {u"Директор, Сазонова Н.С.", u"Директор", u"Сазонова Н.С."},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(QString::fromUtf16(c.owner).toStdString());
        const PersonName p = PersonName::parse(QString::fromUtf16(c.owner));
        EXPECT_TRUE(p.isPerson());
        EXPECT_EQ(p.position, QString::fromUtf16(c.position));
        EXPECT_EQ(p.name, QString::fromUtf16(c.name));
    }
}

TEST(PersonName, RolesAndOrganisationsAreNotPeople) {
    for (const char16_t *owner :
         {u"Классные руководители", u"Заместитель директора по УВР", u"Администрация ОО",
          u"КАУ ДПО «АИРО имени А.М. Топорова»", u"Учителя-предметники", u"Директор"}) {
        SCOPED_TRACE(QString::fromUtf16(owner).toStdString());
        const PersonName p = PersonName::parse(QString::fromUtf16(owner));
        EXPECT_FALSE(p.isPerson());
        EXPECT_EQ(p.name, QString::fromUtf16(owner));
    }
}

TEST(PersonName, EditDistance) {
    EXPECT_EQ(PersonName::editDistance(u"Михайлок"_s, u"Михайлюк"_s), 1);
    EXPECT_EQ(PersonName::editDistance(u"Шашок"_s, u"Шашка"_s), 2);
    EXPECT_EQ(PersonName::editDistance(u"Семёнова"_s, u"семенова"_s), 0);
    EXPECT_EQ(PersonName::editDistance(QString(), u"абв"_s), 3);
}

TEST(PersonName, NearDuplicatesOfTheSeedOwners) {
    // the owners of seed 001 as the importer gives them, plus the spellings of one name
    const QStringList names{u"Шашок А.В."_s,           u"Вафина И.А."_s,    u"Михайлок Е.И."_s,
                            u"Михайлюк Е.И."_s,        u"Запругаев Р.А."_s, u"Запругаев Р. А."_s,
                            u"Запригаев Р.А."_s,       u"Шашка А.В."_s,     u"Иванова И.И."_s,
                            u"И.И. Иванова"_s,         u"Иванов И.И."_s,    u"Вафина Е.И."_s,
                            u"Классные руководители"_s};
    const auto found = PersonName::nearDuplicates(names);
    QStringList pairs;
    for (const auto &d : found)
        pairs << d.first + u" / "_s + d.second;
    EXPECT_TRUE(pairs.contains(u"Михайлок Е.И. / Михайлюк Е.И."_s))
        << pairs.join(u"; "_s).toStdString();
    EXPECT_TRUE(pairs.contains(u"Запругаев Р.А. / Запругаев Р. А."_s));
    EXPECT_TRUE(pairs.contains(u"Запругаев Р.А. / Запригаев Р.А."_s));
    EXPECT_TRUE(pairs.contains(u"Шашок А.В. / Шашка А.В."_s));
    EXPECT_TRUE(pairs.contains(u"Иванова И.И. / И.И. Иванова"_s));
    // Иванов / Иванова are two people; Вафина И.А. / Вафина Е.И. have other initials
    for (const QString &p : pairs) {
        EXPECT_FALSE(p.contains(u"Иванов И.И."_s)) << p.toStdString();
        EXPECT_FALSE(p.contains(u"Вафина Е.И."_s)) << p.toStdString();
    }
    EXPECT_EQ(found.size(), 6) << pairs.join(u"; "_s).toStdString();
}

TEST(PersonName, RolesDifferingOnlyInCapitals) {
    // seed 001 names both
    const auto found = PersonName::nearDuplicates(
        {u"Руководители ОУ"_s, u"руководители ОУ"_s, u"Заместители руководителей ОУ"_s});
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].first, u"Руководители ОУ"_s);
    EXPECT_EQ(found[0].second, u"руководители ОУ"_s);
}
