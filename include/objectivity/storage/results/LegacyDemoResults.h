#pragma once
#include "objectivity/core/common/Result.h"

#include <QString>

namespace objectivity::storage {

class Database;

// Demo results that versions before issue 11 wrote into every new database: one import with a
// known file name, 53,245 rows of made-up schools under real municipality names and real logins.
// Finds them and removes them with the schools they leave without results, in one transaction.
class LegacyDemoResults {
public:
    explicit LegacyDemoResults(Database &db) : m_db(db) {}

    struct Found {
        qint64 importId = 0; // 0: none
        int rows = 0;
        int schools = 0;
    };
    // The import named `fileName` (the demo's import name), if any.
    core::Result<Found> find(const QString &fileName) const;
    // Deletes the import and its participants, then every school left without participants (the
    // demo's schools; a school of the user's has results). Procedures and scales stay.
    core::Status remove(qint64 importId);

private:
    Database &m_db;
};

} // namespace objectivity::storage
