// Export of a plan of 300, 1,000 and 5,000 measures (sections of 30 measures, texts of 60–400
// characters, 1–3 owners) to PDF, Excel, ODT and DOCX: the plan and the execution report. Prints
// the median of 3 runs per format (one run at 5,000), the PDF's pages, the report / plan ratio of
// the PDF's CPU time and the peak RSS (VmHWM, of the whole process so far) after each step. Run
// from a Release or RelWithDebInfo build:
//   build/bench/bench_plan_export [measures…]
#include "common/PeakMemory.h"
#include "objectivity/io/export/PlanDocxWriter.h"
#include "objectivity/io/export/PlanExportOptions.h"
#include "objectivity/io/export/PlanOdtWriter.h"
#include "objectivity/io/export/PlanPdfWriter.h"
#include "objectivity/io/export/PlanXlsxWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace objectivity;

namespace {

core::Plan bigPlan(int measures) {
    const QStringList phrases{
        QStringLiteral("Проведение анализа результатов всероссийских проверочных работ"),
        QStringLiteral("по учебным предметам с выявлением проблемных тем и элементов содержания"),
        QStringLiteral("Организация общественного наблюдения за проведением оценочных процедур"),
        QStringLiteral("с привлечением родителей (законных представителей) обучающихся"),
        QStringLiteral("Подготовка аналитической справки и адресных рекомендаций учителям-"
                       "предметникам, методическим объединениям и администрации"),
        QStringLiteral("Сопоставление результатов внешних оценочных процедур с текущей "
                       "успеваемостью и промежуточной аттестацией")};
    const QStringList owners{
        QStringLiteral("Директор"), QStringLiteral("Заместитель директора по УВР"),
        QStringLiteral("Руководители ШМО"), QStringLiteral("Классные руководители")};
    const QStringList deadlines{QStringLiteral("сентябрь"), QStringLiteral("в течение года"),
                                QStringLiteral("март–май 2024 г."),
                                QStringLiteral("по графику ВПР")};
    core::Plan plan;
    plan.title = QStringLiteral("План мероприятий по обеспечению объективности оценочных процедур");
    plan.organization.name = QStringLiteral("МАОУ «Средняя общеобразовательная школа № 1»");
    plan.period = core::AcademicPeriod::academicYear(2023);
    plan.status = core::PlanStatus::Approved;
    plan.approval.approverPosition = QStringLiteral("Директор МАОУ «СОШ № 1»");
    plan.approval.approverName = QStringLiteral("И.И. Иванова");
    plan.approval.orderNumber = QStringLiteral("101");
    plan.approval.orderDate = QDate(2023, 8, 30);
    const int perSection = 30;
    for (int s = 0; s * perSection < measures; ++s) {
        core::Section section;
        section.number = QStringLiteral("%1.").arg(s + 1);
        section.title = QStringLiteral("Раздел %1. %2").arg(s + 1).arg(phrases[s % phrases.size()]);
        for (int m = 0; m < perSection && s * perSection + m < measures; ++m) {
            const int k = s * perSection + m;
            core::Measure measure;
            measure.number = QStringLiteral("%1.%2.").arg(s + 1).arg(m + 1);
            QString text;
            for (int p = 0; p <= k % 5; ++p)
                text += phrases[(k + p) % phrases.size()] + (p < k % 5 ? u"; " : u".");
            measure.text = text;
            measure.deadline.text = deadlines[k % deadlines.size()];
            measure.deadline.windows = {{QDate(2023, 9 + k % 4, 1), QDate(2023, 9 + k % 4, 28)}};
            for (int o = 0; o <= k % 3; ++o)
                measure.owners << owners[(k + o) % owners.size()];
            measure.expectedResult = phrases[(k + 3) % phrases.size()];
            if (k % 3 == 0) {
                measure.status = core::MeasureStatus::Done;
                measure.completionDate = QDate(2023, 10, 1 + k % 28);
                measure.note = QStringLiteral("Протокол № %1").arg(k);
            }
            section.measures << measure;
        }
        plan.sections << section;
    }
    return plan;
}

using Writer =
    std::function<core::Status(const core::Plan &, const QString &, const io::PlanExportOptions &)>;

// Pages of a PDF written by Qt: its page objects.
int pdfPages(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray data = f.readAll();
    return int(data.count("/Type /Page") - data.count("/Type /Pages"));
}

// Returns the median CPU time in ms (-1 on failure).
double measure(const char *label, const Writer &write, const core::Plan &plan, const QString &path,
               const io::PlanExportOptions &options) {
    // Wall time and process CPU time (the machine may be shared: CPU time is the steadier figure).
    std::vector<double> ms, cpu;
    const int runs = plan.measureCount() >= 5000 ? 1 : 3;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        const std::clock_t c0 = std::clock();
        const core::Status st = write(plan, path, options);
        cpu.push_back(double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC);
        ms.push_back(t.nsecsElapsed() / 1e6);
        if (!st.ok()) {
            std::fprintf(stderr, "%s: %s\n", label, qPrintable(st.error().toString()));
            return -1;
        }
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    const std::size_t median = ms.size() / 2;
    const QString pages = path.endsWith(QLatin1String(".pdf"))
                              ? QStringLiteral("%1 p.").arg(pdfPages(path))
                              : QStringLiteral("-");
    std::printf("| %-14s | %8.0f ms | %8.0f ms | %8.0f ms | %8.1f KB | %7s | %7.1f MB |\n", label,
                ms[median], ms[0], cpu[median], QFileInfo(path).size() / 1024.0, qPrintable(pages),
                objectivity::bench::peakRssKb() / 1024.0);
    return cpu[median];
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::max(1, std::atoi(argv[i])));
    if (sizes.empty())
        sizes = {300, 1000, 5000};
    QTemporaryDir dir;
    // $OBJECTIVITY_BENCH_KEEP: keep the files written (the last size's) to look at.
    if (qEnvironmentVariableIsSet("OBJECTIVITY_BENCH_KEEP"))
        dir.setAutoRemove(false);
    for (int measures : sizes) {
        const core::Plan plan = bigPlan(measures);
        if (!dir.autoRemove())
            std::printf("\nFiles in %s\n", qPrintable(dir.path()));
        std::printf("\nPlan: %d measures in %d sections; peak RSS before export %.1f MB\n",
                    plan.measureCount(), int(plan.sections.size()),
                    objectivity::bench::peakRssKb() / 1024.0);
        std::printf("| %-14s | %11s | %11s | %11s | %11s | %7s | %10s |\n", "export", "wall median",
                    "wall best", "CPU median", "file", "pages", "peak RSS");
        std::printf(
            "|----------------|-------------|-------------|-------------|-------------|-----"
            "----|------------|\n");
        const io::PlanExportOptions plain;
        const io::PlanExportOptions report = io::PlanExportOptions::report(QDate(2024, 1, 15));
        const double planCpu = measure("PDF plan", io::PlanPdfWriter::write, plan,
                                       dir.filePath(QStringLiteral("p.pdf")), plain);
        const double reportCpu = measure("PDF report", io::PlanPdfWriter::write, plan,
                                         dir.filePath(QStringLiteral("r.pdf")), report);
        measure("XLSX plan", io::PlanXlsxWriter::write, plan,
                dir.filePath(QStringLiteral("p.xlsx")), plain);
        measure("XLSX report", io::PlanXlsxWriter::write, plan,
                dir.filePath(QStringLiteral("r.xlsx")), report);
        measure("ODT plan", io::PlanOdtWriter::write, plan, dir.filePath(QStringLiteral("p.odt")),
                plain);
        measure("DOCX plan", io::PlanDocxWriter::write, plan,
                dir.filePath(QStringLiteral("p.docx")), plain);
        measure("DOCX report", io::PlanDocxWriter::write, plan,
                dir.filePath(QStringLiteral("r.docx")), report);
        if (planCpu > 0 && reportCpu > 0)
            std::printf("PDF report / plan (CPU): %.2f; plan %.3f ms CPU per measure\n",
                        reportCpu / planCpu, planCpu / plan.measureCount());
        std::fflush(stdout);
    }
    return 0;
}
