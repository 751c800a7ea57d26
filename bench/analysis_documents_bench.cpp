// Benchmark of the analysis documents (issue 14): the Excel workbook and the «аналитическая
// справка» (document model with its figures, PDF, DOCX) for the analysis of a results database.
//
//   analysis_documents_bench --db FILE [--year Y] [--procedure ВПР] [--out DIR] [--step STEP]
//
// Without --step: runs each step in a child process of its own (so that the peak memory of a
// step is its own), and prints a table. A child (--step read|xlsx|report|pdf|docx) reads the
// database, analyses it (as `objectivity-cli analyze` does), then does its step; it prints the
// read + analysis time, the step's wall and CPU time and the process's peak RSS (VmHWM) after
// the analysis and after the step. A large database: `analysis_bench --rows 1000000 --keep-db
// FILE` (docs/benchmarks.md).
#include "common/PeakMemory.h"
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/io/export/AnalysisReportBuilder.h"
#include "objectivity/io/export/AnalysisXlsxWriter.h"
#include "objectivity/io/export/ReportDocxWriter.h"
#include "objectivity/io/export/ReportPdfWriter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>

#include <cstdio>
#include <ctime>

using namespace objectivity;

namespace {

double cpuSeconds() {
    return double(std::clock()) / CLOCKS_PER_SEC;
}

int runStep(const QString &step, const QString &dbPath, const io::AnalysisScope &scope,
            const QString &outDir) {
    QElapsedTimer t;
    t.start();
    auto db = storage::Database::open(dbPath, storage::Database::OpenFor::Reading);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    auto settings = storage::AnalysisSettingsRepository((*db)->connection()).load();
    auto data = storage::AnalysisDataReader::read((*db)->connection());
    if (!settings || !data) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(dbPath));
        return 1;
    }
    core::AnalysisEngine::Options options;
    options.yearFilter = scope.year;
    options.kindFilter = scope.kind;
    const core::AnalysisReport report = core::AnalysisEngine::run(*data, *settings, options);
    const qint64 analysed = t.elapsed();
    const QString hwmAnalysed = bench::peakRssText();
    const qint64 participants = data->participantCount();
    const double cpu0 = cpuSeconds();
    QElapsedTimer s;
    s.start();
    core::Status st;
    int pages = 0;
    if (step == QLatin1String("xlsx")) {
        st = io::AnalysisXlsxWriter::write(
            report, QDir(outDir).filePath(QStringLiteral("analysis.xlsx")), scope);
    } else if (step != QLatin1String("read")) {
        const io::ReportDocument doc = io::AnalysisReportBuilder::build(report, scope);
        if (step == QLatin1String("pdf")) {
            st = io::ReportPdfWriter::write(doc,
                                            QDir(outDir).filePath(QStringLiteral("report.pdf")));
        } else if (step == QLatin1String("docx")) {
            st = io::ReportDocxWriter::write(doc,
                                             QDir(outDir).filePath(QStringLiteral("report.docx")));
        } else {
            pages = int(doc.blocks.size());
        }
    }
    const qint64 ms = s.elapsed();
    const double cpu = cpuSeconds() - cpu0;
    if (!st.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    std::printf(
        "| %-6s | %lld | %lld units, %lld flagged | %lld ms | %lld ms | %.0f ms | %s | %s |%s\n",
        qPrintable(step), static_cast<long long>(participants),
        static_cast<long long>(report.units.size()),
        static_cast<long long>(report.flaggedUnits().size()), static_cast<long long>(analysed),
        static_cast<long long>(ms), cpu * 1000, qPrintable(hwmAnalysed),
        qPrintable(bench::peakRssText()),
        pages ? qPrintable(QStringLiteral(" %1 blocks").arg(pages)) : "");
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the PDF and the figures
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &def) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : def;
    };
    const QString db = option(QStringLiteral("--db"), QString());
    if (db.isEmpty()) {
        std::fprintf(stderr, "usage: analysis_documents_bench --db FILE [--year Y] "
                             "[--procedure ВПР] [--out DIR]\n");
        return 2;
    }
    io::AnalysisScope scope;
    scope.year = option(QStringLiteral("--year"), QStringLiteral("0")).toInt();
    core::ProcedureKind kind;
    if (core::procedureKindFromText(option(QStringLiteral("--procedure"), QString()), &kind))
        scope.kind = static_cast<int>(kind);
    const QString out = option(QStringLiteral("--out"), QDir::tempPath());
    const QString step = option(QStringLiteral("--step"), QString());
    if (!step.isEmpty())
        return runStep(step, db, scope, out);
    std::printf("| step | participants | units | read + analyse | step wall | step CPU | VmHWM "
                "after analysis | VmHWM after step |\n|---|---|---|---|---|---|---|---|\n");
    std::fflush(stdout);
    for (const QString &s :
         {QStringLiteral("read"), QStringLiteral("xlsx"), QStringLiteral("report"),
          QStringLiteral("pdf"), QStringLiteral("docx")}) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        QStringList childArgs = args.mid(1);
        childArgs << QStringLiteral("--step") << s;
        child.start(app.applicationFilePath(), childArgs);
        child.waitForFinished(-1);
        if (child.exitCode() != 0)
            return child.exitCode();
    }
    return 0;
}
