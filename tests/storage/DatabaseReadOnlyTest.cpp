// A database the program may not write opens for reading. The tests run as root, who may write
// anywhere, so a write-protected folder or file is stood for by OBJECTIVITY_READ_ONLY
// ("folder"/"file"): the program then takes exactly the path it takes on access(W_OK) failing.
// The real permissions (a chmod 0555 folder, a 0444 file, run as an unprivileged user) are
// checked end to end in tests/cli/ReadOnlyCliTest.cpp.
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

using objectivity::storage::Database;
using objectivity::storage::Person;
using objectivity::storage::StaffRepository;

namespace {

enum class Journal { Wal, Rollback };
void PrintTo(Journal j, std::ostream *os) {
    *os << (j == Journal::Wal ? "WAL" : "rollback journal");
}

// name → SHA-256 of every file in the folder (the database, and any -wal/-shm/-journal/.bak).
QMap<QString, QByteArray> folderState(const QString &folder) {
    QMap<QString, QByteArray> state;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        state.insert(name, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return state;
}

class DatabaseReadOnlyTest : public ::testing::TestWithParam<Journal> {
protected:
    // A database with one person in the staff directory, closed, in the given journal mode.
    void SetUp() override {
        path = dir.filePath(QStringLiteral("план школы.sqlite"));
        {
            auto db = Database::open(path);
            ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
            Person p;
            p.name = QStringLiteral("Н.С. Сазонова");
            ASSERT_TRUE(StaffRepository(**db).add(p).ok());
        }
        if (GetParam() == Journal::Rollback) {
            {
                QSqlDatabase raw =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("journal"));
                raw.setDatabaseName(path);
                ASSERT_TRUE(raw.open());
                QSqlQuery q(raw);
                ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
                ASSERT_TRUE(q.next());
                ASSERT_EQ(q.value(0).toString(), QStringLiteral("delete"));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("journal"));
        }
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QByteArray header = f.read(20);
        ASSERT_EQ(header.at(18), GetParam() == Journal::Wal ? 2 : 1) << "the journal mode is set";
        ASSERT_EQ(folderState(dir.path()).keys(), QStringList{QStringLiteral("план школы.sqlite")});
    }
    void TearDown() override { qunsetenv("OBJECTIVITY_READ_ONLY"); }

    QTemporaryDir dir;
    QString path;
};

} // namespace

TEST_P(DatabaseReadOnlyTest, InAWriteProtectedFolderItOpensForReadingAndWritesSayWhy) {
    OBJ_SQLITE_ONLY("about write-protected SQLite files and folders");
    const auto before = folderState(dir.path());
    qputenv("OBJECTIVITY_READ_ONLY", "folder");
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        auto people = StaffRepository(**db).list();
        ASSERT_TRUE(people.ok()) << people.error().toString().toStdString();
        ASSERT_EQ(people->size(), 1);
        EXPECT_EQ(people->first().name, QStringLiteral("Н.С. Сазонова"));

        Person p;
        p.name = QStringLiteral("И.И. Иванов");
        const auto st = StaffRepository(**db).add(p);
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().message,
                  QStringLiteral("База данных «план школы.sqlite» открыта только для чтения: нет "
                                 "прав на запись в папку «%1».")
                      .arg(dir.path()));
        // a worker connection (imports, analysis) is read-only as well
        auto worker = (*db)->openWorker();
        ASSERT_TRUE(worker.ok()) << worker.error().toString().toStdString();
        EXPECT_TRUE((*worker)->isReadOnly());
        EXPECT_EQ(StaffRepository(**worker).list()->size(), 1);
        EXPECT_FALSE(StaffRepository(**worker).add(p).ok());
    }
    // No journal switch, no -wal/-shm, no backup: the folder is byte for byte as it was.
    EXPECT_EQ(folderState(dir.path()), before);
}

