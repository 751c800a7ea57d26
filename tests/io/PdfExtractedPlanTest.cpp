// A regional plan as text extracted from a PDF (tests/data/plans/region_pdf_extracted.txt, made
// after the one in issue 13): a two-row table header («№ / п/п», «Срок / исполнения»), section
// rows with an empty number cell and the roman number inside the title (the first one with the
// Cyrillic «І»), a section title continued on the next row, owners with a comma inside
// («органы местного самоуправления, осуществляющие управление в сфере образования»), the order
// number written on a blank («№ __1157___») and a converter's leftover «$4, 5-x$».
#include "TestSupport.h"

#include "objectivity/io/plan/PlanImporter.h"

using namespace objectivity;

namespace {
io::PlanImport regionalPlan() {
    auto r = io::PlanImporter::importFile(
        test::sourceFile(QStringLiteral("tests/data/plans/region_pdf_extracted.txt")));
    EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().toString().toStdString());
    return r.ok() ? r.value() : io::PlanImport{};
}

bool anyStartsWith(const QStringList &list, const QString &start) {
    for (const QString &s : list)
        if (s.startsWith(start))
            return true;
    return false;
}
} // namespace

TEST(PdfExtractedPlan, FiveSectionsAndTwelveMeasures) {
    const auto imp = regionalPlan();
    const core::Plan &plan = imp.plan;
    ASSERT_EQ(plan.sections.size(), 5);
    QStringList numbers;
    QList<int> counts;
    for (const auto &s : plan.sections) {
        numbers << s.number;
        counts << int(s.measures.size());
    }
    EXPECT_EQ(numbers,
              (QStringList{QStringLiteral("І."), QStringLiteral("II."), QStringLiteral("III."),
                           QStringLiteral("IV."), QStringLiteral("V.")}));
    EXPECT_EQ(counts, (QList<int>{3, 3, 2, 2, 2}));
    EXPECT_EQ(plan.sections[0].title, QStringLiteral("Организационно-управленческие мероприятия"));
    // The title continued on the next row of the table.
    EXPECT_EQ(plan.sections[1].title,
              QStringLiteral("Обеспечение объективности при проведении Всероссийских проверочных "
                             "работ и региональных диагностических работ"));
    // The second line of the header is part of the headings, not a measure.
    EXPECT_EQ(plan.sections[0].measures.first().number, QStringLiteral("1.1"));
    EXPECT_EQ(plan.columns.size(), 4);
    EXPECT_EQ(plan.columns[2].heading, QStringLiteral("Срок исполнения"));
    EXPECT_TRUE(anyStartsWith(imp.warnings, QStringLiteral("Строка 13: номер раздела «І.»")));
}

TEST(PdfExtractedPlan, OwnerPhraseWithACommaStaysWhole) {
    const auto imp = regionalPlan();
    ASSERT_EQ(imp.plan.sections.size(), 5);
    const QString organs = QStringLiteral(
        "органы местного самоуправления, осуществляющие управление в сфере образования");
    EXPECT_EQ(imp.plan.sections[0].measures[1].owners, QStringList{organs});
    // Split between organisations: still two entries.
    EXPECT_EQ(imp.plan.sections[1].measures[0].owners,
              (QStringList{organs, QStringLiteral("руководители образовательных организаций")}));
    EXPECT_EQ(imp.plan.sections[0].measures[2].owners,
              (QStringList{QStringLiteral("ГАУ ДПО «Институт развития образования»"),
                           QStringLiteral("министерство образования Северокаменской области")}));
}

TEST(PdfExtractedPlan, OrderNumberOnABlankIsKept) {
    const auto imp = regionalPlan();
    EXPECT_EQ(imp.plan.approval.orderNumber, QStringLiteral("1157"));
    EXPECT_EQ(imp.plan.approval.orderDate, QDate(2023, 8, 14));
}

TEST(PdfExtractedPlan, ConverterLeftoverIsWarnedAndKept) {
    const auto imp = regionalPlan();
    ASSERT_EQ(imp.plan.sections.size(), 5);
    EXPECT_TRUE(imp.plan.sections[1].measures[0].text.contains(QStringLiteral("$4, 5-x$")));
    EXPECT_TRUE(
        anyStartsWith(imp.warnings, QStringLiteral("Строка 19: «$4, 5-x$» похоже на остаток "
                                                   "преобразования PDF")))
        << imp.warnings.join(QLatin1Char('\n')).toStdString();
}
