#include "objectivity/storage/DatabaseMeta.h"

#include "SqlSupport.h"
#include "objectivity/storage/Database.h"

namespace objectivity::storage {

namespace {
const QString kDemoKey = QStringLiteral("demo");
}

core::Result<QString> DatabaseMeta::value(const QString &key) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(sql::text(key));
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать сведения о базе"));
    return q.next() ? q.value(0).toString() : QString();
}

core::Status DatabaseMeta::setValue(const QString &key, const QString &value) {
    // One statement: atomic on its own, and usable inside a caller's transaction.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(sql::text(key));
    q.addBindValue(sql::text(value));
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось записать сведения о базе"));
    return {};
}

core::Result<bool> DatabaseMeta::isDemo() const {
    auto v = value(kDemoKey);
    if (!v)
        return v.error();
    return *v == QLatin1String("1");
}

core::Status DatabaseMeta::markDemo() {
    return setValue(kDemoKey, QStringLiteral("1"));
}

} // namespace objectivity::storage
