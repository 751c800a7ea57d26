#include "BenchDatabase.h"
#include "common/PeakMemory.h"

#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;

namespace objectivity::bench {

namespace {

// Passes the region on with the strong honest schools recorded as ordinary СОШ: then only their
// own ГИА can keep high_results_unconfirmed off them (the гимназия/лицей exemption does not apply).
class StrongAsOrdinarySink : public RegionSink {
public:
    explicit StrongAsOrdinarySink(RegionSink &inner) : m_inner(inner) {}
    void unit(const GeneratedSchool &school, const GeneratedProcedure &procedure,
              const QList<ParticipantResult> &rows) override {
        GeneratedSchool copy = school;
        if (copy.strong)
            copy.school.kind = SchoolKind::Sosh;
        m_inner.unit(copy, procedure, rows);
    }
    bool cancelled() const override { return m_inner.cancelled(); }

private:
    RegionSink &m_inner;
};

} // namespace

// --set key=value, as `analyze --set` (for trying thresholds)
QStringList &settingOverrides() {
    static QStringList list;
    return list;
}

// Writes the region into a new database at `path` through storage, as one transaction.
bool writeDatabase(const GeneratorOptions &o, const QString &path, qint64 *rows,
                   bool strongAsOrdinary) {
    QFile::remove(path);
    auto db = storage::Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return false;
    }
    storage::GeneratedRegionWriter writer(**db, QStringLiteral("generated seed %1").arg(o.seed));
    const core::Status s = (*db)->transaction([&]() -> core::Status {
        StrongAsOrdinarySink disguised(writer);
        if (strongAsOrdinary)
            RegionGenerator(o).run(disguised);
        else
            RegionGenerator(o).run(writer);
        return writer.finish();
    });
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
        return false;
    }
    *rows = writer.rows();
    return true;
}

namespace {

// A copy of the database at `path` named with `suffix` in place of «.sqlite», opened; null (the
// reason printed) on failure.
std::unique_ptr<storage::Database> openCopy(const QString &path, const QString &suffix,
                                            QString *copy) {
    *copy = QString(path).replace(QStringLiteral(".sqlite"), suffix);
    QFile::remove(*copy);
    if (!QFile::copy(path, *copy)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(path));
        return nullptr;
    }
    auto db = storage::Database::open(*copy);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return nullptr;
    }
    return std::move(db).value();
}

} // namespace

QString withShiftedScales(const QString &path, int shift) {
    QString copy;
    const auto db = openCopy(path, QStringLiteral("-scale%1.sqlite").arg(shift), &copy);
    if (!db)
        return {};
    QSqlQuery q(db->connection());
    // only rows that stay a scale: «3» < «4» < «5» <= the maximum
    q.prepare(QStringLiteral("UPDATE mark_scales SET min_for_4 = min_for_4 + ?, min_for_5 = "
                             "min_for_5 + ? WHERE kind <> 'ЕГЭ' AND min_for_5 > 0 AND min_for_5 + "
                             "? <= max_primary AND min_for_4 + ? > min_for_3"));
    for (int i = 0; i < 4; ++i)
        q.addBindValue(shift);
    if (!q.exec()) {
        std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
        return {};
    }
    return copy;
}

QString withoutTaskFields(const QString &path, const QStringList &fields) {
    QString copy;
    const auto db = openCopy(path, QStringLiteral("-no%1.sqlite").arg(fields.join(u'-')), &copy);
    if (!db)
        return {};
    QSqlQuery read(db->connection()), write(db->connection());
    if (!read.exec(QStringLiteral("SELECT id, tasks FROM procedures"))) {
        std::fprintf(stderr, "%s\n", qPrintable(read.lastError().text()));
        return {};
    }
    write.prepare(QStringLiteral("UPDATE procedures SET tasks = ? WHERE id = ?"));
    while (read.next()) {
        QJsonArray tasks = QJsonDocument::fromJson(read.value(1).toString().toUtf8()).array();
        for (auto t : tasks) {
            QJsonObject o = t.toObject();
            for (const QString &f : fields) {
                if (f == QLatin1String("max"))
                    o.insert(f, 0);
                else
                    o.remove(f);
            }
            t = o;
        }
        write.addBindValue(QString::fromUtf8(QJsonDocument(tasks).toJson(QJsonDocument::Compact)));
        write.addBindValue(read.value(0));
        if (!write.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(write.lastError().text()));
            return {};
        }
    }
    return copy;
}

