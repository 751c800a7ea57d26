// Imports a flat results CSV of N per-participant rows (20 task columns) into a fresh database and
// prints rows/s and peak memory; in the same run times `sqlite3 DB ".import --csv FILE t"` of the
// same CSV (a plain copy into an unindexed table of text columns, the baseline).
// Usage: bench_results_import [rows=1000000] [work-dir=/tmp/bench_results_import]
#include "objectivity/io/formats/CsvReader.h"
#include "objectivity/io/results/FlatResultsFormat.h"
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <cstdio>
#include <sys/resource.h>

using namespace objectivity;

namespace {

long peakKb(int who) {
    rusage u{};
    getrusage(who, &u);
    return u.ru_maxrss;
}

// User + system CPU seconds (the machine may be shared: CPU time is steadier than wall time).
double cpuSeconds(int who) {
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// 10 ВПР procedures (grades 4–8, Russian and mathematics) × 500 schools × rows/5000 participants.
void writeCsv(const QString &path, const QString &tasksPath, int rows) {
    const QStringList subjects = {QStringLiteral("Русский язык"), QStringLiteral("Математика")};
    constexpr int kSchools = 500;
    constexpr int kTasks = io::FlatResultsFormat::kTaskColumns;
    {
        QFile f(tasksPath);
        f.open(QIODevice::WriteOnly);
        QTextStream t(&f);
        t << "Год,Процедура,Параллель,Предмет,Номер,Метка,Макс. балл,Уровень\n";
        for (int g = 4; g <= 8; ++g)
            for (const QString &s : subjects)
                for (int i = 1; i <= kTasks; ++i)
                    t << "2024,ВПР," << g << ',' << s << ',' << i << ',' << i << ','
                      << (i % 3 == 0 ? 2 : 1) << ',' << (i > 15 ? "П" : "Б") << '\n';
    }
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    QTextStream out(&f);
    out << io::FlatResultsFormat::header().join(QLatin1Char(',')) << '\n';
    const int perUnit = std::max(1, rows / (kSchools * 10));
    int written = 0;
    quint32 rng = 12345;
    auto next = [&rng]() {
        rng = rng * 1664525u + 1013904223u;
        return rng >> 8;
    };
    for (int school = 0; school < kSchools && written < rows; ++school) {
        const QString login = QStringLiteral("edu%1").arg(50000 + school);
        const QString head =
            QStringLiteral(",%1,%2,МБОУ СОШ № %3,СОШ,%4,")
                .arg(QStringLiteral("Район %1").arg(school % 40 + 1), login)
                .arg(school + 1)
                .arg(school % 3 == 0 ? QStringLiteral("село") : QStringLiteral("город"));
        for (int g = 4; g <= 8; ++g)
            for (const QString &subject : subjects)
                for (int p = 0; p < perUnit && written < rows; ++p, ++written) {
                    QString line = QStringLiteral("2024,ВПР,%1,%2").arg(g).arg(subject) + head;
                    line += QString::number(g) + QChar(u'А' + p % 4) + QLatin1Char(',');
                    line += QStringLiteral("%1-%2,")
                                .arg(g * 100 + p / 1000)
                                .arg(p % 1000, 4, 10, QLatin1Char('0'));
                    line += QString::number(1 + next() % 2) + QLatin1Char(',');
                    int sum = 0;
                    for (int i = 1; i <= kTasks; ++i) {
                        const int max = i % 3 == 0 ? 2 : 1;
                        const quint32 r = next() % 20;
                        if (r == 0) {
                            line += QStringLiteral("X,");
                        } else {
                            const int v = int(r % (max + 1));
                            sum += v;
                            line += QString::number(v) + QLatin1Char(',');
                        }
                    }
                    const int mark = sum < 8 ? 2 : sum < 15 ? 3 : sum < 21 ? 4 : 5;
                    line += QStringLiteral("%1,%2,,%3,четверть,,\n")
                                .arg(sum)
                                .arg(mark)
                                .arg(std::min(5, mark + int(next() % 2)));
                    out << line;
                }
    }
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 1000000;
    const QString dir =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("/tmp/bench_results_import");
    QDir().mkpath(dir);
    const QString csv = QDir(dir).filePath(QStringLiteral("flat.csv"));
    const QString tasks = QDir(dir).filePath(QStringLiteral("tasks.csv"));
    const QString dbPath = QDir(dir).filePath(QStringLiteral("bench.sqlite"));
    const QString rawDb = QDir(dir).filePath(QStringLiteral("sqlite3_import.sqlite"));

    QElapsedTimer t;
    t.start();
    writeCsv(csv, tasks, rows);
    std::printf("CSV: %d rows, %.1f MB, written in %.1f s\n", rows,
                double(QFileInfo(csv).size()) / 1e6, double(t.elapsed()) / 1000.0);

    const QStringList stale = {dbPath, rawDb, dbPath + QStringLiteral("-wal"),
                               dbPath + QStringLiteral("-shm")};
    for (const QString &p : stale)
        QFile::remove(p);
    // Reading alone, for the record: how much of the import is the CSV reader.
    {
        t.restart();
        std::unique_ptr<io::CsvReader> reader;
        if (auto e = io::CsvReader::open(csv, &reader)) {
            std::fprintf(stderr, "%s\n", qPrintable(e->toString()));
            return 1;
        }
        QStringList fields;
        qint64 n = 0;
        while (reader->readRecord(fields))
            ++n;
        std::printf("CsvReader alone: %lld records in %.2f s\n", static_cast<long long>(n),
                    double(t.nsecsElapsed()) / 1e9);
    }
    // sqlite3 first, while this process is small: a child's peak RSS counts the pages it shares
    // with this process before exec.
    t.restart();
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {rawDb, QStringLiteral(".import --csv %1 t").arg(csv)});
    if (!sqlite.waitForFinished(600000) || sqlite.exitCode() != 0) {
        std::fprintf(stderr, "sqlite3 .import failed: %s\n",
                     sqlite.readAllStandardError().constData());
        return 1;
    }
    const double baseline = double(t.nsecsElapsed()) / 1e9;
    const double baselineCpu = cpuSeconds(RUSAGE_CHILDREN);
    std::printf(
        "sqlite3 .import --csv: %d rows in %.2f s = %.0f rows/s (CPU %.2f s); peak RSS %.0f "
        "MB\n",
        rows, baseline, rows / baseline, baselineCpu, double(peakKb(RUSAGE_CHILDREN)) / 1024.0);
    const long rssBefore = peakKb(RUSAGE_SELF);
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    t.restart();
    auto db = storage::Database::open(dbPath);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    io::ResultsImporter importer(**db);
    io::ResultsImporter::Options options;
    options.layout = io::ResultsImporter::Layout::Flat;
    auto summary = importer.importFile(csv, options);
    const double ours = double(t.nsecsElapsed()) / 1e9;
    const double oursCpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    if (!summary) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(summary.error().toString()));
        return 1;
    }
    std::printf(
        "objectivity import: %d rows in %.2f s = %.0f rows/s (CPU %.2f s); warnings %d; peak RSS "
        "%.0f MB (%.0f MB before the import)\n",
        summary->rows, ours, summary->rows / ours, oursCpu, summary->warningCount,
        double(peakKb(RUSAGE_SELF)) / 1024.0, double(rssBefore) / 1024.0);

    std::printf("ratio objectivity / sqlite3: wall %.2f, CPU %.2f\n", ours / baseline,
                oursCpu / baselineCpu);
    return 0;
}
