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

// True for a criterion that checks a rule rather than tests a probability: medals_unsupported
// (each medalist against the rules of the year; its p is 0 or 1 by convention, methodology §3.7).
bool checksARule(const QString &code);

// A p or q of the finding as tables show it: «по правилу» for a rule check, «—» when not tested,
// «< 0,0001», else four decimals («0,0213»).
QString probabilityText(const CriterionFinding &f, double value);

} // namespace objectivity::core
