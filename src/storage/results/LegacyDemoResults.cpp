#include "objectivity/storage/results/LegacyDemoResults.h"

#include "SqlSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

namespace objectivity::storage {

core::Result<LegacyDemoResults::Found> LegacyDemoResults::find(const QString &fileName) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT i.id, (SELECT count(*) FROM participants p WHERE "
                             "p.import_id = i.id), (SELECT count(DISTINCT p.school_id) FROM "
                             "participants p WHERE p.import_id = i.id) FROM imports i WHERE "
                             "i.file_name = ? ORDER BY i.id LIMIT 1"));
    q.addBindValue(sql::text(fileName));
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("поиск демонстрационных результатов"));
    Found found;
    if (q.next()) {
        found.importId = q.value(0).toLongLong();
        found.rows = q.value(1).toInt();
        found.schools = q.value(2).toInt();
    }
    return found;
}

core::Status LegacyDemoResults::remove(qint64 importId) {
    return m_db.transaction([&]() -> core::Status {
        if (auto st = ResultsRepository(m_db).removeImport(importId); !st)
            return st;
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("DELETE FROM schools WHERE NOT EXISTS (SELECT 1 FROM "
                                   "participants p WHERE p.school_id = schools.id)")))
            return sql::queryError(m_db, q, QStringLiteral("удаление демонстрационных школ"));
        return {};
    });
}

} // namespace objectivity::storage
