#include "results/DataAccess.h"

#include "SqlSupport.h"
#include "objectivity/storage/AccountRepository.h"

namespace objectivity::storage {

core::Status DataAccess::check(Database &db, core::DataAction action) {
    if (const auto &actor = db.actor())
        return core::DataPermissions::check(actor->role, action);
    auto accounts = AccountRepository(db).count();
    if (!accounts)
        return accounts.error();
    if (*accounts > 0) {
        core::Error e;
        e.message = QStringLiteral("В базе есть учётные записи: чтобы %1, войдите под своей "
                                   "учётной записью.")
                        .arg(core::DataActions::displayName(action));
        return e;
    }
    return {};
}

} // namespace objectivity::storage
