#pragma once
#include "objectivity/simulation/GeneratorOptions.h"
#include "objectivity/core/common/Result.h"

#include <functional>

namespace objectivity::storage {
class Database;
}

namespace objectivity::io {

// The demo region a new database starts with, so a new user sees real-looking ВПР/ОГЭ/ЕГЭ results
// at once: a small generated region (RegionFilesWriter, fixed seed) imported with ResultsImporter,
// as a user's flat file would be. The official lists of flagged schools stay empty.
class DemoData {
public:
    // 2 municipalities, 40 schools, 2024–2025, every kind of manipulation and two strong schools.
    static simulation::GeneratorOptions options();

    struct Summary {
        int rows = 0;
        int schools = 0;
        int procedures = 0;
    };
    // Fills the results tables (one import, one transaction). `progress` (may be empty) gets 0..100
    // and returns false to cancel; then nothing is written.
    static core::Result<Summary> populate(storage::Database &db,
                                          const std::function<bool(int percent)> &progress);
    static core::Result<Summary> populate(storage::Database &db) { return populate(db, {}); }
    // The name the demo import carries in the import log.
    static QString importName();
};

} // namespace objectivity::io
