#pragma once
// Opens a database for a test (a SQLite path or a server URL); a failure is a test failure with
// the program's message, and the result is then null.
#include "objectivity/storage/Database.h"

#include <gtest/gtest.h>

#include <memory>

namespace objectivity::test {

inline std::unique_ptr<storage::Database> openDatabase(const QString &location) {
    auto db = storage::Database::open(location);
    EXPECT_TRUE(db.ok()) << db.error().toString().toStdString();
    return db.ok() ? std::move(db.value()) : nullptr;
}

} // namespace objectivity::test
