#pragma once
#include "objectivity/core/results/MarkScale.h"

#include <QList>

#include <optional>

namespace objectivity::core {

// Which stored scale the analysis uses for a procedure, and a Russian note that says so.
// The year's own scale (when its maximum agrees with the procedure's); else the scale of the
// nearest year of the same subject whose maximum primary score is the same (the structure of the
// work did not change; on a tie the later year); else a scale whose year is not stated, again
// only with the same maximum (or, without a maximum, one that gives only a minimum test score).
// A scale of another structure is never used: its boundaries would be wrong.
class MarkScaleChooser {
public:
    struct Choice {
        MarkScale scale;
        QString note; // «официальная шкала ОГЭ 2024 (источник: …)»
    };
    static std::optional<Choice> choose(ProcedureKind kind, int year, int grade,
                                        const QString &subject, int maxPrimary,
                                        const QList<MarkScale> &scales);
};

} // namespace objectivity::core
