#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"

#include <QString>

namespace objectivity::core {

// The Russian name of a criterion for tables and reports («Лёгкие задания хуже, сложные лучше»);
// the code itself when it is unknown.
QString criterionTitle(const QString &code);

// A finding's name where one unit has several of a criterion: the title and the part tested
// («Скопление баллов у границ отметок, граница «3»», «Много «понизили» (журнал выше), класс 5А»).
// The window, the Excel book and the справка name a finding the same way.
QString findingTitle(const CriterionFinding &f);

} // namespace objectivity::core
