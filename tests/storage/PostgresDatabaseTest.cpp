// The PostgreSQL backend itself: the URL, the schema its migrations build compared with SQLite's,
// the version table, connection failures and lock timeouts in Russian. The tests that need a
// server run in the "postgresql." pass (OBJECTIVITY_TEST_BACKEND=postgresql under pg_virtualenv).
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseWait.h"
#include "objectivity/storage/PostgresUrl.h"
#include "objectivity/storage/SqlErrorText.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <map>
#include <set>
#include <thread>

using namespace Qt::StringLiterals;
using objectivity::storage::Database;
using objectivity::storage::PostgresUrl;
using objectivity::test::TestDatabase;

namespace {

#define OBJ_POSTGRES_ONLY()                                                                        \
    do {                                                                                           \
        if (!TestDatabase::postgres())                                                             \
            GTEST_SKIP() << "PostgreSQL only (the postgresql. pass of ctest)";                     \
    } while (0)

// table → its columns, of every table of the application's schema.
using Schema = std::map<QString, std::set<QString>>;

Schema schemaOf(Database &db) {
    Schema schema;
    QSqlQuery q(db.connection());
    if (db.isPostgres()) {
        EXPECT_TRUE(q.exec(u"SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_schema = current_schema() AND table_name <> "
                           "'schema_version'"_s));
        while (q.next())
            schema[q.value(0).toString()].insert(q.value(1).toString());
        return schema;
    }
    EXPECT_TRUE(q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%'"_s));
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    for (const QString &t : tables) {
        const QSqlRecord r = db.connection().record(t);
        for (int i = 0; i < r.count(); ++i)
            schema[t].insert(r.fieldName(i));
    }
    return schema;
}

} // namespace

TEST(PostgresUrl, ParsesEveryPartAndHidesThePassword) {
    auto url = PostgresUrl::parse(
        u"postgresql://uo_admin:s%40cret@db.rono.local:5433/objectivity?sslmode=require&connect_timeout=5"_s);
    ASSERT_TRUE(url.ok()) << url.error().toString().toStdString();
    EXPECT_EQ(url->user, u"uo_admin"_s);
    EXPECT_EQ(url->password, u"s@cret"_s);
    EXPECT_EQ(url->host, u"db.rono.local"_s);
    EXPECT_EQ(url->port, 5433);
    EXPECT_EQ(url->database, u"objectivity"_s);
    EXPECT_EQ(url->sslMode, u"require"_s);
    EXPECT_EQ(url->connectTimeout, 5);
    EXPECT_EQ(
        url->toString(),
        u"postgresql://uo_admin@db.rono.local:5433/objectivity?sslmode=require&connect_timeout=5"_s);
    EXPECT_FALSE(url->toString().contains(u"cret"_s));
    EXPECT_EQ(url->server(), u"db.rono.local:5433"_s);
    EXPECT_EQ(url->shortName(), u"uo_admin@db.rono.local/objectivity"_s);
    EXPECT_EQ(url->connectOptions(), u"sslmode=require;connect_timeout=5"_s);
    EXPECT_TRUE(PostgresUrl::isUrl(u"postgres://h/d"_s));
    EXPECT_FALSE(PostgresUrl::isUrl(u"/home/user/postgresql.sqlite"_s));
}

TEST(PostgresUrl, MistakesAreRussianAndNeverShowThePassword) {
    for (const QString &bad : {u"postgresql://u:topsecret@host:5432/"_s,
                               u"postgresql://u:topsecret@host:5432/db?sslmode=always"_s,
                               u"postgresql://u:topsecret@host:99999/db"_s,
                               u"postgresql://u:topsecret@host/db?application=x"_s}) {
        auto url = PostgresUrl::parse(bad);
        ASSERT_FALSE(url.ok()) << bad.toStdString();
        EXPECT_TRUE(url.error().message.startsWith(u"неверный адрес сервера базы данных"_s))
            << url.error().message.toStdString();
        EXPECT_FALSE(url.error().toString().contains(u"topsecret"_s))
            << url.error().toString().toStdString();
    }
}

TEST(PostgresErrorText, SqlStatesReadAsRussian) {
    using objectivity::storage::SqlErrorText;
    const QString server = u"db:5432"_s;
    EXPECT_TRUE(SqlErrorText::russianPostgres(u"23505"_s, {}, server).contains(u"уже есть"_s));
    EXPECT_TRUE(SqlErrorText::russianPostgres(u"55P03"_s, {}, server).contains(u"занята"_s));
    EXPECT_EQ(SqlErrorText::russianPostgres(u"08006"_s, {}, server),
              u"нет связи с сервером базы данных «db:5432»; проверьте адрес сервера и сеть"_s);
    EXPECT_TRUE(SqlErrorText::russianPostgres(u"28P01"_s, {}, server)
                    .startsWith(u"неверное имя пользователя или пароль"_s));
    EXPECT_TRUE(
        SqlErrorText::russianPostgres(u"42501"_s, {}, server).startsWith(u"недостаточно прав"_s));
    EXPECT_TRUE(
        SqlErrorText::russianPostgres(u"3D000"_s, {}, server).contains(u"нет такой базы"_s));
    EXPECT_TRUE(
        SqlErrorText::russianPostgres(u"53100"_s, {}, server).contains(u"места на диске"_s));
    EXPECT_TRUE(SqlErrorText::russianPostgres(
                    {}, u"FATAL:  password authentication failed for user \"x\""_s, server)
                    .startsWith(u"неверное имя пользователя или пароль"_s));
}

TEST(PostgresDatabase, TheMigrationsBuildTheSameTablesAndColumnsAsOnSqlite) {
    OBJ_POSTGRES_ONLY();
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(server, url, dir, u"p.sqlite"_s);
    auto pg = Database::open(url);
    ASSERT_TRUE(pg.ok()) << pg.error().toString().toStdString();
    EXPECT_TRUE((*pg)->isPostgres());
    EXPECT_TRUE((*pg)->isNew());
    EXPECT_EQ((*pg)->schemaVersion(), Database::latestSchemaVersion());
    auto lite = Database::open(dir.filePath(u"reference.sqlite"_s));
    ASSERT_TRUE(lite.ok()) << lite.error().toString().toStdString();
    const Schema expected = schemaOf(**lite);
    const Schema actual = schemaOf(**pg);
    EXPECT_GE(expected.size(), 15u);
    EXPECT_EQ(actual, expected);
    // The same rows the SQLite migrations insert (the shipped mark scales).
    QSqlQuery a((*pg)->connection()), b((*lite)->connection());
    ASSERT_TRUE(a.exec(u"SELECT count(*) FROM mark_scales"_s) && a.next());
    ASSERT_TRUE(b.exec(u"SELECT count(*) FROM mark_scales"_s) && b.next());
    EXPECT_EQ(a.value(0).toInt(), b.value(0).toInt());
    // Opened again: nothing to migrate, not new.
    pg->reset();
    auto again = Database::open(url);
    ASSERT_TRUE(again.ok()) << again.error().toString().toStdString();
    EXPECT_FALSE((*again)->isNew());
}

TEST(PostgresDatabase, TwoClientsOpeningANewDatabaseAtOnceMigrateItOnce) {
    OBJ_POSTGRES_ONLY();
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(server, url, dir, u"p.sqlite"_s);
    QString errors[2];
    std::thread clients[2];
    for (int i = 0; i < 2; ++i)
        clients[i] = std::thread([&, i] {
            auto db = Database::open(url);
            if (!db)
                errors[i] = db.error().toString();
        });
    for (auto &t : clients)
        t.join();
    EXPECT_TRUE(errors[0].isEmpty()) << errors[0].toStdString();
    EXPECT_TRUE(errors[1].isEmpty()) << errors[1].toStdString();
    auto db = Database::open(url);
    ASSERT_TRUE(db.ok());
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(u"SELECT count(*) FROM schema_version"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    ASSERT_TRUE(q.exec(u"SELECT count(*) FROM meta"_s) && q.next()); // 005 ran once, no error
}

TEST(PostgresDatabase, ANewerSchemaIsRefused) {
    OBJ_POSTGRES_ONLY();
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(server, url, dir, u"p.sqlite"_s);
    {
        auto db = Database::open(url);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(u"UPDATE schema_version SET version = 999"_s));
    }
    auto db = Database::open(url);
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.contains(u"более новой версией программы"_s))
        << db.error().message.toStdString();
}

