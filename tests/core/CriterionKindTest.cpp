// The kind of every criterion (methodology §3.0): only the signs about the ВПР/ГИА results
// themselves list a school «с признаками необъективных результатов»; the teachers' own marks
// against the external marks — the journal on a ВПР and the annual marks on the ОГЭ/ЕГЭ — are
// signs of non-objective current assessment.
#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionFinding.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

CriterionKind kindOf(const char16_t *code) {
    return criterionKind(QString::fromUtf16(code));
}

} // namespace

TEST(CriterionKind, TheResultsSignsDoubtTheResultsThemselves) {
    for (const char16_t *code :
         {criterion::HighResults, criterion::DifficultyInversion, criterion::BoundaryBunching,
          criterion::CohortDrop, criterion::CohortUnconfirmed, criterion::MedalsUnsupported,
          criterion::MarkScaleMismatch, criterion::PersonFit})
        EXPECT_EQ(kindOf(code), CriterionKind::Results) << QString::fromUtf16(code).toStdString();
}

TEST(CriterionKind, TheTeachersOwnMarksAgainstTheExternalOnesAreCurrentAssessment) {
    for (const char16_t *code :
         {criterion::JournalLenient, criterion::JournalStrict, criterion::JournalInflated,
          criterion::JournalScatter, criterion::GiaVsAnnual})
        EXPECT_EQ(kindOf(code), CriterionKind::CurrentAssessment)
            << QString::fromUtf16(code).toStdString();
    // a code that only begins like one is not
    EXPECT_EQ(criterionKind(QStringLiteral("gia_vs_annual_x")), CriterionKind::Results);
    EXPECT_EQ(criterionKindCode(kindOf(criterion::GiaVsAnnual)),
              QStringLiteral("current_assessment"));
}

TEST(CriterionKind, TheMeaningOfCurrentAssessmentNamesBothKindsOfTeachersMarks) {
    const QString meaning = criterionKindMeaning(CriterionKind::CurrentAssessment);
    EXPECT_TRUE(meaning.contains(QStringLiteral("по журналу и годовые"))) << meaning.toStdString();
    EXPECT_TRUE(meaning.contains(QStringLiteral("результаты ВПР/ГИА этим не ставятся под "
                                                "сомнение")));
}
