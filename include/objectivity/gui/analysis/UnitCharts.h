#pragma once
#include "objectivity/gui/analysis/UnitCardData.h"

#include <QString>

class QChart;

namespace objectivity::gui {

// The charts of the unit card, built from UnitCardData: each with a Russian title, axis titles, a
// legend and the sentence to put under it. A chart that has nothing to show is nullptr with the
// reason as its hint.
class UnitCharts {
public:
    struct Chart {
        QChart *chart = nullptr; // the caller takes ownership
        QString hint;
    };
    // (a) shares of participants by primary score, school against the other schools, with a
    // vertical line at each mark boundary (x = boundary − 0.5: left of it the lower mark).
    static Chart distribution(const UnitCardData &data);
    // (b) понизили / подтвердили / повысили: the school, its municipality, the region.
    static Chart journal(const UnitCardData &data);
    // (c) completion of each task, school against the other schools, easiest task (by the
    // region) first; the level (Б/П/В) in the task's label where known.
    static Chart tasks(const UnitCardData &data);
    // (d) the school's standardised position in every procedure, by year; ВПР, ОГЭ and ЕГЭ apart.
    static Chart positions(const UnitCardData &data);
    // (e) the medallists' ЕГЭ scores against the thresholds of core::MedalRules.
    static Chart medals(const UnitCardData &data);

    // Order of the tasks in `tasks`: indexes sorted by the region's completion, highest first.
    static QList<int> taskOrder(const core::UnitMetrics &region);
};

} // namespace objectivity::gui