TEST(PostgresDatabase, ConnectionFailuresAreRussianWithTheServer) {
    OBJ_POSTGRES_ONLY();
    if (!TestDatabase::unavailable().isEmpty())
        GTEST_SKIP() << TestDatabase::unavailable().toStdString();
    // No server listens on port 1.
    auto noServer = Database::open(u"postgresql://nobody@127.0.0.1:1/objt?connect_timeout=3"_s);
    ASSERT_FALSE(noServer.ok());
    EXPECT_TRUE(
        noServer.error().message.contains(u"нет связи с сервером базы данных «127.0.0.1:1»"_s))
        << noServer.error().message.toStdString();
    EXPECT_FALSE(noServer.error().details.isEmpty());
    // A database that does not exist on the real server.
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(server, url, dir, u"p.sqlite"_s);
    auto missing = Database::open(QString(url).replace(server.serverName(), u"objt_absent"_s));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(u"нет такой базы данных"_s))
        << missing.error().message.toStdString();
    EXPECT_FALSE(missing.error().message.contains(u"does not exist"_s));
}

TEST(PostgresDatabase, AWriteThatWaitsTooLongForALockIsBusyAndChangesNothing) {
    OBJ_POSTGRES_ONLY();
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(server, url, dir, u"p.sqlite"_s);
    qputenv("OBJECTIVITY_BUSY_TIMEOUT_MS", "300");
    auto first = Database::open(url);
    auto second = Database::open(url);
    ASSERT_TRUE(first.ok() && second.ok());
    QSqlQuery setup((*first)->connection());
    ASSERT_TRUE(setup.exec(u"INSERT INTO meta (key, value) VALUES ('k', 'old')"_s));
    objectivity::core::Status inner;
    const objectivity::core::Status outer = (*first)->transaction([&] {
        QSqlQuery q((*first)->connection());
        EXPECT_TRUE(q.exec(u"UPDATE meta SET value = 'first' WHERE key = 'k'"_s));
        inner = (*second)->transaction([&]() -> objectivity::core::Status {
            QSqlQuery w((*second)->connection());
            if (!w.exec(u"UPDATE meta SET value = 'second' WHERE key = 'k'"_s))
                return objectivity::storage::SqlErrorText::error((*second)->path(), {},
                                                                 w.lastError());
            return {};
        });
        return objectivity::core::Status{};
    });
    qunsetenv("OBJECTIVITY_BUSY_TIMEOUT_MS");
    EXPECT_TRUE(outer.ok());
    ASSERT_FALSE(inner.ok());
    EXPECT_TRUE(inner.error().message.contains(u"занята"_s)) << inner.error().message.toStdString();
    QSqlQuery q((*second)->connection());
    ASSERT_TRUE(q.exec(u"SELECT value FROM meta WHERE key = 'k'"_s) && q.next());
    EXPECT_EQ(q.value(0).toString(), u"first"_s);
}
