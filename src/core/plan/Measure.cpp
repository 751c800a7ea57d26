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

} // namespace objectivity::core
