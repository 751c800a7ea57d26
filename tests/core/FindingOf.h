#pragma once
// The finding of one criterion in a school's unit of one grade, for the engine tests that build a
// region by hand; a test failure (and an empty finding) when there is none.
#include "objectivity/core/analysis/AnalysisReport.h"

#include <gtest/gtest.h>

namespace objectivity::test {

inline const core::CriterionFinding &findingOf(const core::AnalysisReport &report,
                                               const QString &school, int grade,
                                               const char16_t *code) {
    for (const auto &u : report.units)
        if (u.schoolCode == school && u.grade == grade)
            for (const auto &f : u.findings)
                if (f.code == QString::fromUtf16(code))
                    return f;
    static const core::CriterionFinding none;
    ADD_FAILURE() << "no finding for " << school.toStdString();
    return none;
}

} // namespace objectivity::test
