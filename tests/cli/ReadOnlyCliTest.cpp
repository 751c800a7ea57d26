// A healthy database the user may not write — in a folder without write permission, or a
// write-protected file — is read by plan list/show and results stats, and a write says why it
// cannot. Real permissions: as root (who may write anywhere, and the tests run as root) the
// commands run as the unprivileged user nobody through setpriv(1), so chmod is in force; as any
// other user they run directly. The folder's files are compared byte for byte afterwards.
// Each case runs for a WAL database (the program's own mode) and a rollback-journal one.
#include "CliTest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>

#include <unistd.h>

using objectivity::test::CliRun;
using objectivity::test::CliTest;

namespace {

enum class Journal { Wal, Rollback };
void PrintTo(Journal j, std::ostream *os) {
    *os << (j == Journal::Wal ? "WAL" : "rollback journal");
}

constexpr auto kRw = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                     QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
constexpr auto kRo = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr auto kX = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;

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

class ReadOnlyCliTest : public CliTest, public ::testing::WithParamInterface<Journal> {
protected:
    void SetUp() override {
        OBJ_SQLITE_ONLY("about write-protected SQLite files and folders");
        seed = objectivity::test::seedPath(QStringLiteral("000"));
        other = objectivity::test::seedPath(QStringLiteral("001"));
        if (geteuid() == 0) {
            setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                GTEST_SKIP() << "running as root without setpriv(1): permissions cannot be tested";
        }
        // the temporary folder is 0700: let the unprivileged user in
        QFile::setPermissions(dir.path(), kRw | kX);
        folder = dir.filePath(QStringLiteral("общая папка"));
        ASSERT_TRUE(QDir().mkpath(folder));
        QFile::setPermissions(folder, kRw | kX);
    }
    void TearDown() override { QFile::setPermissions(folder, kRw | kX); }

    QString db() const { return QDir(folder).filePath(QStringLiteral("планы.sqlite")); }

    // The database with one plan, closed, in the journal mode of the parameter.
    qint64 makeDatabase() {
        const CliRun r = runAsUser({QStringLiteral("plan"), QStringLiteral("import"), seed}, false);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        if (GetParam() == Journal::Rollback) {
            {
                QSqlDatabase raw =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("journal"));
                raw.setDatabaseName(db());
                EXPECT_TRUE(raw.open());
                QSqlQuery q(raw);
                EXPECT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("journal"));
        }
        EXPECT_EQ(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("планы.sqlite")});
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).last().toLongLong();
    }

    // objectivity-cli --db db() ARGS, as an unprivileged user when `unprivileged` (and as root).
    CliRun runAsUser(const QStringList &args, bool unprivileged = true) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OBJECTIVITY_DB"));
        env.remove(QStringLiteral("OBJECTIVITY_READ_ONLY"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
        QStringList command =
            QStringList{QString::fromUtf8(OBJECTIVITY_CLI_PATH), QStringLiteral("--db"), db()} +
            args;
        if (unprivileged && !setpriv.isEmpty())
            command = QStringList{setpriv, QStringLiteral("--reuid=65534"),
                                  QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                  QStringLiteral("--")} +
                      command;
        p.start(command.takeFirst(), command);
        EXPECT_TRUE(p.waitForFinished(120000));
        CliRun r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Reading commands work; a write says why not; nothing in the folder changed.
    void expectReadableNotWritable(qint64 id, const QString &why) {
        const auto before = folderState(folder);
        const CliRun list = runAsUser({QStringLiteral("plan"), QStringLiteral("list")});
        EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
        EXPECT_TRUE(list.out.contains(QStringLiteral("Планов: 1"))) << list.out.toStdString();
        const CliRun show = runAsUser({QStringLiteral("plan"), QStringLiteral("show"),
                                       QString::number(id), QStringLiteral("--json")});
        EXPECT_EQ(show.exitCode, 0) << show.err.toStdString();
        const CliRun stats = runAsUser({QStringLiteral("results"), QStringLiteral("stats")});
        EXPECT_EQ(stats.exitCode, 0) << stats.err.toStdString();

        const CliRun import = runAsUser({QStringLiteral("plan"), QStringLiteral("import"), other});
        EXPECT_EQ(import.exitCode, 1);
        EXPECT_TRUE(import.err.contains(
            QStringLiteral("База данных «планы.sqlite» открыта только для чтения: ") + why))
            << import.err.toStdString();
        const CliRun remove =
            runAsUser({QStringLiteral("plan"), QStringLiteral("remove"), QString::number(id)});
        EXPECT_EQ(remove.exitCode, 1);
        EXPECT_TRUE(remove.err.contains(QStringLiteral("открыта только для чтения")))
            << remove.err.toStdString();
        EXPECT_EQ(folderState(folder), before);
    }

    QString seed, other, folder, setpriv;
};

} // namespace

