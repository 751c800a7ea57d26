#include "objectivity/storage/DatabaseCopier.h"

#include "SchemaCatalog.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/PgCopyWriter.h"
#include "objectivity/storage/PgDeferredKeys.h"
#include "objectivity/storage/SqlErrorText.h"

#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>

namespace objectivity::storage {

using core::Result;
using core::Status;

namespace {

core::Error copyError(const QString &message, const QString &details = QString()) {
    core::Error e;
    e.message = message;
    e.details = details;
    return e;
}

core::Error queryFailure(const QSqlQuery &q, const QString &what) {
    return copyError(what + QStringLiteral(": ") + SqlErrorText::russian(q.lastError()),
                     SqlErrorText::original(q.lastError()));
}

// A text or bytes value that is empty must stay a value: Qt's drivers bind a null QString or
// QByteArray as NULL, and these columns are NOT NULL.
QVariant nonNull(const QVariant &v) {
    if (v.isNull())
        return v;
    if (v.metaType().id() == QMetaType::QByteArray && v.toByteArray().isNull())
        return QVariant(QByteArray("", 0));
    if (v.metaType().id() == QMetaType::QString && v.toString().isNull())
        return QVariant(QStringLiteral(""));
    return v;
}

// Rows of every table in a database just made by this program (reference rows the migrations
// insert, such as the mark scales): a target holding no more than these is empty.
Result<QHash<QString, qint64>> freshCounts() {
    QTemporaryDir dir;
    if (!dir.isValid())
        return copyError(QStringLiteral("не удалось создать временную папку"));
    QHash<QString, qint64> counts;
    {
        auto fresh = Database::open(dir.filePath(QStringLiteral("fresh.sqlite")));
        if (!fresh)
            return fresh.error();
        auto tables = SchemaCatalog::tablesInOrder((*fresh)->connection());
        if (!tables)
            return tables.error();
        for (const QString &t : *tables) {
            auto n = SchemaCatalog::rowCount((*fresh)->connection(), t);
            if (!n)
                return n.error();
            counts.insert(t, *n);
        }
    }
    return counts;
}

bool skipRow(const QString &table, const QSqlRecord &row) {
    // The demonstration mark belongs to the demo file only; the target is a database of its own.
    return table == QLatin1String("meta") &&
           row.value(QStringLiteral("key")).toString() == QLatin1String("demo");
}

Result<qint64> copyIntoSqlite(QSqlQuery &read, QSqlDatabase target, const QString &table,
                              const QStringList &columns, qint64 *skipped) {
    QStringList marks;
    QStringList names;
    for (const QString &c : columns) {
        marks << QStringLiteral("?");
        names << SchemaCatalog::quoted(c);
    }
    QSqlQuery insert(target);
    if (!insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(SchemaCatalog::quoted(table), names.join(QStringLiteral(", ")),
                                 marks.join(QStringLiteral(", ")))))
        return queryFailure(insert, QStringLiteral("запись таблицы «%1»").arg(table));
    qint64 rows = 0;
    while (read.next()) {
        const QSqlRecord row = read.record();
        if (skipRow(table, row)) {
            ++*skipped;
            continue;
        }
        for (int i = 0; i < columns.size(); ++i)
            insert.bindValue(i, nonNull(row.value(i)));
        if (!insert.exec()) {
            core::Error e = queryFailure(insert, QStringLiteral("запись таблицы «%1»").arg(table));
            e.row = int(rows + 1);
            return e;
        }
        ++rows;
    }
    return rows;
}

Result<qint64> copyIntoPostgres(QSqlQuery &read, QSqlDatabase target, const QString &table,
                                const QStringList &columns, qint64 *skipped) {
    auto writer = PgCopyWriter::begin(PgCopyWriter::handleOf(target), table, columns,
                                      PgCopyWriter::Format::Binary);
    if (!writer) // a column type the binary format does not cover: the text format takes any
        writer = PgCopyWriter::begin(PgCopyWriter::handleOf(target), table, columns,
                                     PgCopyWriter::Format::Text);
    if (!writer)
        return writer.error();
    PgCopyWriter &w = **writer;
    while (read.next()) {
        const QSqlRecord row = read.record();
        if (skipRow(table, row)) {
            ++*skipped;
            continue;
        }
        for (int i = 0; i < columns.size(); ++i)
            w.add(nonNull(row.value(i)));
        if (Status s = w.endRow(); !s)
            return s.error();
    }
    return w.finish();
}

// Moves every identity/serial sequence past the largest id copied, so new rows get new ids.
Status resetSequences(QSqlDatabase target) {
    QSqlQuery q(target);
    if (!q.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                               "WHERE table_schema = current_schema() "
                               "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')")))
        return queryFailure(q, QStringLiteral("чтение счётчиков номеров"));
    QList<QPair<QString, QString>> sequences;
    while (q.next())
        sequences << qMakePair(q.value(0).toString(), q.value(1).toString());
    for (const auto &[table, column] : sequences) {
        QSqlQuery set(target);
        set.prepare(QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), "
                                   "COALESCE(MAX(%1), 0) + 1, false) FROM %2")
                        .arg(SchemaCatalog::quoted(column), SchemaCatalog::quoted(table)));
        set.addBindValue(SchemaCatalog::quoted(table));
        set.addBindValue(column);
        if (!set.exec())
            return queryFailure(set, QStringLiteral("счётчик номеров таблицы «%1»").arg(table));
    }
    return {};
}

} // namespace

