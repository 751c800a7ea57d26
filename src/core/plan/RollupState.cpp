#include "objectivity/core/plan/RollupState.h"

namespace objectivity::core {

QString RollupStates::displayName(RollupState state) {
    switch (state) {
    case RollupState::Done:
        return QStringLiteral("выполнено");
    case RollupState::InProgress:
        return QStringLiteral("в работе");
    case RollupState::Overdue:
        return QStringLiteral("просрочено");
    case RollupState::NotStarted:
        return QStringLiteral("не начато");
    }
    return {};
}

QString RollupStates::code(RollupState state) {
    switch (state) {
    case RollupState::Done:
        return QStringLiteral("done");
    case RollupState::InProgress:
        return QStringLiteral("in_progress");
    case RollupState::Overdue:
        return QStringLiteral("overdue");
    case RollupState::NotStarted:
        return QStringLiteral("not_started");
    }
    return {};
}

} // namespace objectivity::core
