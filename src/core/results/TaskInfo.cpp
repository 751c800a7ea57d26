#include "objectivity/core/results/TaskInfo.h"

namespace objectivity::core {

QString taskLevelCode(TaskLevel level) {
    switch (level) {
    case TaskLevel::Basic:
        return QStringLiteral("Б");
    case TaskLevel::Advanced:
        return QStringLiteral("П");
    case TaskLevel::High:
        return QStringLiteral("В");
    case TaskLevel::Unknown:
        break;
    }
    return QString();
}

TaskLevel taskLevelFromText(const QString &text) {
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return TaskLevel::Unknown;
    const QChar c = t.at(0);
    // Latin look-alikes: «B» for «В», «n» never appears; «6» is a common OCR slip for «б».
    if (c == QChar(0x0431)) // б
        return TaskLevel::Basic;
    if (c == QChar(0x043F)) // п
        return TaskLevel::Advanced;
    if (c == QChar(0x0432) || c == QLatin1Char('b')) // в
        return TaskLevel::High;
    return TaskLevel::Unknown;
}

} // namespace objectivity::core