qint64 DatabaseCopier::Report::rows() const {
    qint64 n = 0;
    for (const TableCount &t : tables)
        n += t.target;
    return n;
}

QString DatabaseCopier::label(const QString &table) {
    static const QHash<QString, QString> labels = {
        {QStringLiteral("organizations"), QStringLiteral("организаций")},
        {QStringLiteral("plans"), QStringLiteral("планов")},
        {QStringLiteral("plan_columns"), QStringLiteral("столбцов планов")},
        {QStringLiteral("sections"), QStringLiteral("разделов")},
        {QStringLiteral("measures"), QStringLiteral("мероприятий")},
        {QStringLiteral("people"), QStringLiteral("сотрудников")},
        {QStringLiteral("measure_owners"), QStringLiteral("ответственных")},
        {QStringLiteral("accounts"), QStringLiteral("учётных записей")},
        {QStringLiteral("server_accounts"), QStringLiteral("учётных записей сервера")},
        {QStringLiteral("plan_history"), QStringLiteral("записей истории планов")},
        {QStringLiteral("measure_recurrence"), QStringLiteral("повторяющихся сроков")},
        {QStringLiteral("measure_window_marks"), QStringLiteral("отметок по периодам")},
        {QStringLiteral("measure_templates"), QStringLiteral("шаблонов мероприятий")},
        {QStringLiteral("measure_findings"), QStringLiteral("связей мероприятий с признаками")},
        {QStringLiteral("schools"), QStringLiteral("школ")},
        {QStringLiteral("procedures"), QStringLiteral("процедур")},
        {QStringLiteral("mark_scales"), QStringLiteral("шкал отметок")},
        {QStringLiteral("imports"), QStringLiteral("загрузок результатов")},
        {QStringLiteral("participants"), QStringLiteral("участников")},
        {QStringLiteral("official_flags"), QStringLiteral("школ из официальных списков")},
        {QStringLiteral("heading_mappings"), QStringLiteral("сопоставлений заголовков")},
        {QStringLiteral("analysis_settings"), QStringLiteral("настроек анализа")},
        {QStringLiteral("meta"), QStringLiteral("служебных записей")},
    };
    return labels.value(table, QStringLiteral("таблица «%1»").arg(table));
}

