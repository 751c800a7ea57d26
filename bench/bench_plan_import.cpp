// Prints how long importing plan documents takes: each seed, the HTML, .docx, .odt and PDF
// fixtures, and a large synthetic plan (the seed 001 table repeated) to show how time grows with
// size. Usage: bench_plan_import [shared-dir] [source-dir]
#include "objectivity/io/plan/PlanImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using objectivity::io::PlanImporter;

namespace {
void timeData(const char *label, const QByteArray &data, PlanImporter::Format format, int rounds) {
    QElapsedTimer t;
    t.start();
    int measures = 0;
    for (int i = 0; i < rounds; ++i) {
        const auto r = PlanImporter::importData(data, format, QStringLiteral("bench"));
        measures = r.ok() ? r->plan.measureCount() : -1;
    }
    std::printf("%-34s %8lld bytes %6d measures %9.2f ms/import\n", label,
                static_cast<long long>(data.size()), measures,
                double(t.nsecsElapsed()) / 1e6 / rounds);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QString shared = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("../shared");
    const QString source = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral(".");
    const QDir seeds(QDir(shared).filePath(QStringLiteral("seeds")));
    for (const QString &name : seeds.entryList({QStringLiteral("*.txt")}, QDir::Files))
        timeData(qPrintable(name), readAll(seeds.filePath(name)), PlanImporter::Format::Auto, 50);
    timeData("kalinovka_word_clipboard.html",
             readAll(QDir(source).filePath(
                 QStringLiteral("tests/data/plans/kalinovka_word_clipboard.html"))),
             PlanImporter::Format::Html, 50);
    timeData("kalinovka.docx",
             readAll(QDir(source).filePath(QStringLiteral("tests/data/plans/kalinovka.docx"))),
             PlanImporter::Format::Docx, 50);
    for (const char *odt : {"kalinovka.odt", "seed_001.odt"})
        timeData(odt,
                 readAll(QDir(source).filePath(QStringLiteral("tests/data/plans/odt/") +
                                               QLatin1String(odt))),
                 PlanImporter::Format::Odt, 50);
    timeData("seed_001.pdf",
             readAll(QDir(source).filePath(QStringLiteral("tests/data/plans/pdf/seed_001.pdf"))),
             PlanImporter::Format::Pdf, 10);
    // A large plan: seed 001's table body repeated.
    const QStringList seedNames = seeds.entryList({QStringLiteral("001_*.txt")}, QDir::Files);
    if (!seedNames.isEmpty()) {
        const QByteArray seed = readAll(seeds.filePath(seedNames.first()));
        const qsizetype body = seed.indexOf("I. ");
        for (int copies : {10, 100}) {
            QByteArray big = seed;
            for (int i = 1; i < copies; ++i)
                big += seed.mid(body);
            timeData(copies == 10 ? "seed 001 table x10" : "seed 001 table x100", big,
                     PlanImporter::Format::Auto, copies == 10 ? 5 : 1);
        }
    }
    return 0;
}
