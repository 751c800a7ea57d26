// storage::SqlErrorText: every SQLite failure a user can meet reads as Russian; the driver's text
// is kept for the details. Real failures from a real connection where SQLite can produce them here.
#include "objectivity/storage/SqlErrorText.h"
#include "objectivity/storage/Database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using storage::SqlErrorText;

namespace {

bool hasEnglish(const QString &text) {
    static const QRegularExpression latin(u"[A-Za-z]{3,}"_s);
    return latin.match(text).hasMatch();
}

TEST(SqlErrorTextTest, EveryResultCodeReadsAsRussian) {
    for (int code = 1; code <= 28; ++code) {
        const QString text = SqlErrorText::russian(code, u"some English text"_s);
        EXPECT_FALSE(hasEnglish(text)) << code << ": " << text.toStdString();
        EXPECT_FALSE(text.isEmpty()) << code;
    }
    EXPECT_TRUE(SqlErrorText::russian(SQLITE_FULL, {}).contains(u"не хватает места"_s));
    EXPECT_TRUE(SqlErrorText::russian(SQLITE_BUSY, {}).contains(u"занята"_s));
    EXPECT_TRUE(SqlErrorText::russian(SQLITE_IOERR_WRITE, {}).contains(u"записи"_s)); // extended
    EXPECT_TRUE(SqlErrorText::russian(SQLITE_READONLY, {}).contains(u"только для чтения"_s));
    EXPECT_TRUE(SqlErrorText::russian(SQLITE_NOTADB, {}).contains(u"повреждён"_s));
}

TEST(SqlErrorTextTest, WithoutACodeTheKnownEnglishTextChoosesTheReason) {
    // Qt's commit error carries no result code: «database or disk is full Unable to commit».
    QSqlError commit(u"Unable to commit transaction"_s, u"database or disk is full"_s,
                     QSqlError::TransactionError);
    EXPECT_TRUE(SqlErrorText::russian(commit).contains(u"не хватает места"_s));
    EXPECT_TRUE(SqlErrorText::original(commit).contains(u"database or disk is full"_s));
    QSqlError locked(u"Unable to begin transaction"_s, u"database is locked"_s,
                     QSqlError::TransactionError);
    EXPECT_TRUE(SqlErrorText::russian(locked).contains(u"занята"_s));
}

TEST(SqlErrorTextTest, AConstraintFailureOfARealQueryIsRussianWithTheOriginalAsDetails) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto db = storage::Database::open(dir.filePath(u"c.sqlite"_s));
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    QSqlQuery q(db.value()->connection());
    ASSERT_TRUE(q.exec(u"CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)"_s));
    ASSERT_TRUE(q.exec(u"INSERT INTO t (v) VALUES ('a')"_s));
    ASSERT_FALSE(q.exec(u"INSERT INTO t (v) VALUES ('a')"_s));
    const core::Error e =
        SqlErrorText::error(u"c.sqlite"_s, u"запись не сохранена"_s, q.lastError());
    EXPECT_EQ(e.message, u"запись не сохранена: такая запись уже есть в базе данных (повтор "
                         u"уникального значения)"_s);
    EXPECT_TRUE(e.details.contains(u"UNIQUE constraint failed"_s)) << e.details.toStdString();
    ASSERT_FALSE(q.exec(u"INSERT INTO t (v) VALUES (NULL)"_s));
    EXPECT_TRUE(SqlErrorText::russian(q.lastError()).contains(u"обязательное"_s));
}

TEST(SqlErrorTextTest, AFileThatIsNotADatabaseIsReportedInRussian) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // The SQLite header, then garbage: opening passes the header check, reading fails.
    QFile f(dir.filePath(u"bad.sqlite"_s));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4096, '\x7f'));
    f.close();
    auto db = storage::Database::open(f.fileName());
    ASSERT_FALSE(db.ok());
    const QString text = db.error().message;
    EXPECT_FALSE(hasEnglish(text)) << text.toStdString();
    EXPECT_FALSE(db.error().details.isEmpty());
}

} // namespace
