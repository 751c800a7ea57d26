#pragma once
// Access check for changes of results data and of the analysis (private to storage).
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/DataPermissions.h"

namespace objectivity::storage {

class Database;

class DataAccess {
public:
    // core::DataPermissions with the signed-in account's role; with nobody signed in, allowed only
    // while the database has no accounts.
    static core::Status check(Database &db, core::DataAction action);
};

} // namespace objectivity::storage
