#include "objectivity/core/common/Error.h"

#include "objectivity/core/common/MessageText.h"

#include <QFileInfo>

namespace objectivity::core {

QString Error::toString() const {
    QString where;
    // A database on a server is named by its URL (never with the password), not as a file.
    if (file.startsWith(QLatin1String("postgresql://")) ||
        file.startsWith(QLatin1String("postgres://")))
        where = QStringLiteral("База данных «%1»").arg(file);
    else if (!file.isEmpty())
        where = QStringLiteral("Файл «%1»").arg(file);
    if (!sheet.isEmpty())
        where += (where.isEmpty() ? QStringLiteral("Лист %1") : QStringLiteral(", лист %1"))
                     .arg(quoteForMessage(sheet));
    const bool inCell = !cell.isEmpty();
    if (inCell)
        where += (where.isEmpty() ? QStringLiteral("Ячейка %1") : QStringLiteral(", ячейка %1"))
                     .arg(cell);
    if (row > 0 && !inCell)
        where += (where.isEmpty() ? QStringLiteral("Строка %1") : QStringLiteral(", строка %1"))
                     .arg(row);
    if (column > 0 && !inCell)
        where += (where.isEmpty() ? QStringLiteral("Столбец %1") : QStringLiteral(", столбец %1"))
                     .arg(column);
    if (!columnName.isEmpty())
        where += (column > 0 || inCell ? QStringLiteral(" %1")
                  : where.isEmpty()    ? QStringLiteral("Столбец %1")
                                       : QStringLiteral(", столбец %1"))
                     .arg(quoteForMessage(columnName));
    const QString text = message.size() > kMaxMessageChars
                             ? message.left(kMaxMessageChars) + QChar(0x2026)
                             : message;
    return where.isEmpty() ? text : where + QStringLiteral(": ") + text;
}

Error Error::inFile(const QString &path, const QString &message, const QString &details) {
    Error e;
    e.file = QFileInfo(path).fileName();
    e.message = message;
    e.details = details;
    return e;
}

} // namespace objectivity::core
