#pragma once
// Shared by the plan's undo commands: ids of mergeable commands and resetting database ids of
// rows put back by an undo (their old rows were deleted when the removal was saved).
#include "objectivity/core/plan/Section.h"

namespace objectivity::gui {

enum CommandId { EditMeasureCommandId = 1001, EditSectionTitleCommandId = 1002 };

inline void clearIds(core::Measure &m) {
    m.id = 0;
}
inline void clearIds(core::Section &s) {
    s.id = 0;
    for (auto &m : s.measures)
        m.id = 0;
}

} // namespace objectivity::gui