TEST_P(DatabaseReadOnlyTest, AWriteProtectedFileOpensForReadingAndWritesSayWhy) {
    OBJ_SQLITE_ONLY("about write-protected SQLite files and folders");
    const auto before = folderState(dir.path());
    qputenv("OBJECTIVITY_READ_ONLY", "file");
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        EXPECT_EQ(StaffRepository(**db).list()->size(), 1);
        Person p;
        p.name = QStringLiteral("И.И. Иванов");
        const auto st = StaffRepository(**db).add(p);
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().message,
                  QStringLiteral("База данных «план школы.sqlite» открыта только для чтения: нет "
                                 "прав на запись в файл «%1».")
                      .arg(path));
    }
    // SQLite may leave an empty -wal/-shm next to a WAL file; the database itself is unchanged.
    EXPECT_EQ(folderState(dir.path()).value(QStringLiteral("план школы.sqlite")),
              before.value(QStringLiteral("план школы.sqlite")));
}

TEST_P(DatabaseReadOnlyTest, AnOlderSchemaInAWriteProtectedFolderAsksForAProgramWithWriteAccess) {
    OBJ_SQLITE_ONLY("about write-protected SQLite files and folders");
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 3")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("older"));
    const auto before = folderState(dir.path());
    qputenv("OBJECTIVITY_READ_ONLY", "folder");
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("должна быть обновлена")))
        << db.error().message.toStdString();
    EXPECT_TRUE(
        db.error().message.contains(QStringLiteral("программой, у которой есть право записи")))
        << db.error().message.toStdString();
    EXPECT_EQ(folderState(dir.path()), before) << "no backup, no migration";
}

INSTANTIATE_TEST_SUITE_P(Journals, DatabaseReadOnlyTest,
                         ::testing::Values(Journal::Wal, Journal::Rollback), [](const auto &info) {
                             return info.param == Journal::Wal ? std::string("Wal")
                                                               : std::string("Rollback");
                         });

TEST(DatabaseReadOnly, NoNewDatabaseInAWriteProtectedFolder) {
    OBJ_SQLITE_ONLY("about write-protected SQLite files and folders");
    QTemporaryDir dir;
    qputenv("OBJECTIVITY_READ_ONLY", "folder");
    auto db = Database::open(dir.filePath(QStringLiteral("new.sqlite")));
    qunsetenv("OBJECTIVITY_READ_ONLY");
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().message,
              QStringLiteral("нельзя создать базу данных: нет прав на запись в папку «%1»")
                  .arg(dir.path()));
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

TEST(DatabaseReadOnly, AWritableDatabaseIsNotReadOnly) {
    OBJ_SQLITE_ONLY("about write-protected SQLite files and folders");
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(db.ok());
    EXPECT_FALSE((*db)->isReadOnly());
}

// The last changes of a WAL file still in its -wal, no -shm, folder write-protected: SQLite could
// read it only as immutable, which would ignore the -wal and show stale data. Refused instead.
TEST(DatabaseReadOnly, PendingWalChangesInAWriteProtectedFolderAreNotHiddenButRefused) {
    OBJ_SQLITE_ONLY("about write-protected SQLite files and folders");
    QTemporaryDir dir;
    QTemporaryDir copy;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    const QString copied = copy.filePath(QStringLiteral("a.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        Person p;
        p.name = QStringLiteral("Н.С. Сазонова");
        ASSERT_TRUE(StaffRepository(**db).add(p).ok());
        // copied while open, as a file manager copies a database in use
        ASSERT_TRUE(QFile::copy(path, copied));
        ASSERT_TRUE(QFile::copy(path + QStringLiteral("-wal"), copied + QStringLiteral("-wal")));
    }
    ASSERT_GT(QFileInfo(copied + QStringLiteral("-wal")).size(), 0);
    const auto before = folderState(copy.path());
    qputenv("OBJECTIVITY_READ_ONLY", "folder");
    auto db = Database::open(copied);
    qunsetenv("OBJECTIVITY_READ_ONLY");
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.startsWith(
        QStringLiteral("последние изменения базы данных лежат в файле «a.sqlite-wal»")))
        << db.error().message.toStdString();
    EXPECT_EQ(folderState(copy.path()), before);
}
