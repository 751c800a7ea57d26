#pragma once
#include "objectivity/core/common/Result.h"

#include <QList>
#include <QString>

#include <functional>

namespace objectivity::storage {

class Database;

// Copies a whole database into an empty one of the same schema version — SQLite file ↔ PostgreSQL,
// to move a department's files onto the server or to keep a backup (`objectivity-cli db copy`).
// The tables come from the schema (SchemaCatalog), in foreign-key order; ids are kept (PostgreSQL
// identity sequences are moved past them afterwards). Everything lands in one transaction of the
// target: the row counts of every table are compared before the commit, and a mismatch rolls it
// all back naming the table. The «demo» mark of the demonstration database is not copied.
class DatabaseCopier {
public:
    struct TableCount {
        QString table;
        qint64 source = 0;
        qint64 target = 0;
    };
    struct Report {
        QList<TableCount> tables; // in the order copied
        bool demoMarkLeftOut = false;
        qint64 rows() const;
    };

    // `progress` (optional) is called before each table with its name.
    static core::Result<Report> copy(Database &source, Database &target,
                                     const std::function<void(const QString &)> &progress = {});

    // «планов» for plans: the Russian label of a table for «планов: 3 → 3»; «таблица «x»» for a
    // table this program does not name.
    static QString label(const QString &table);
};

} // namespace objectivity::storage
