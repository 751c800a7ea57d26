#include "objectivity/core/results/DataAction.h"

namespace objectivity::core {

QString DataActions::displayName(DataAction action) {
    switch (action) {
    case DataAction::ImportResults:
        return QStringLiteral("загрузить результаты");
    case DataAction::ImportFlagged:
        return QStringLiteral("загрузить официальный перечень школ");
    case DataAction::RemoveResults:
        return QStringLiteral("удалить или заменить загруженные результаты");
    case DataAction::EditMarkScales:
        return QStringLiteral("изменить шкалы перевода баллов в отметки");
    case DataAction::EditAnalysisSettings:
        return QStringLiteral("изменить настройки анализа");
    }
    return {};
}

} // namespace objectivity::core
