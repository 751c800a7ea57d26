#include "objectivity/core/plan/ExecutionTotals.h"

namespace objectivity::core {

void ExecutionTotals::add(MeasureStatus status, bool isOverdue) {
    ++total;
    switch (status) {
    case MeasureStatus::Done:
        ++done;
        break;
    case MeasureStatus::NotDone:
        ++notDone;
        break;
    case MeasureStatus::Postponed:
        ++postponed;
        break;
    case MeasureStatus::InProgress:
        ++inProgress;
        break;
    case MeasureStatus::Planned:
        ++planned;
        break;
    }
    if (isOverdue)
        ++overdue;
}

ExecutionTotals &ExecutionTotals::operator+=(const ExecutionTotals &other) {
    total += other.total;
    done += other.done;
    notDone += other.notDone;
    postponed += other.postponed;
    inProgress += other.inProgress;
    planned += other.planned;
    overdue += other.overdue;
    return *this;
}

int ExecutionTotals::donePercent() const {
    return total == 0 ? 0 : int((done * 100.0) / total + 0.5);
}

QString ExecutionTotals::describe() const {
    return QStringLiteral("всего %1, выполнено %2, не выполнено %3, перенесено %4, в работе %5, "
                          "запланировано %6, просрочено %7")
        .arg(total)
        .arg(done)
        .arg(notDone)
        .arg(postponed)
        .arg(inProgress)
        .arg(planned)
        .arg(overdue);
}

} // namespace objectivity::core