namespace {

// A copy of the database at `path` named with `suffix`, changed by one SQL statement; its path,
// empty on failure.
QString changedCopy(const QString &path, const QString &suffix, const QString &statement) {
    QString copy;
    const auto db = openCopy(path, suffix, &copy);
    if (!db)
        return {};
    QSqlQuery q(db->connection());
    if (!q.exec(statement)) {
        std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
        return {};
    }
    return copy;
}

} // namespace

QString withoutUserScales(const QString &path) {
    return changedCopy(path, QStringLiteral("-noscale.sqlite"),
                       QStringLiteral("DELETE FROM mark_scales WHERE id IN (SELECT scale_id FROM "
                                      "mark_scale_user_rows)"));
}

QString withoutWorkMarks(const QString &path) {
    return changedCopy(path, QStringLiteral("-nomark.sqlite"),
                       QStringLiteral("UPDATE participants SET mark = NULL WHERE procedure_id IN "
                                      "(SELECT id FROM procedures WHERE kind <> 'ЕГЭ')"));
}

// year,kind,grade,subject,school,manipulation — for looking at the units outside the benchmark
void writePlanted(const SimulatedRegion &plan, const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    for (const PlantedManipulation &m : plan.planted())
        f.write(QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                    .arg(m.year)
                    .arg(procedureKindCode(m.kind), QString::number(m.grade), m.subject,
                         m.schoolCode, manipulationCode(m.manipulation))
                    .toUtf8());
}

// What `objectivity-cli analyze` does: open the database, load the thresholds, read, analyse.
std::optional<AnalysisReport> analyze(const QString &path, qint64 *participants, qint64 *readMs,
                                      qint64 *totalMs, std::optional<AnalysisDataset> *keepData,
                                      AnalysisSettings *keepSettings, long *readPeakKb) {
    QElapsedTimer t;
    t.start();
    auto db = storage::Database::open(path, storage::Database::OpenFor::Reading);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return std::nullopt;
    }
    auto settings = storage::AnalysisSettingsRepository((*db)->connection()).load();
    for (const QString &s : settingOverrides())
        if (settings)
            settings->setFromText(s, nullptr);
    auto data = storage::AnalysisDataReader::read((*db)->connection());
    if (!settings || !data) {
        std::fprintf(stderr, "%s\n",
                     qPrintable((!settings ? settings.error() : data.error()).toString()));
        return std::nullopt;
    }
    *readMs = t.elapsed();
    if (readPeakKb)
        *readPeakKb = peakRssKb();
    *participants = data->participantCount();
    AnalysisReport report = AnalysisEngine::run(*data, *settings);
    *totalMs = t.elapsed();
    if (keepData)
        *keepData = std::move(*data);
    if (keepSettings)
        *keepSettings = *settings;
    return report;
}

int analyzeOnly(const QString &path) {
    qint64 participants = 0, readMs = 0, totalMs = 0;
    long readPeakKb = -1;
    QElapsedTimer t;
    t.start();
    const auto report =
        analyze(path, &participants, &readMs, &totalMs, nullptr, nullptr, &readPeakKb);
    if (!report)
        return 1;
    // as `analyze --json` prints it
    const QByteArray json = QJsonDocument(report->toJson(true)).toJson(QJsonDocument::Indented);
    const qint64 allMs = t.elapsed();
    std::printf("  participants %lld, units %lld, flagged units %lld, JSON %lld KB\n",
                static_cast<long long>(participants), static_cast<long long>(report->units.size()),
                static_cast<long long>(report->flaggedUnits().size()),
                static_cast<long long>(json.size() / 1024));
    std::printf(
        "  | open + settings + read SQLite | analyse | JSON | total | peak RSS (VmHWM): read | "
        "end |\n");
    std::printf("  | %26lld ms | %4lld ms | %2lld ms | %lld ms | %ld kB | %s |\n",
                static_cast<long long>(readMs), static_cast<long long>(totalMs - readMs),
                static_cast<long long>(allMs - totalMs), static_cast<long long>(allMs), readPeakKb,
                qPrintable(peakRssText()));
    return 0;
}

} // namespace objectivity::bench
