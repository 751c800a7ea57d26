#include "SeedTable.h"
#include "TestSupport.h"

#include "objectivity/core/plan/OwnerSplitter.h"

#include <gtest/gtest.h>

#include <set>

using namespace objectivity::core;
using namespace Qt::StringLiterals;
using objectivity::test::seedMeasureRows;
using objectivity::test::seedPath;

namespace {

struct OwnerCase {
    QString cell;
    QStringList entries;
};

// Every owners cell of the seeds (rows whose owners cell is separate from the expected result).
const QList<OwnerCase> kSeedOwners = {
    // 000
    {u"Администрация ОО"_s, {u"Администрация ОО"_s}},
    {u"Администрация ОО Руководители ШМО"_s, {u"Администрация ОО"_s, u"Руководители ШМО"_s}},
    {u"Администрация Руководители ШМО"_s, {u"Администрация"_s, u"Руководители ШМО"_s}},
    {u"Администрация ОО Классные руководители"_s,
     {u"Администрация ОО"_s, u"Классные руководители"_s}},
    {u"Заместитель руководителя по УВР"_s, {u"Заместитель руководителя по УВР"_s}},
    {u"Администрация ОО Педагог-психолог"_s, {u"Администрация ОО"_s, u"Педагог-психолог"_s}},
    {u"Администрация ОО Руководители ПМО"_s, {u"Администрация ОО"_s, u"Руководители ПМО"_s}},
    // 001
    {u"Шашок А.В."_s, {u"Шашок А.В."_s}},
    {u"Заместители руководителей ОУ, учителя предметники, руководители школьных и муниципальных "
     u"методических объединений"_s,
     {u"Заместители руководителей ОУ"_s, u"учителя предметники"_s,
      u"руководители школьных и муниципальных методических объединений"_s}},
    {u"Заместители руководителей ОУ"_s, {u"Заместители руководителей ОУ"_s}},
    {u"Шашок А.В., руководители ОУ"_s, {u"Шашок А.В."_s, u"руководители ОУ"_s}},
    {u"Шашок А.В., Запругаев Р.А., Вафина И.А., Михайлюк Е.И., руководители ОУ"_s,
     {u"Шашок А.В."_s, u"Запругаев Р.А."_s, u"Вафина И.А."_s, u"Михайлюк Е.И."_s,
      u"руководители ОУ"_s}},
    {u"Вафина И.А., Михайлюк Е.И., руководители ОУ"_s,
     {u"Вафина И.А."_s, u"Михайлюк Е.И."_s, u"руководители ОУ"_s}},
    {u"Руководители ОУ"_s, {u"Руководители ОУ"_s}},
    {u"Шашок А.В., Вафина И.А."_s, {u"Шашок А.В."_s, u"Вафина И.А."_s}},
    {u"Вафина И.А. Михайлок Е.И."_s, {u"Вафина И.А."_s, u"Михайлок Е.И."_s}},
    {u"Михайлюк Е.И."_s, {u"Михайлюк Е.И."_s}},
    {u"Михайлюк Е.И., руководители ОУ"_s, {u"Михайлюк Е.И."_s, u"руководители ОУ"_s}},
    {u"Вафина И.А., Михайлюк Е.И."_s, {u"Вафина И.А."_s, u"Михайлюк Е.И."_s}},
    {u"Руководители ОУ, руководители ММО"_s, {u"Руководители ОУ"_s, u"руководители ММО"_s}},
    {u"Шашок А.В., Вафина И.А., Михайлок Е.И."_s,
     {u"Шашок А.В."_s, u"Вафина И.А."_s, u"Михайлок Е.И."_s}},
    {u"Вафина И.А., Михайлок Е.И."_s, {u"Вафина И.А."_s, u"Михайлок Е.И."_s}},
    {u"Запругаев Р. А."_s, {u"Запругаев Р.А."_s}},
    // 002
    {u"Директор"_s, {u"Директор"_s}},
    {u"Зам. директора"_s, {u"Зам. директора"_s}},
    {u"Руководители школьных МО"_s, {u"Руководители школьных МО"_s}},
    {u"классные руководители"_s, {u"классные руководители"_s}},
    {u"Руководители РМО"_s, {u"Руководители РМО"_s}},
    {u"Зам. директора учителя-предметники"_s, {u"Зам. директора"_s, u"учителя-предметники"_s}},
    {u"Технический специалист"_s, {u"Технический специалист"_s}},
    {u"Учителя-предметники"_s, {u"Учителя-предметники"_s}},
    {u"Зам.директора"_s, {u"Зам. директора"_s}},
    {u"Зам. директора, классные руководители"_s, {u"Зам. директора"_s, u"классные руководители"_s}},
    {u"Психолог"_s, {u"Психолог"_s}},
    {u"Зам. директора классные руководители"_s, {u"Зам. директора"_s, u"классные руководители"_s}},
    {u"Классные руководители, учителя-предметники"_s,
     {u"Классные руководители"_s, u"учителя-предметники"_s}},
    {u"Зам. директора ответственный за ведение школьного сайта"_s,
     {u"Зам. директора"_s, u"ответственный за ведение школьного сайта"_s}},
};

} // namespace

