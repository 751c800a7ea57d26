#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/results/ResultsImporter.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace objectivity::storage {
class Database;
}

namespace objectivity::io {

// Imports an official list of schools with signs of non-objective results (CSV or XLSX) in one
// transaction: columns «Год», «Логин», «Муниципалитет», «ОО» (the school's name), marker columns
// named like «4 РУ» / «5 МА» and «Количество маркеров». A blank marker cell and 0 both mean "no
// marker". A row that repeats an earlier row exactly (the published lists have such repeats) is
// reported and stored once. The same file imported again is detected by its content hash.
class FlaggedListImporter {
public:
    struct Summary {
        qint64 importId = 0;
        int rows = 0;    // data rows read
        int stored = 0;  // rows written (new ones)
        int repeats = 0; // exact repeats of an earlier row of the file or of a stored list
        QMap<int, int> rowsPerYear;
        QMap<int, int> schoolsPerYear; // distinct logins per year
        int distinctSchools = 0;
        int inAllYears = 0; // logins listed in every year of the file
        bool skipped = false;
        bool replaced = false;
        QStringList warnings; // repeats («строка 300 повторяет строку 12») and doubtful cells
    };

    explicit FlaggedListImporter(storage::Database &db) : m_db(db) {}
    core::Result<Summary>
    importFile(const QString &path,
               ResultsImporter::OnRepeat onRepeat = ResultsImporter::OnRepeat::Fail);

private:
    storage::Database &m_db;
};

} // namespace objectivity::io
