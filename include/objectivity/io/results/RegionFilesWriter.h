#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/simulation/GeneratorOptions.h"
#include "objectivity/simulation/PlantedManipulation.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace objectivity::io {

// Generates a region (simulation::RegionGenerator) and streams it into a folder:
//   flat.csv          — UTF-8, «;», FlatResultsFormat::header();
//   flat.xlsx         — the same rows (constant-memory libxlsxwriter) while they fit in one sheet;
//   tasks.csv         — «Год;Процедура;Параллель;Предмет;Номер;Метка;Макс. балл;Уровень»;
//   fisoko/YEAR/LOGIN/«ВПР 2024 Математика 5 класс».xlsx — per school and ВПР procedure, the
//                     ФИС ОКО layout (FisOkoWorkbookWriter);
//   ground_truth.csv  — «year,procedure,grade,subject,school_code,manipulation».
// Rows are never held for the whole region: one school's year at a time.
class RegionFilesWriter {
public:
    struct Options {
        bool xlsx = true;
        bool fisoko = true;
        // flat.xlsx is skipped (summary.xlsxSkipped says so) when the rows do not fit; tests lower
        // it.
        qint64 maxSheetRows = 1048575; // data rows under the header in one Excel sheet
        // Called after each school's year with the rows written so far; return false to cancel
        // (write() then returns an error and the folder holds partial files).
        std::function<bool(qint64 rows)> progress;
    };
    struct Summary {
        qint64 rows = 0;
        int units = 0;
        int schools = 0;
        int fisokoWorkbooks = 0; // one per school and ВПР procedure
        QStringList files;       // written, relative to the folder
        QString xlsxSkipped;     // why flat.xlsx was not written, empty when it was
        QList<simulation::PlantedManipulation> planted;
    };

    static core::Result<Summary> write(const simulation::GeneratorOptions &options,
                                       const QString &dir, const Options &how);
    static core::Result<Summary> write(const simulation::GeneratorOptions &options,
                                       const QString &dir) {
        return write(options, dir, Options());
    }
};

} // namespace objectivity::io
