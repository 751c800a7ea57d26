// `server init` and `account add|list|remove` as a department runs them, and a school's account
// signing in with its own login role (the password in the URL here; PGPASSWORD or ~/.pgpass for
// a user). On SQLite both groups refuse with a Russian message.
#include "CliTest.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;
using objectivity::test::CliRun;

namespace {

class ServerCliTest : public objectivity::test::CliTest {
protected:
    void TearDown() override {
        qunsetenv("OBJECTIVITY_NEW_PASSWORD");
        // Login roles belong to the whole server: drop them (they own nothing, the rows that
        // name them go with the test's database).
        objectivity::test::TestDatabase maintenance;
        for (const QString &role : m_roles)
            maintenance.maintenance(u"DROP ROLE IF EXISTS \"%1\""_s.arg(role));
    }
    QString role(const QString &name) {
        const QString full = u"c%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(name);
        m_roles << full;
        return full;
    }
    CliRun runAs(const QString &login, const QStringList &args) {
        QUrl url(dbPath());
        url.setUserName(login);
        url.setPassword(u"пароль-%1"_s.arg(login));
        return run(QStringList{u"--db"_s, url.toString()} + args, false);
    }
    CliRun addAccount(const QString &login, const QStringList &args, const QString &as = {}) {
        qputenv("OBJECTIVITY_NEW_PASSWORD", u"пароль-%1"_s.arg(login).toUtf8());
        const QStringList command = QStringList{u"account"_s, u"add"_s, login} + args;
        return as.isEmpty() ? run(command) : runAs(as, command);
    }
    QStringList m_roles;
};

TEST_F(ServerCliTest, FileDatabaseHasNoServerRoles) {
    if (IsSkipped())
        return;
    OBJ_SQLITE_ONLY("the refusal of a file");
    const CliRun init = run({u"server"_s, u"init"_s});
    EXPECT_EQ(init.exitCode, 1);
    EXPECT_TRUE(init.err.contains(u"только в базе на сервере PostgreSQL"_s))
        << init.err.toStdString();
    qputenv("OBJECTIVITY_NEW_PASSWORD", "пароль-длинный");
    const CliRun add =
        run({u"account"_s, u"add"_s, u"zam"_s, u"--role"_s, u"deputy"_s, u"--school"_s, u"sch1"_s});
    EXPECT_EQ(add.exitCode, 1);
    EXPECT_TRUE(add.err.contains(u"команда user"_s)) << add.err.toStdString();
}

TEST_F(ServerCliTest, DepartmentSetsUpTheServerAndSchoolsSeeTheirOwnPlans) {
    if (IsSkipped())
        return;
    if (!objectivity::test::TestDatabase::postgres())
        GTEST_SKIP() << "PostgreSQL only: server roles";
    const qint64 kal = import(objectivity::test::seedPath(u"000"_s), {u"--status"_s, u"draft"_s});
    ASSERT_GT(kal, 0);
    const QString school = showJson(kal).value(u"organization"_s).toString();
    ASSERT_FALSE(school.isEmpty());

    const CliRun init = run({u"server"_s, u"init"_s});
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const CliRun again = run({u"server"_s, u"init"_s});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(u"уже были"_s)) << again.out.toStdString();

    // The department's administrator (CREATEROLE) adds the schools' accounts.
    const QString admin = role(u"admin"_s);
    CliRun r =
        addAccount(admin, {u"--role"_s, u"admin"_s, u"--municipality"_s, u"Сысертский ГО"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString zam = role(u"zam"_s);
    r = addAccount(
        zam, {u"--role"_s, u"deputy"_s, u"--school"_s, school, u"--name"_s, u"Иванова И. И."_s},
        admin);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(school)) << r.out.toStdString();
    const QString other = role(u"other"_s);
    r = addAccount(other, {u"--role"_s, u"deputy"_s, u"--school"_s, u"Другая школа"_s}, admin);
    ASSERT_EQ(r.exitCode, 1) << "a school nobody knows";
    EXPECT_TRUE(r.err.contains(u"Школа не найдена"_s)) << r.err.toStdString();

    // The school's deputy sees its plan and works as itself.
    r = runAs(zam, {u"plan"_s, u"list"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Планов: 1"_s)) << r.out.toStdString();
    // Nor set up the server: that is the owner's.
    r = runAs(zam, {u"server"_s, u"init"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"владелец базы данных"_s)) << r.err.toStdString();
    // A school account cannot make accounts: the server refuses.
    r = addAccount(role(u"evil"_s), {u"--role"_s, u"admin"_s, u"--municipality"_s, u"X"_s}, zam);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"недостаточно прав"_s)) << r.err.toStdString();
    // Nor approve.
    r = runAs(zam, {u"plan"_s, u"submit"_s, QString::number(kal)});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = runAs(zam, {u"plan"_s, u"approve"_s, QString::number(kal), u"--order"_s, u"1"_s,
                    u"--date"_s, u"01.09.2026"_s});
    EXPECT_EQ(r.exitCode, 1);

    // Its own password, not the administrator's (the server decides).
    qputenv("OBJECTIVITY_NEW_PASSWORD", "новый-пароль-завуча");
    r = runAs(zam, {u"account"_s, u"passwd"_s, admin});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"недостаточно прав"_s)) << r.err.toStdString();
    r = runAs(zam, {u"account"_s, u"passwd"_s, zam}); // the last use of the old password
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"изменён"_s)) << r.out.toStdString();
    qputenv("OBJECTIVITY_NEW_PASSWORD", "short");
    r = runAs(admin, {u"account"_s, u"passwd"_s, zam});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"слишком короткий"_s)) << r.err.toStdString();
    qunsetenv("OBJECTIVITY_NEW_PASSWORD");

    r = runAs(admin, {u"account"_s, u"list"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(zam) && r.out.contains(u"Иванова И. И."_s)) << r.out.toStdString();
    r = runAs(admin, {u"account"_s, u"remove"_s, zam});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = runAs(zam, {u"plan"_s, u"list"_s});
    EXPECT_EQ(r.exitCode, 1) << "the removed account's role signs in no more";
}

