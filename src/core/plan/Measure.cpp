#include "objectivity/core/plan/Measure.h"

namespace objectivity::core {

QString Measure::statusCode(MeasureStatus status) {
    switch (status) {
    case MeasureStatus::Planned:
        return QStringLiteral("planned");
    case MeasureStatus::InProgress:
        return QStringLiteral("in_progress");
    case MeasureStatus::Done:
        return QStringLiteral("done");
    case MeasureStatus::NotDone:
        return QStringLiteral("not_done");
    case MeasureStatus::Postponed:
        return QStringLiteral("postponed");
    }
    return QStringLiteral("planned");
}

MeasureStatus Measure::statusFromCode(const QString &code) {
    for (auto s : {MeasureStatus::Planned, MeasureStatus::InProgress, MeasureStatus::Done,
                   MeasureStatus::NotDone, MeasureStatus::Postponed})
        if (statusCode(s) == code)
            return s;
    return MeasureStatus::Planned;
}

QString Measure::statusDisplayName(MeasureStatus status) {
    switch (status) {
    case MeasureStatus::Planned:
        return QStringLiteral("запланировано");
    case MeasureStatus::InProgress:
        return QStringLiteral("в работе");
    case MeasureStatus::Done:
        return QStringLiteral("выполнено");
    case MeasureStatus::NotDone:
        return QStringLiteral("не выполнено");
    case MeasureStatus::Postponed:
        return QStringLiteral("перенесено");
    }
    return {};
}

const WindowMark *Measure::windowMark(const DateRange &window) const {
    for (const WindowMark &mark : windowMarks)
        if (mark.window == window)
            return &mark;
    return nullptr;
}

MeasureStatus Measure::windowStatus(const DateRange &window) const {
    if (const WindowMark *mark = windowMark(window))
        return mark->status;
    return status == MeasureStatus::Done ? MeasureStatus::Done : MeasureStatus::Planned;
}

void Measure::setWindowMark(const WindowMark &mark) {
    const bool empty = mark.status == MeasureStatus::Planned && !mark.completionDate.isValid() &&
                       mark.note.isEmpty();
    for (qsizetype i = 0; i < windowMarks.size(); ++i) {
        if (windowMarks[i].window == mark.window) {
            if (empty)
                windowMarks.removeAt(i);
            else
                windowMarks[i] = mark;
            return;
        }
    }
    if (empty)
        return;
    // kept in the order of the windows
    qsizetype at = 0;
    while (at < windowMarks.size() && windowMarks[at].window.from < mark.window.from)
        ++at;
    windowMarks.insert(at, mark);
}

QString Measure::windowStatusesText() const {
    QStringList parts;
    for (const DateRange &w : deadline.windows)
        parts << Deadline::windowLabel(w) + QStringLiteral(" — ") +
                     statusDisplayName(windowStatus(w));
    return parts.join(QStringLiteral("; "));
}

} // namespace objectivity::core
