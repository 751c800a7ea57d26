#pragma once
// The finding of one criterion in a school's unit of one grade, for the engine tests that build a
// region by hand; a test failure (and an empty finding) when there is none.
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QMap>
#include <QStringList>

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

// The codes of the flagged findings of each school (schools without one are absent).
inline QMap<QString, QStringList> flaggedBySchool(const core::AnalysisReport &report) {
    QMap<QString, QStringList> flagged;
    for (const auto &unit : report.units)
        for (const auto &f : unit.flags())
            flagged[unit.schoolCode] << f.code;
    return flagged;
}

} // namespace objectivity::test
