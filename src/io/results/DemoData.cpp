#include "objectivity/io/results/DemoData.h"

#include "objectivity/io/results/RegionFilesWriter.h"
#include "objectivity/io/results/ResultsImporter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>

namespace objectivity::io {

simulation::GeneratorOptions DemoData::options() {
    simulation::GeneratorOptions o;
    o.seed = 2029; // chosen so that every manipulation and two strong schools are present
    o.schools = 40;
    o.municipalities = 2;
    o.firstYear = 2024;
    o.lastYear = 2025;
    // Invented names, and logins of a region code that does not exist (00): the generator's
    // default edu053… are real logins of schools of Dagestan.
    o.municipalityNames = municipalityNames();
    o.schoolCodePrefix = QStringLiteral("edu000");
    return o;
}

QStringList DemoData::municipalityNames() {
    return {QStringLiteral("Демонстрационный городской округ"), QStringLiteral("Условный район")};
}

QString DemoData::importName() {
    return QStringLiteral("Демонстрационные данные (сгенерированы).csv");
}

core::Result<DemoData::Summary>
DemoData::populate(storage::Database &db, const std::function<bool(int percent)> &progress) {
    QTemporaryDir dir;
    if (!dir.isValid()) {
        core::Error e;
        e.message = QStringLiteral("Не удалось создать временную папку для демонстрационных "
                                   "данных (нет места на диске или прав на временную папку)");
        e.details = dir.errorString();
        return e;
    }
    const simulation::GeneratorOptions o = options();
    // Generation is about a third of the work; the rows of the demo region are ~45,000.
    constexpr double kExpectedRows = 45000;
    RegionFilesWriter::Options how;
    how.xlsx = false;
    how.fisoko = false;
    how.progress = [&](qint64 rows) {
        return !progress || progress(std::min(30, int(30 * rows / kExpectedRows)));
    };
    const auto written = RegionFilesWriter::write(o, dir.path(), how);
    if (!written)
        return written.error();
    // The file's name is what the import log shows; tasks.csv stays beside it.
    const QString csv = dir.filePath(importName());
    if (!QFile::rename(dir.filePath(QStringLiteral("flat.csv")), csv)) {
        core::Error e;
        e.file = csv;
        e.message = QStringLiteral("Не удалось подготовить демонстрационные данные");
        return e;
    }
    ResultsImporter::Options importOptions;
    importOptions.layout = ResultsImporter::Layout::Flat;
    importOptions.onRepeat = ResultsImporter::OnRepeat::Skip;
    importOptions.progress = [&](qint64 done, qint64 total) {
        return !progress || progress(30 + int(70 * done / std::max<qint64>(1, total)));
    };
    const auto imported = ResultsImporter(db).importFile(csv, importOptions);
    if (!imported)
        return imported.error();
    if (progress)
        progress(100);
    Summary s;
    s.rows = imported->rows;
    s.schools = imported->schools;
    s.procedures = imported->procedures;
    return s;
}

} // namespace objectivity::io
