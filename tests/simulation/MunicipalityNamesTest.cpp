// The generator's municipality names: invented by default, or the caller's (the demo database).
#include "objectivity/simulation/SimulatedRegion.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace objectivity::simulation;

TEST(MunicipalityNames, DefaultNamesAreInventedAndDistinct) {
    GeneratorOptions o;
    o.schools = 60;
    o.municipalities = 22;
    const SimulatedRegion region(o);
    // The districts of Novgorod oblast the generator used to name its made-up schools after.
    const QStringList real = {
        QStringLiteral("Великий Новгород"),   QStringLiteral("Боровичский район"),
        QStringLiteral("Старорусский район"), QStringLiteral("Валдайский район"),
        QStringLiteral("Чудовский район"),    QStringLiteral("Новгородский район"),
        QStringLiteral("Шимский район"),      QStringLiteral("Поддорский район")};
    const QStringList names = region.municipalities();
    ASSERT_EQ(names.size(), 22);
    EXPECT_EQ(QSet<QString>(names.cbegin(), names.cend()).size(), 22);
    EXPECT_EQ(names.first(), QStringLiteral("Условный городской округ"));
    for (const QString &name : names)
        EXPECT_FALSE(real.contains(name)) << qPrintable(name);
}

TEST(MunicipalityNames, CallersNamesAndPrefixAreUsedAndRepeatWithANumber) {
    GeneratorOptions o;
    o.schools = 30;
    o.municipalities = 3;
    o.municipalityNames = {QStringLiteral("Первый округ"), QStringLiteral("Второй район")};
    o.schoolCodePrefix = QStringLiteral("edu000");
    const SimulatedRegion region(o);
    EXPECT_EQ(region.municipalities(),
              (QStringList{QStringLiteral("Первый округ"), QStringLiteral("Второй район"),
                           QStringLiteral("Первый округ 2")}));
    EXPECT_EQ(region.schools().first().school.code, QStringLiteral("edu000001"));
    // Only the names differ: the schools are the same as with the default names.
    GeneratorOptions plain = o;
    plain.municipalityNames.clear();
    plain.schoolCodePrefix = GeneratorOptions().schoolCodePrefix;
    const SimulatedRegion other(plain);
    ASSERT_EQ(other.schools().size(), region.schools().size());
    for (int i = 0; i < region.schools().size(); ++i) {
        EXPECT_EQ(region.schools()[i].school.name, other.schools()[i].school.name);
        EXPECT_EQ(region.schools()[i].cohortSize, other.schools()[i].cohortSize);
        EXPECT_EQ(region.municipalities().indexOf(region.schools()[i].school.municipality),
                  other.municipalities().indexOf(other.schools()[i].school.municipality));
    }
}
