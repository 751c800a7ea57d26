#pragma once
// What a refused save loses, in words: «мероприятие 2.3 — «Сроки»: «Ноябрь 2023»» (private to gui).
#include "objectivity/core/plan/Plan.h"

#include <QString>

namespace objectivity::gui {

class LostEdits {
public:
    // The edits in `mine` that `stored` (the plan as this window last saved it) lacks, as one
    // sentence «Не сохранено: …», or empty when there are none. At most three are named.
    static QString describe(const core::Plan &stored, const core::Plan &mine);
};

} // namespace objectivity::gui
