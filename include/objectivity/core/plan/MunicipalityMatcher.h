#pragma once
#include <QString>
#include <QStringList>

namespace objectivity::core {

// Which municipality a department's plan belongs to, when its organization was imported from a
// document without one: the plans say it in words («МКУ «Управление образования» г.
// Рубцовска», «…учреждениях Изобильненского городского округа»), the results registry knows
// the municipalities by their own names («г. Рубцовск», «Изобильненский городской округ»).
// A municipality matches when every proper word of its name (not «город», «район», «округ»…)
// appears in the text in some case form (a common beginning of all but the last two letters,
// at least five). Pure; no guess when none or more than one municipality matches.
class MunicipalityMatcher {
public:
    // The one municipality of `known` named in `text`; empty when none or several are.
    static QString match(const QString &text, const QStringList &known);
    // Whether `text` names `municipality` (as above).
    static bool names(const QString &text, const QString &municipality);
};

} // namespace objectivity::core
