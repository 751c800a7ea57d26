#pragma once
#include "objectivity/simulation/GeneratedProcedure.h"

#include <QList>

namespace objectivity::simulation {

// The procedures of one year of the generated region: ВПР grades 4–8 (Русский язык, Математика,
// grade 4 also Окружающий мир), ОГЭ grade 9 (Русский язык, Математика), ЕГЭ grade 11 (Русский язык,
// Математика (профиль), Обществознание, Физика, Биология). Task sets and scales are realistic:
// the grade-4 Russian and grade-8 scales are those of shared/reference/vpr_scales.tsv, ЕГЭ minimum
// scores those of ege_min_test_scores.tsv; the others are plausible ones of the same shape.
// Difficulties are calibrated so the honest region's marks have realistic shares.
class ProcedureDesigner {
public:
    // taskSpread: SD of a task's difficulty around its level; discriminationScale: a factor on
    // every discrimination (lower = a less reliable test); basicMath: ЕГЭ Математика (база) too
    // (a mark, no test score), last in the list.
    static QList<GeneratedProcedure> proceduresForYear(int year, double taskSpread = 0.3,
                                                       double discriminationScale = 1.0,
                                                       bool basicMath = false);
    // The ЕГЭ primary → test score mapping: monotone, 0 → 0, max → 100, concave like the real ones.
    static QList<int> egeTestScale(int maxPrimary);
};

} // namespace objectivity::simulation