TEST_F(ServerCliTest, DepartmentLoadsResultsIntoTheServer) {
    if (IsSkipped())
        return;
    if (!objectivity::test::TestDatabase::postgres())
        GTEST_SKIP() << "PostgreSQL only: server roles";
    ASSERT_EQ(run({u"server"_s, u"init"_s}).exitCode, 0);
    const QString spec = role(u"spec"_s);
    CliRun r = addAccount(spec, {u"--role"_s, u"municipal"_s, u"--municipality"_s, u"Город"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    // Into an empty table: the owner's import would drop and rebuild the indexes, which only the
    // owner may; the department's account loads with them in place.
    const QString path =
        writeFile(u"flat.csv"_s, "Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;"
                                 "З1;З2;Итого;Отметка\n"
                                 "2024;ВПР;5;Математика;edu053001;5А;1;1;0;1;3\n"
                                 "2024;ВПР;5;Математика;edu053001;5А;2;1;1;2;4\n");
    r = runAs(spec, {u"results"_s, u"import"_s, path, u"--map"_s, u"Итого=primary_score"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = runAs(spec, {u"results"_s, u"stats"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"participants"_s).toInt(), 2)
        << r.out.toStdString();
}

TEST_F(ServerCliTest, DepartmentDistributesItsPlanIntoTheSchoolsPlans) {
    if (IsSkipped())
        return;
    if (!objectivity::test::TestDatabase::postgres())
        GTEST_SKIP() << "PostgreSQL only: server roles";
    ASSERT_EQ(run({u"server"_s, u"init"_s}).exitCode, 0);
    const QString spec = role(u"spec"_s);
    CliRun r = addAccount(spec, {u"--role"_s, u"municipal"_s, u"--municipality"_s, u"Город"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    // Two schools of the municipality, from a results file.
    const QString results =
        writeFile(u"flat.csv"_s, "Год;Процедура;Параллель;Предмет;Район;Логин ОО;Класс;"
                                 "Код участника;З1;Итого;Отметка\n"
                                 "2024;ВПР;5;Математика;Город;sch1;5А;1;1;1;3\n"
                                 "2024;ВПР;5;Математика;Город;sch2;5А;1;1;1;3\n");
    r = runAs(spec, {u"results"_s, u"import"_s, results, u"--map"_s, u"Итого=primary_score"_s,
                     u"--map"_s, u"Район=municipality"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString zam = role(u"zam"_s);
    r = addAccount(zam, {u"--role"_s, u"deputy"_s, u"--school"_s, u"sch1"_s}, spec);
    EXPECT_EQ(r.exitCode, 1) << "a municipal specialist has no CREATEROLE";
    r = addAccount(zam, {u"--role"_s, u"deputy"_s, u"--school"_s, u"sch1"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

    // The department's plan names no municipality: it is the department's own.
    r = runAs(spec, {u"plan"_s, u"import"_s, objectivity::test::seedPath(u"001"_s), u"--status"_s,
                     u"draft"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString municipal = r.out.split(u'\n', Qt::SkipEmptyParts).last();
    r = runAs(spec, {u"plan"_s, u"distribute"_s, municipal});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"школ 2"_s)) << r.out.toStdString();
    // The school sees its copy only, not the department's plan nor the other school's copy.
    r = runAs(zam, {u"plan"_s, u"list"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Планов: 1"_s)) << r.out.toStdString();
    r = runAs(zam, {u"plan"_s, u"show"_s, municipal});
    EXPECT_EQ(r.exitCode, 1);
    r = runAs(spec, {u"plan"_s, u"rollup"_s, municipal, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"schools"_s).toArray().size(),
              2)
        << r.out.toStdString();
}

} // namespace