TEST(OwnerSplitter, EveryOwnerCellOfTheSeeds) {
    std::set<QString> inSeeds;
    for (const QString &prefix : {u"000"_s, u"001"_s, u"002"_s}) {
        const QString path = seedPath(prefix);
        OBJ_REQUIRE_SHARED(path, "seed " + prefix.toStdString());
        for (const QStringList &cells : seedMeasureRows(path)) {
            // Seed 000: № | measure | owners | deadline. Seeds 001/002: № | measure | deadline |
            // owners | result; rows with four cells there have owners and result merged by the
            // PDF extraction (the importer separates them), so they are not owner cells.
            if (prefix == u"000"_s)
                inSeeds.insert(cells[2].trimmed());
            else if (cells.size() >= 5 && !cells[3].trimmed().isEmpty())
                inSeeds.insert(cells[3].trimmed());
        }
    }
    std::set<QString> inTable;
    for (const auto &c : kSeedOwners)
        inTable.insert(c.cell);
    EXPECT_EQ(inSeeds, inTable);

    for (const auto &c : kSeedOwners)
        EXPECT_EQ(OwnerSplitter::split(c.cell), c.entries) << c.cell.toStdString();
}

TEST(OwnerSplitter, SeparatorsTrimEmptyAndDuplicates) {
    EXPECT_EQ(OwnerSplitter::split(u"  Шашок А.В.;\nВафина И.А. ,, ; Шашок А.В. "_s),
              (QStringList{u"Шашок А.В."_s, u"Вафина И.А."_s}));
    EXPECT_TRUE(OwnerSplitter::split(u" , ;\n"_s).isEmpty());
    EXPECT_TRUE(OwnerSplitter::split(QString()).isEmpty());
    EXPECT_EQ(OwnerSplitter::split(u"Руководители ОУ\r\nруководители ОУ"_s),
              (QStringList{u"Руководители ОУ"_s}));
}

TEST(OwnerSplitter, InitialsBeforeAndAfterTheName) {
    EXPECT_EQ(OwnerSplitter::split(u"А.А. Мищерин Н.С. Сазонова"_s),
              (QStringList{u"А.А. Мищерин"_s, u"Н.С. Сазонова"_s}));
    EXPECT_EQ(OwnerSplitter::split(u"Директор Иванов И. И."_s),
              (QStringList{u"Директор Иванов И.И."_s}));
    EXPECT_EQ(OwnerSplitter::split(u"Вафина И.А. руководители ОУ"_s),
              (QStringList{u"Вафина И.А."_s, u"руководители ОУ"_s}));
}

TEST(OwnerSplitter, ConjunctionBetweenRoles) {
    EXPECT_EQ(OwnerSplitter::split(u"Учителя-предметники и классные руководители"_s),
              (QStringList{u"Учителя-предметники"_s, u"классные руководители"_s}));
    // "и" inside one role is kept.
    EXPECT_EQ(OwnerSplitter::split(u"руководители школьных и муниципальных объединений"_s),
              (QStringList{u"руководители школьных и муниципальных объединений"_s}));
    // A role head after a preposition does not start an entry.
    EXPECT_EQ(OwnerSplitter::split(u"Ответственный за работу с учителя"_s).size(), 1);
}

TEST(OwnerSplitter, RolesWithNamesAndTypicalSchoolCells) {
    EXPECT_EQ(OwnerSplitter::split(u"Заместитель директора по УВР Иванова И.И."_s),
              (QStringList{u"Заместитель директора по УВР Иванова И.И."_s}));
    EXPECT_EQ(OwnerSplitter::split(
                  u"Зам. директора по УВР Петрова А.А. Классные руководители 4-8 классов"_s),
              (QStringList{u"Зам. директора по УВР Петрова А.А."_s,
                           u"Классные руководители 4-8 классов"_s}));
    EXPECT_EQ(OwnerSplitter::split(u"Социальный педагог Педагог-психолог"_s),
              (QStringList{u"Социальный педагог"_s, u"Педагог-психолог"_s}));
    EXPECT_EQ(OwnerSplitter::split(u"Руководитель ШМО учителей начальных классов"_s).size(), 1);
    EXPECT_EQ(OwnerSplitter::split(u"Председатель и члены экспертной комиссии"_s).size(), 1);
    EXPECT_EQ(OwnerSplitter::split(u"Иванов И.И. Петров П.П. Сидорова С.С."_s).size(), 3);
    EXPECT_EQ(
        OwnerSplitter::split(u"Администрация ОО Руководители ШМО Классные руководители"_s),
        (QStringList{u"Администрация ОО"_s, u"Руководители ШМО"_s, u"Классные руководители"_s}));
}
