#pragma once
// The numbered migration scripts embedded as Qt resources (private to storage):
// :/sql/NNN_name.sql for SQLite, :/sql/postgresql/NNN_name.sql for PostgreSQL.
#include "objectivity/core/common/Result.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <utility>

namespace objectivity::storage {

class Migrations {
public:
    // Number → resource path of the scripts of one dialect.
    static std::map<int, QString> files(bool postgres);
    // Checks that both dialects have the same numbers (an error names the number missing where).
    static core::Status checkBothDialects();
    // The statements of a script: each ends with ';' at the end of a line; on SQLite CREATE
    // TRIGGER … END; blocks, on PostgreSQL $$-quoted bodies (functions, DO blocks) are kept whole.
    static QStringList statements(const QString &script, bool postgres);
    // «ALTER TABLE t ADD COLUMN c …» → {t, c}; empty for any other statement. SQLite has no ADD
    // COLUMN IF NOT EXISTS: the runner skips such a statement when the column is there (a
    // script re-run on a file that has it, as PostgreSQL's IF NOT EXISTS would).
    static std::optional<std::pair<QString, QString>> addedColumn(const QString &statement);
};

} // namespace objectivity::storage
