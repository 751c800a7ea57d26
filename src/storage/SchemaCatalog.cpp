#include "SchemaCatalog.h"

#include "objectivity/storage/SqlErrorText.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace objectivity::storage {

namespace {

core::Error catalogError(const QSqlQuery &q, const QString &what) {
    core::Error e;
    e.message = what + QStringLiteral(": ") + SqlErrorText::russian(q.lastError());
    e.details = SqlErrorText::original(q.lastError());
    return e;
}

} // namespace

bool SchemaCatalog::isPostgres(const QSqlDatabase &db) {
    return db.driverName() == QLatin1String("QPSQL");
}

QString SchemaCatalog::quoted(const QString &identifier) {
    QString q = identifier;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

core::Result<QHash<QString, QStringList>> SchemaCatalog::references(const QSqlDatabase &db) {
    QHash<QString, QStringList> refs;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString what = QStringLiteral("чтение схемы базы данных");
    if (isPostgres(db)) {
        if (!q.exec(QStringLiteral(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
                "AND c.relname <> 'schema_version'")))
            return catalogError(q, what);
        while (q.next())
            refs.insert(q.value(0).toString(), {});
        if (!q.exec(QStringLiteral(
                "SELECT c.relname, f.relname FROM pg_constraint k "
                "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE k.contype = 'f' AND n.nspname = current_schema()")))
            return catalogError(q, what);
        while (q.next()) {
            const QString table = q.value(0).toString(), target = q.value(1).toString();
            if (table != target && refs.contains(table) && !refs[table].contains(target))
                refs[table] << target;
        }
        return refs;
    }
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")))
        return catalogError(q, what);
    while (q.next())
        refs.insert(q.value(0).toString(), {});
    for (auto it = refs.begin(); it != refs.end(); ++it) {
        QSqlQuery fk(db);
        if (!fk.exec(QStringLiteral("SELECT \"table\" FROM pragma_foreign_key_list('%1')")
                         .arg(QString(it.key()).replace(QLatin1Char('\''), QLatin1String("''")))))
            return catalogError(fk, what);
        while (fk.next()) {
            const QString target = fk.value(0).toString();
            if (target != it.key() && !it.value().contains(target))
                it.value() << target;
        }
    }
    return refs;
}

core::Result<QStringList> SchemaCatalog::tablesInOrder(const QSqlDatabase &db) {
    auto refs = references(db);
    if (!refs)
        return refs.error();
    QStringList pending = refs->keys();
    std::sort(pending.begin(), pending.end()); // a stable order between runs and backends
    QStringList ordered;
    while (!pending.isEmpty()) {
        bool progressed = false;
        for (int i = 0; i < pending.size();) {
            const QStringList &targets = refs->value(pending.at(i));
            const bool ready = std::all_of(targets.begin(), targets.end(), [&](const QString &t) {
                return ordered.contains(t) || !refs->contains(t);
            });
            if (ready) {
                ordered << pending.takeAt(i);
                progressed = true;
            } else {
                ++i;
            }
        }
        if (!progressed) {
            core::Error e;
            e.message = QStringLiteral("не удаётся определить порядок копирования таблиц: "
                                       "они ссылаются друг на друга по кругу (%1)")
                            .arg(pending.join(QStringLiteral(", ")));
            return e;
        }
    }
    return ordered;
}

core::Result<QStringList> SchemaCatalog::columns(const QSqlDatabase &db, const QString &table) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(quoted(table))))
        return catalogError(q, QStringLiteral("чтение столбцов таблицы «%1»").arg(table));
    QStringList names;
    const QSqlRecord record = q.record();
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

core::Result<qint64> SchemaCatalog::rowCount(const QSqlDatabase &db, const QString &table) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(quoted(table))) || !q.next())
        return catalogError(q, QStringLiteral("подсчёт строк таблицы «%1»").arg(table));
    return q.value(0).toLongLong();
}

} // namespace objectivity::storage
