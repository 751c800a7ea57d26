// Which measures of a municipal plan are addressed to the schools: the owners and texts of the
// seeds (001 — the plan of the Rubtsovsk department; 000 — a school plan with «Администрация ОО»).
#include "objectivity/core/plan/SchoolAddressees.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

Measure measure(const QString &text, const QStringList &owners) {
    Measure m;
    m.text = text;
    m.owners = owners;
    return m;
}

} // namespace

TEST(SchoolAddresseesTest, OwnersThatNameTheSchools) {
    for (const char *owner :
         {"Руководители ОУ", "руководители ОУ", "руководители ОО", "Администрация ОО",
          "Заместители руководителей ОУ", "Руководители ОУ Организация и проведение ГИА",
          "общеобразовательные организации", "Общеобразовательные учреждения", "школы",
          "Директора МБОУ", "администрация СОШ", "образовательные организации"})
        EXPECT_TRUE(SchoolAddressees::isSchoolOwner(QString::fromUtf8(owner))) << owner;
}

TEST(SchoolAddresseesTest, DepartmentPeopleAndBodiesAreNotSchools) {
    for (const char *owner : {"Шашок А.В.", "Михайлюк Е.И.", "Вафина И.А. Михайлок Е.И.",
                              "Запругаев Р. А.", "руководители ММО", "Ответственные", "",
                              "руководители школьных и муниципальных методических объединений",
                              "МКУ «Управление образования» г. Рубцовска", "учителя предметники",
                              "Руководители ШМО", "Педагог-психолог"})
        EXPECT_FALSE(SchoolAddressees::isSchoolOwner(QString::fromUtf8(owner))) << owner;
}

TEST(SchoolAddresseesTest, MeasuresOfTheMunicipalSeed) {
    // 3.6: a specialist and the schools → addressed; 3.10: department only → not.
    EXPECT_TRUE(SchoolAddressees::addressedToSchools(
        measure(QStringLiteral("Организация независимого наблюдения за ходом проведения ВПР в ОУ"),
                {QStringLiteral("Михайлюк Е.И."), QStringLiteral("руководители ОУ")})));
    EXPECT_FALSE(SchoolAddressees::addressedToSchools(
        measure(QStringLiteral("Перепроверка работ в ОУ с объективными результатами ВПР"),
                {QStringLiteral("Вафина И.А."), QStringLiteral("Михайлюк Е.И.")})));
    // «в ОУ города» in the text is where, not who: the department's own measure.
    EXPECT_FALSE(SchoolAddressees::addressedToSchools(measure(
        QStringLiteral("Организация проведения ГИА, ВПР по соответствующим предметам в ОУ города"),
        {QStringLiteral("Шашок А.В.")})));
    // 2.3 continued: no owner, the text names the schools as the doers.
    const Measure actualise =
        measure(QStringLiteral("Актуализация общеобразовательными учреждениями с необъективными "
                               "результатами ВПР в 2022 году плана по повышению объективности"),
                {});
    EXPECT_TRUE(SchoolAddressees::addressedToSchools(actualise));
    EXPECT_EQ(SchoolAddressees::schoolOwners(actualise),
              QStringList{QStringLiteral("Руководители ОУ")});
}

TEST(SchoolAddresseesTest, SchoolOwnersDropTheDepartmentsPeople) {
    const Measure m = measure(QStringLiteral("Контроль за своевременной загрузкой результатов"),
                              {QStringLiteral("Михайлюк Е.И."), QStringLiteral("руководители ОУ"),
                               QStringLiteral("руководители ММО")});
    EXPECT_EQ(SchoolAddressees::schoolOwners(m), QStringList{QStringLiteral("руководители ОУ")});
    EXPECT_TRUE(SchoolAddressees::schoolOwners(measure(QStringLiteral("x"), {})).isEmpty());
}
