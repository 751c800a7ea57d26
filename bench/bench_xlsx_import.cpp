// The results import of a large .xlsx workbook: what the import dialog does when the file is chosen
// (two previews, each with the layout's detection), what it does after a change of a mapping (one
// preview), and the import itself into a fresh database, with the peak memory after each.
// Usage: bench_xlsx_import FILE.xlsx [work-dir=/tmp/bench_xlsx_import]
// A workbook of a region: objectivity-cli generate --out DIR --schools 30 --no-fisoko
// (DIR/flat.xlsx, ≈42,000 rows, 4.5 MB; tasks.csv beside it).
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <sys/resource.h>

using namespace objectivity;

namespace {

long peakKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_xlsx_import FILE.xlsx [work-dir]\n");
        return 2;
    }
    const QString file = args.at(1);
    const QString dir = args.value(2, QStringLiteral("/tmp/bench_xlsx_import"));
    QDir().mkpath(dir);
    const QString dbPath = QDir(dir).filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(dbPath);
    auto db = storage::Database::open(dbPath);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    io::ResultsImporter importer(**db);
    std::printf("%s: %.1f MB\n", qPrintable(QFileInfo(file).fileName()),
                double(QFileInfo(file).size()) / 1e6);

    QElapsedTimer t;
    t.start();
    auto first = importer.preview(file, {});
    auto second = importer.preview(file, {});
    if (!first || !second) {
        std::fprintf(stderr, "%s\n", qPrintable((first ? second : first).error().toString()));
        return 1;
    }
    std::printf("file chosen (two previews):  %6lld ms, peak RSS %ld kB\n",
                static_cast<long long>(t.elapsed()), peakKb());
    t.restart();
    auto again = importer.preview(file, {});
    std::printf("a mapping changed (preview): %6lld ms\n", static_cast<long long>(t.elapsed()));

    t.restart();
    auto summary = importer.importFile(file, {});
    if (!summary) {
        std::fprintf(stderr, "%s\n", qPrintable(summary.error().toString()));
        return 1;
    }
    std::printf("import of %lld rows:        %6lld ms, peak RSS %ld kB\n",
                static_cast<long long>(summary->rows), static_cast<long long>(t.elapsed()),
                peakKb());
    return 0;
}