TEST_P(ReadOnlyCliTest, DatabaseInAFolderWithoutWritePermission) {
    OBJ_REQUIRE_SHARED(other, "seeds/001_*.txt");
    const qint64 id = makeDatabase();
    QFile::setPermissions(db(), kRw); // only the folder stands in the way
    ASSERT_TRUE(QFile::setPermissions(folder, kRo | kX));
    expectReadableNotWritable(id, QStringLiteral("нет прав на запись в папку «%1»").arg(folder));
}

// The usual case on a shared folder: neither the folder nor the file may be written. The file is
// named as the reason; a WAL file is still read (as immutable, there being no -wal beside it).
TEST_P(ReadOnlyCliTest, WriteProtectedFileInAWriteProtectedFolder) {
    OBJ_REQUIRE_SHARED(other, "seeds/001_*.txt");
    const qint64 id = makeDatabase();
    ASSERT_TRUE(QFile::setPermissions(db(), kRo));
    ASSERT_TRUE(QFile::setPermissions(folder, kRo | kX));
    expectReadableNotWritable(id, QStringLiteral("нет прав на запись в файл «%1»").arg(db()));
}

TEST_P(ReadOnlyCliTest, WriteProtectedDatabaseFile) {
    OBJ_REQUIRE_SHARED(other, "seeds/001_*.txt");
    const qint64 id = makeDatabase();
    ASSERT_TRUE(QFile::setPermissions(db(), kRo));
    // the folder stays writable: SQLite may add -wal/-shm for a WAL file, so compare the file only
    const auto before = folderState(folder).value(QStringLiteral("планы.sqlite"));
    const CliRun list = runAsUser({QStringLiteral("plan"), QStringLiteral("list")});
    EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("Планов: 1"))) << list.out.toStdString();
    const CliRun import = runAsUser({QStringLiteral("plan"), QStringLiteral("import"), other});
    EXPECT_EQ(import.exitCode, 1);
    EXPECT_TRUE(import.err.contains(
        QStringLiteral("открыта только для чтения: нет прав на запись в файл «%1»").arg(db())))
        << import.err.toStdString();
    EXPECT_EQ(folderState(folder).value(QStringLiteral("планы.sqlite")), before);
    (void)id;
}

TEST_P(ReadOnlyCliTest, NoNewDatabaseInAFolderWithoutWritePermission) {
    ASSERT_TRUE(QFile::setPermissions(folder, kRo | kX));
    const CliRun r = runAsUser({QStringLiteral("plan"), QStringLiteral("list")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("нельзя создать базу данных: нет прав на запись в "
                                              "папку «%1»")
                                   .arg(folder)))
        << r.err.toStdString();
    EXPECT_TRUE(QDir(folder).entryList(QDir::Files).isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Journals, ReadOnlyCliTest,
                         ::testing::Values(Journal::Wal, Journal::Rollback), [](const auto &info) {
                             return info.param == Journal::Wal ? std::string("Wal")
                                                               : std::string("Rollback");
                         });
