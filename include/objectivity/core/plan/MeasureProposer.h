#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/common/AcademicPeriod.h"
#include "objectivity/core/plan/MeasureProposal.h"
#include "objectivity/core/plan/MeasureTemplate.h"

#include <QList>

namespace objectivity::core {

// From the analysis to the school's plan: the measures its templates give for the school's
// flagged findings. Pure functions.
class MeasureProposer {
public:
    // The measures for every flagged finding of the school (of `year` when it is not 0), in the
    // order of the report's units and the templates' positions. Several findings of one criterion
    // in one unit (bunching at two boundaries) give its measures once. Deadlines are interpreted
    // against `period`.
    static QList<MeasureProposal> propose(const AnalysisReport &report, const QString &schoolCode,
                                          const QList<MeasureTemplate> &templates, int year,
                                          const AcademicPeriod &period);
    // The measures of one finding (the GUI's «Добавить меры» on one flag).
    static QList<MeasureProposal> proposeFor(const FindingRef &finding, const QString &schoolName,
                                             const QList<MeasureTemplate> &templates,
                                             const AcademicPeriod &period);
    // The template's text with the finding's placeholders filled in.
    static QString fill(const QString &pattern, const FindingRef &finding,
                        const QString &schoolName = QString());
    // The subject after «по», lower case: «математике», «русскому языку», «истории».
    static QString subjectDative(const QString &subject);
    // «Меры по результатам анализа объективности 2024».
    static QString sectionTitle(int year);
    // The academic year that follows the assessment of `year` (ВПР 2024 → 2024/25).
    static AcademicPeriod periodAfter(int year) { return AcademicPeriod::academicYear(year); }
};

} // namespace objectivity::core
