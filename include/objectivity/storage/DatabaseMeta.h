#pragma once
#include "objectivity/core/common/Result.h"

#include <QString>

namespace objectivity::storage {

class Database;

// Facts about the database file itself (table meta, 005_meta.sql): key → text. The demonstration
// database carries demo = 1, written when it is created, so it is recognised however it is opened.
class DatabaseMeta {
public:
    explicit DatabaseMeta(Database &db) : m_db(db) {}

    // The value of `key`, a null QString when the key is absent.
    core::Result<QString> value(const QString &key) const;
    core::Status setValue(const QString &key, const QString &value);

    core::Result<bool> isDemo() const;
    core::Status markDemo();

private:
    Database &m_db;
};

} // namespace objectivity::storage
