// The region in a SQLite database: writing it through storage, reading it back and analysing it as
// `objectivity-cli analyze` does (also in a child process, --analyze-only), the --set overrides.
#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/simulation/GeneratorOptions.h"
#include "objectivity/simulation/SimulatedRegion.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace objectivity::bench {

// --set key=value, as `analyze --set` (for trying thresholds)
QStringList &settingOverrides();

// Writes the region into a new database at `path` through storage, as one transaction;
// strongAsOrdinary: the strong honest schools recorded as ordinary СОШ.
bool writeDatabase(const simulation::GeneratorOptions &o, const QString &path, qint64 *rows,
                   bool strongAsOrdinary = false);

// A copy of the database at `path` whose stored ВПР/ОГЭ scales give «4» and «5» `shift` points
// later (earlier, below 0) than the marks in it follow (another year's scale, a wrong row): the
// analysis must find the boundaries the marks follow. Returns the copy's path, empty on failure.
QString withShiftedScales(const QString &path, int shift);

// A copy of the database at `path` whose procedures' tasks lack `fields` («level»: Б/П/В; «max»:
// the maxima, stored as 0 as an import without tasks.csv does), as data from a source that does
// not give them; the labels stay. Returns the copy's path, empty on failure.
QString withoutTaskFields(const QString &path, const QStringList &fields);

// A copy of the database at `path` without the scales the generator stored (the user's rows),
// as a region imported through `results import` has: only the official scales shipped with the
// program, the other boundaries inferred from the marks. Returns the copy's path, empty on failure.
QString withoutUserScales(const QString &path);

// A copy of the database at `path` whose ВПР and ОГЭ works have no mark (results that give only
// the scores): the analysis takes the marks from the scale. Returns the copy's path, empty on
// failure.
QString withoutWorkMarks(const QString &path);

// The planted units as CSV (year,kind,grade,subject,school,manipulation).
void writePlanted(const simulation::SimulatedRegion &plan, const QString &path);

// What `objectivity-cli analyze` does: open the database, load the thresholds, read, analyse.
// readPeakKb: the peak resident memory once the data is read (VmHWM).
std::optional<core::AnalysisReport>
analyze(const QString &path, qint64 *participants, qint64 *readMs, qint64 *totalMs,
        std::optional<core::AnalysisDataset> *keepData = nullptr,
        core::AnalysisSettings *keepSettings = nullptr, long *readPeakKb = nullptr);

// The child of the large-database run: analyses `path`, prints the times and the peak memory.
int analyzeOnly(const QString &path);

} // namespace objectivity::bench
