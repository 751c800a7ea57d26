#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/simulation/GeneratorOptions.h"

#include <functional>

namespace objectivity::storage {
class Database;
}

namespace objectivity::io {

// The results of the demonstration database (gui::DemoDatabase, a file of its own, never a user's
// database), so a new user sees ВПР/ОГЭ/ЕГЭ results and the analysis at work at once: a small
// generated region (RegionFilesWriter, fixed seed) with invented municipalities and schools,
// imported with ResultsImporter as a user's flat file would be. The official lists of flagged
// schools stay empty.
class DemoData {
public:
    // 2 municipalities, 40 schools, 2024–2025, every kind of manipulation and two strong schools.
    static simulation::GeneratorOptions options();
    // The invented municipalities of the demo: «Демонстрационный городской округ», «Условный
    // район».
    static QStringList municipalityNames();

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
