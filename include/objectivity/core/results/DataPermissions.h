#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Role.h"
#include "objectivity/core/results/DataAction.h"

#include <optional>

namespace objectivity::core {

// Who may change results data and the analysis: the only place with these rules (storage asks
// here where the write starts, so the CLI and the GUI get the same refusal).
//
// администратор — everything; специалист муниципалитета — loads results and the official list,
// changes the analysis settings (removing or replacing a load and the mark scales stay with the
// administrator); заместитель директора and директор — none (they read). `role` is std::nullopt
// for a database without accounts: everything is allowed, as before accounts existed.
class DataPermissions {
public:
    static bool roleAllows(Role role, DataAction action);
    static Status check(std::optional<Role> role, DataAction action);
};

} // namespace objectivity::core
