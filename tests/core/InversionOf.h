#pragma once
// The difficulty_inversion finding of a school's unit in a report of one procedure (a test
// failure, and an empty finding, when there is none).
#include "objectivity/core/analysis/AnalysisReport.h"

#include <gtest/gtest.h>

namespace objectivity::test {

inline const core::CriterionFinding &inversionOf(const core::AnalysisReport &report,
                                                 const QString &school) {
    for (const auto &u : report.units)
        if (u.schoolCode == school)
            for (const auto &f : u.findings)
                if (f.code == QString::fromUtf16(core::criterion::DifficultyInversion))
                    return f;
    static const core::CriterionFinding none;
    ADD_FAILURE() << "no difficulty_inversion finding for " << school.toStdString();
    return none;
}

} // namespace objectivity::test
