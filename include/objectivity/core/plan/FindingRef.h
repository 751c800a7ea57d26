#pragma once
#include "objectivity/core/results/ProcedureKind.h"

#include <QString>

namespace objectivity::core {

// A finding of the analysis as the plan remembers it: by what it is about, not by a row of one
// analysis run (the analysis is recomputed; these fields stay). className is empty for findings
// about a whole grade of the school (every criterion today).
struct FindingRef {
    QString criterion; // criterion:: code
    ProcedureKind procedure = ProcedureKind::VPR;
    int year = 0;
    int grade = 0;
    QString subject; // empty for medals (a school-year matter)
    QString schoolCode;
    QString className;

    // «Скопление баллов у границ отметок, ВПР 2024, математика, 5 класс» (for «Основание: …»).
    QString describe() const;

    friend bool operator==(const FindingRef &, const FindingRef &) = default;
};

} // namespace objectivity::core
