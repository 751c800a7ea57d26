#include "objectivity/core/common/Error.h"

#include <QFileInfo>

namespace objectivity::core {

QString Error::toString() const {
    QString where;
    if (!file.isEmpty())
        where = QStringLiteral("Файл «%1»").arg(file);
    if (row > 0)
        where += (where.isEmpty() ? QStringLiteral("Строка %1") : QStringLiteral(", строка %1"))
                     .arg(row);
    if (column > 0)
        where += (where.isEmpty() ? QStringLiteral("Столбец %1") : QStringLiteral(", столбец %1"))
                     .arg(column);
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

Error Error::inFile(const QString &path, const QString &message) {
    Error e;
    e.file = QFileInfo(path).fileName();
    e.message = message;
    return e;
}

} // namespace objectivity::core
