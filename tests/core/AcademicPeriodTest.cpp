#include "TestSupport.h"

#include "objectivity/core/common/AcademicPeriod.h"

#include <QFile>
#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;
using objectivity::test::seedPath;

namespace {

QString seedText(const QString &prefix) {
    QFile file(seedPath(prefix));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

struct TitleCase {
    QString seed;
    QString title; // as written in the seed (line breaks included)
    AcademicPeriod period;
};

const QList<TitleCase> kTitles = {
    {u"000"_s,
     u"**План мероприятий,\nнаправленный на обеспечение объективности проведения оценочных "
     u"процедур в "
     u"общеобразовательных организациях\nИзобильненского городского округа на 2022- 2024 годы**"_s,
     {2022, 2024}},
    {u"001"_s,
     u"**План мероприятий (Дорожная карта)\nпо повышению объективности проведения оценочных "
     u"процедур и "
     u"профилактики школьной неуспешности в общеобразовательных учреждениях\nг. Рубцовска на "
     u"2023-2024 учебный год**"_s,
     {2023, 2024}},
    // The order above the plan in seed 001.
    {u"001"_s,
     u"Об утверждении плана мероприятий,\nпо профилактике школьной неуспешности\nв 2023- 2024 учебном году"_s,
     {2023, 2024}},
    {u"002"_s,
     u"План мероприятий, направленных на обеспечение объективности результатов знаний обучающихся "
     u"при "
     u"проведении Всероссийских проверочных работ (ВПР) в МАОУ «Калиновская СОШ» в 2023-2024 "
     u"учебном "
     u"году"_s,
     {2023, 2024}},
};

} // namespace

TEST(AcademicPeriod, FromTextOnSeedTitles) {
    for (const auto &c : kTitles) {
        const QString text = seedText(c.seed);
        OBJ_REQUIRE_SHARED(text, "seed " + c.seed.toStdString());
        // The title is taken from the file as written, not retyped.
        ASSERT_TRUE(text.contains(c.title)) << c.title.toStdString();
        EXPECT_EQ(AcademicPeriod::fromText(c.title), c.period) << c.title.toStdString();
    }
}

TEST(AcademicPeriod, FromTextForms) {
    EXPECT_EQ(AcademicPeriod::fromText(u"2023/24"_s), (AcademicPeriod{2023, 2024}));
    EXPECT_EQ(AcademicPeriod::fromText(u"2023/2024 учебный год"_s), (AcademicPeriod{2023, 2024}));
    EXPECT_EQ(AcademicPeriod::fromText(u"в 2022/23, 2023/24 учебных годах"_s),
              (AcademicPeriod{2022, 2024}));
    EXPECT_EQ(AcademicPeriod::fromText(u"в 2023-2024 уч. году"_s), (AcademicPeriod{2023, 2024}));
    EXPECT_EQ(AcademicPeriod::fromText(u"в 2023 2024 учебном году"_s),
              (AcademicPeriod{2023, 2024}));
    EXPECT_EQ(AcademicPeriod::fromText(u"на 2024 год"_s), (AcademicPeriod{2024, 2025}));
    EXPECT_FALSE(AcademicPeriod::fromText(u"План мероприятий"_s).isValid());
    // A reversed pair is no period; the first year alone is read as its academic year.
    EXPECT_EQ(AcademicPeriod::fromText(u"2024-2023"_s), AcademicPeriod::academicYear(2024));
}

TEST(AcademicPeriod, RangeAndDisplay) {
    const AcademicPeriod p{2022, 2024};
    EXPECT_TRUE(p.isValid());
    EXPECT_EQ(p.yearCount(), 2);
    EXPECT_EQ(p.start(), QDate(2022, 9, 1));
    EXPECT_EQ(p.end(), QDate(2024, 8, 31));
    EXPECT_EQ(p.toDisplayString(), u"2022/23–2023/24"_s);
    EXPECT_EQ(AcademicPeriod::academicYear(2023).toDisplayString(), u"2023/24"_s);
    EXPECT_EQ(p.shifted(1), (AcademicPeriod{2023, 2025}));
    EXPECT_EQ(AcademicPeriod::containing(QDate(2024, 8, 31)), AcademicPeriod::academicYear(2023));
    EXPECT_EQ(AcademicPeriod::containing(QDate(2024, 9, 1)), AcademicPeriod::academicYear(2024));
    EXPECT_FALSE(AcademicPeriod::containing(QDate()).isValid());
}
