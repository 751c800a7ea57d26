#pragma once
#include "objectivity/core/common/AcademicPeriod.h"
#include "objectivity/core/plan/Deadline.h"

namespace objectivity::core {

// Interprets Russian free-text deadlines ("Август-сентябрь ежегодно", "до 09.02.2024",
// "В течение учебного года", "По отдельному графику") against a plan's academic period.
// A pure function: the same text and period always give the same Deadline; the text is kept.
class DeadlineParser {
public:
    static Deadline parse(const QString &text, const AcademicPeriod &period);
};

} // namespace objectivity::core
