// Figures for the plan repository: save (new and resave), load and list of a large plan.
// Usage: bench_plan_repository [SECTIONS [MEASURES_PER_SECTION]]   (default 20 × 50 = 1000
// measures)
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace objectivity;

namespace {
core::Plan bigPlan(int sections, int perSection) {
    core::Plan plan;
    plan.title = QStringLiteral("Нагрузочный план");
    plan.organization.name = QStringLiteral("МАОУ «СОШ №1»");
    plan.period = {2024, 2026};
    for (int s = 0; s < sections; ++s) {
        core::Section section{
            0, QStringLiteral("%1.").arg(s + 1), QStringLiteral("Раздел %1").arg(s + 1), {}};
        for (int m = 0; m < perSection; ++m) {
            core::Measure measure;
            measure.number = QStringLiteral("%1.%2.").arg(s + 1).arg(m + 1);
            measure.text =
                QStringLiteral("Мероприятие по обеспечению объективности номер %1").arg(m + 1);
            measure.deadline = {
                QStringLiteral("Сентябрь ежегодно"),
                core::DeadlineKind::Month,
                true,
                QDate(2024, 9, 1),
                QDate(2025, 9, 30),
                {{QDate(2024, 9, 1), QDate(2024, 9, 30)}, {QDate(2025, 9, 1), QDate(2025, 9, 30)}}};
            measure.owners = {QStringLiteral("Заместитель директора по УВР"),
                              QStringLiteral("Руководители ШМО")};
            measure.expectedResult = QStringLiteral("Повышение объективности оценивания");
            section.measures.append(measure);
        }
        plan.sections.append(section);
    }
    return plan;
}

void report(const char *what, qint64 ns) {
    std::printf("%-34s %9.1f ms\n", what, double(ns) / 1e6);
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int sections = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20;
    const int perSection = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    QTemporaryDir dir;
    auto db = storage::Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    storage::PlanRepository repo(**db);
    core::Plan plan = bigPlan(sections, perSection);
    std::printf("plan: %d sections, %d measures\n", sections, plan.measureCount());
    QElapsedTimer t;
    t.start();
    if (!repo.save(plan))
        return 1;
    report("save (new plan)", t.nsecsElapsed());
    plan.sections[0].measures[0].text += QStringLiteral(" (изменено)");
    t.restart();
    if (!repo.save(plan))
        return 1;
    report("save (resave, one measure edited)", t.nsecsElapsed());
    t.restart();
    auto loaded = repo.load(plan.id);
    report("load", t.nsecsElapsed());
    if (!loaded || !(*loaded == plan)) {
        std::fprintf(stderr, "round trip mismatch\n");
        return 1;
    }
    t.restart();
    auto list = repo.list();
    report("list", t.nsecsElapsed());
    core::Measure m = plan.sections.last().measures.last();
    m.status = core::MeasureStatus::Done;
    t.restart();
    if (!repo.updateMeasureExecution(m))
        return 1;
    report("updateMeasureExecution", t.nsecsElapsed());
    return 0;
}