Result<DatabaseCopier::Report>
DatabaseCopier::copy(Database &source, Database &target,
                     const std::function<void(const QString &)> &progress) {
    QSqlDatabase src = source.connection();
    QSqlDatabase dst = target.connection();
    const QString from = source.path(), to = target.path();
    if (!SchemaCatalog::isPostgres(src) && !SchemaCatalog::isPostgres(dst) &&
        QFileInfo(from).canonicalFilePath() == QFileInfo(to).canonicalFilePath())
        return copyError(
            QStringLiteral("база данных «%1» не может быть скопирована сама в себя").arg(from));
    if (source.schemaVersion() != target.schemaVersion())
        return copyError(QStringLiteral("версии схемы различаются: «%1» — %2, «%3» — %4")
                             .arg(from)
                             .arg(source.schemaVersion())
                             .arg(to)
                             .arg(target.schemaVersion()));

    auto order = SchemaCatalog::tablesInOrder(src);
    if (!order)
        return order.error();
    auto targetOrder = SchemaCatalog::tablesInOrder(dst);
    if (!targetOrder)
        return targetOrder.error();
    const QSet<QString> srcSet(order->begin(), order->end());
    const QSet<QString> dstSet(targetOrder->begin(), targetOrder->end());
    if (srcSet != dstSet) {
        QStringList onlySource = QSet<QString>(srcSet).subtract(dstSet).values();
        QStringList onlyTarget = QSet<QString>(dstSet).subtract(srcSet).values();
        onlySource.sort();
        onlyTarget.sort();
        return copyError(
            QStringLiteral("схемы баз данных различаются: только в «%1» — %2; только в «%3» — %4")
                .arg(from, onlySource.isEmpty() ? QStringLiteral("нет") : onlySource.join(u", "),
                     to, onlyTarget.isEmpty() ? QStringLiteral("нет") : onlyTarget.join(u", ")));
    }
    QHash<QString, QStringList> columnsOf;
    for (const QString &t : *order) {
        auto s = SchemaCatalog::columns(src, t);
        if (!s)
            return s.error();
        auto d = SchemaCatalog::columns(dst, t);
        if (!d)
            return d.error();
        if (QSet<QString>(s->begin(), s->end()) != QSet<QString>(d->begin(), d->end()))
            return copyError(
                QStringLiteral("схемы баз данных различаются: столбцы таблицы «%1»").arg(t));
        columnsOf.insert(t, *s);
    }

    // The target must be empty: no more rows than a database this program has just created.
    auto baseline = freshCounts();
    if (!baseline)
        return baseline.error();
    QHash<QString, qint64> targetRows;
    QStringList holds;
    for (const QString &t : *order) {
        auto n = SchemaCatalog::rowCount(dst, t);
        if (!n)
            return n.error();
        targetRows.insert(t, *n);
        if (*n > baseline->value(t, 0))
            holds << QStringLiteral("%1: %2").arg(label(t)).arg(*n);
    }
    if (!holds.isEmpty())
        return copyError(QStringLiteral("база данных «%1» не пуста (%2); копировать можно только "
                                        "в пустую базу")
                             .arg(to, holds.join(QStringLiteral(", "))));

    // A consistent view of the source while it is read.
    if (!src.transaction())
        return copyError(QStringLiteral("не удалось начать чтение базы данных «%1»").arg(from),
                         SqlErrorText::original(src.lastError()));
    if (SchemaCatalog::isPostgres(src)) {
        QSqlQuery iso(src);
        iso.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    }
    Report report;
    const Status done = target.transaction([&]() -> Status {
        const bool toPostgres = SchemaCatalog::isPostgres(dst);
        QSqlQuery q(dst);
        // plans.parent_plan_id may point at a later plan: references are checked at the commit.
        if (!q.exec(toPostgres ? QStringLiteral("SET CONSTRAINTS ALL DEFERRED")
                               : QStringLiteral("PRAGMA defer_foreign_keys = ON")))
            return queryFailure(q, QStringLiteral("подготовка копирования"));
        // The reference rows a new database was given make way for the source's own.
        for (auto it = order->crbegin(); it != order->crend(); ++it)
            if (targetRows.value(*it) > 0 &&
                !q.exec(QStringLiteral("DELETE FROM %1").arg(SchemaCatalog::quoted(*it))))
                return queryFailure(q, QStringLiteral("очистка таблицы «%1»").arg(*it));
        // PostgreSQL: the keys and indexes are built after the rows (one pass each instead of a
        // check per row). Not allowed to (not the tables' owner): copied with the keys in place.
        std::optional<PgDeferredKeys> keys;
        if (toPostgres && q.exec(QStringLiteral("SAVEPOINT bulk_keys"))) {
            auto dropped = PgDeferredKeys::drop(dst, *order);
            if (dropped)
                keys = std::move(*dropped);
            else
                q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT bulk_keys"));
        }
        for (const QString &t : *order) {
            if (progress)
                progress(t);
            const QStringList &columns = columnsOf.value(t);
            QStringList names;
            for (const QString &c : columns)
                names << SchemaCatalog::quoted(c);
            auto expected = SchemaCatalog::rowCount(src, t);
            if (!expected)
                return expected.error();
            QSqlQuery read(src);
            read.setForwardOnly(true);
            if (!read.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY 1")
                               .arg(names.join(QStringLiteral(", ")), SchemaCatalog::quoted(t))))
                return queryFailure(read, QStringLiteral("чтение таблицы «%1»").arg(t));
            qint64 skipped = 0;
            auto written = toPostgres ? copyIntoPostgres(read, dst, t, columns, &skipped)
                                      : copyIntoSqlite(read, dst, t, columns, &skipped);
            if (!written) {
                core::Error e = written.error();
                e.message = QStringLiteral("Таблица «%1» (%2): %3").arg(t, label(t), e.message);
                return e;
            }
            if (skipped > 0)
                report.demoMarkLeftOut = true;
            auto landed = SchemaCatalog::rowCount(dst, t);
            if (!landed)
                return landed.error();
            report.tables << TableCount{t, *expected - skipped, *landed};
            if (*landed != *expected - skipped)
                return copyError(QStringLiteral("после копирования не совпало число строк "
                                                "таблицы «%1» (%2): %3 → %4; ничего не записано")
                                     .arg(t, label(t))
                                     .arg(*expected - skipped)
                                     .arg(*landed));
        }
        if (keys)
            if (Status s = keys->restore(); !s)
                return s;
        if (toPostgres)
            return resetSequences(dst);
        return {};
    });
    src.rollback();
    if (!done)
        return done.error();
    return report;
}

} // namespace objectivity::storage
