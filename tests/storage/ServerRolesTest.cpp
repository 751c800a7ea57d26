// Roles enforced by the PostgreSQL server (ServerRoles, ServerAccountRepository, server/roles.sql):
// two schools, a school's deputy and director, another school's deputy and the department's
// specialist, each signing in as their own login role. What one school may not see or change is
// checked through the application and through a raw QPSQL connection with plain SQL.
#include "objectivity/storage/ServerRoles.h"
#include "../support/SamplePlans.h"
#include "../support/TestDatabase.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/ServerAccountRepository.h"
#include "objectivity/storage/SqlErrorText.h"
#include "objectivity/storage/plan/FindingLinkRepository.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

using namespace objectivity;

namespace {

const QString kPassword = QStringLiteral("пароль-школы-1");

class ServerRolesTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test::TestDatabase::postgres())
            GTEST_SKIP() << "PostgreSQL only: roles and row-level security of a server (run the "
                            "postgresql. tests under pg_virtualenv)";
        if (const QString why = test::TestDatabase::unavailable(); !why.isEmpty())
            GTEST_SKIP() << why.toStdString();
        ASSERT_TRUE(dir.isValid());
        holder = std::make_unique<test::TestDatabase>();
        location = holder->create(dir, QStringLiteral("unused"));
        ASSERT_FALSE(location.isEmpty()) << holder->why().toStdString();
        prefix = QStringLiteral("t%1_").arg(QCoreApplication::applicationPid());
        auto opened = storage::Database::open(location);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        owner = std::move(opened.value());
    }

    void TearDown() override {
        for (const QString &name : rawNames)
            QSqlDatabase::removeDatabase(name);
        owner.reset();
        holder.reset(); // drops the database before its roles
        test::TestDatabase maintenance;
        for (const QString &role : roles)
            maintenance.maintenance(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(role));
    }

    // The database's URL signed in as `role`.
    QString urlAs(const QString &role) const {
        QUrl url(location);
        url.setUserName(role);
        url.setPassword(kPassword);
        return url.toString();
    }

    core::Status addAccount(const QString &name, core::Role role, const QString &school,
                            const QString &municipality = {}) {
        storage::ServerAccount account;
        account.roleName = prefix + name;
        account.role = role;
        storage::ServerAccountRepository::Place place;
        place.schoolCode = school;
        place.municipality = municipality;
        core::Status s = storage::ServerAccountRepository(*owner).add(account, place, kPassword);
        if (s)
            roles << account.roleName;
        return s;
    }

    // A plain QPSQL connection as `role`: what a client that skips the program's checks can do.
    QSqlDatabase rawAs(const QString &role) {
        const QString name = QStringLiteral("raw-") + role;
        rawNames << name;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const QUrl url(location);
        db.setHostName(url.host().isEmpty() ? qEnvironmentVariable("PGHOST") : url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(holder->serverName());
        db.setUserName(prefix + role);
        db.setPassword(kPassword);
        EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
        return db;
    }

    std::unique_ptr<storage::Database> openAs(const QString &role) {
        auto opened = storage::Database::open(urlAs(prefix + role));
        EXPECT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        return opened ? std::move(opened.value()) : nullptr;
    }

    // Two schools of one municipality in the results registry, the server prepared, the
    // accounts made and one plan per school saved by the owner.
    void prepare() {
        QSqlQuery q(owner->connection());
        ASSERT_TRUE(q.exec(QStringLiteral(
            "INSERT INTO schools (code, name, municipality) VALUES ('sch1', 'Школа А', 'Город'), "
            "('sch2', 'Школа Б', 'Город')")))
            << q.lastError().text().toStdString();
        auto init = storage::ServerRoles::init(*owner);
        ASSERT_TRUE(init.ok()) << init.error().toString().toStdString();
        ASSERT_TRUE(
            addAccount(QStringLiteral("zam_a"), core::Role::Deputy, QStringLiteral("sch1")));
        ASSERT_TRUE(
            addAccount(QStringLiteral("dir_a"), core::Role::Director, QStringLiteral("sch1")));
        ASSERT_TRUE(
            addAccount(QStringLiteral("zam_b"), core::Role::Deputy, QStringLiteral("sch2")));
        ASSERT_TRUE(addAccount(QStringLiteral("uo"), core::Role::Municipal, QString(),
                               QStringLiteral("Город")));
        storage::PlanRepository plans(*owner);
        core::Plan a = test::importedLikePlan(QStringLiteral("Школа А"));
        a.organization.municipality = QStringLiteral("Город");
        a.status = core::PlanStatus::PendingApproval;
        ASSERT_TRUE(plans.save(a));
        core::Plan b = test::importedLikePlan(QStringLiteral("Школа Б"));
        b.organization.municipality = QStringLiteral("Город");
        b.status = core::PlanStatus::Draft;
        ASSERT_TRUE(plans.save(b));
        planA = a.id;
        planB = b.id;
    }

    static qint64 count(QSqlDatabase db, const QString &sql) {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next()) {
            ADD_FAILURE() << sql.toStdString() << ": " << q.lastError().text().toStdString();
            return -1;
        }
        return q.value(0).toLongLong();
    }

    QTemporaryDir dir;
    std::unique_ptr<test::TestDatabase> holder;
    QString location;
    QString prefix;
    std::unique_ptr<storage::Database> owner;
    QStringList roles;
    QStringList rawNames;
    qint64 planA = 0;
    qint64 planB = 0;
};

TEST_F(ServerRolesTest, InitTwiceIsHarmlessAndMakesTheGroups) {
    auto first = storage::ServerRoles::init(*owner);
    ASSERT_TRUE(first.ok()) << first.error().toString().toStdString();
    auto second = storage::ServerRoles::init(*owner);
    ASSERT_TRUE(second.ok()) << second.error().toString().toStdString();
    EXPECT_TRUE(second->isEmpty()) << "the second init found every group";
    QSqlQuery q(owner->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname LIKE "
                                      "'objectivity\\_%' AND NOT rolcanlogin")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 4);
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT count(*) FROM pg_policies WHERE tablename = 'plans'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 2) << "policies replaced, not added again";
}

TEST_F(ServerRolesTest, SchoolSeesOnlyItsPlansThroughTheApplication) {
    prepare();
    if (HasFatalFailure())
        return;
    auto zam = openAs(QStringLiteral("zam_a"));
    ASSERT_TRUE(zam);
    ASSERT_TRUE(zam->actor().has_value()) << "the login role's account works";
    EXPECT_EQ(zam->actor()->role, core::Role::Deputy);
    storage::PlanRepository plans(*zam);
    auto list = plans.list();
    ASSERT_TRUE(list.ok()) << list.error().toString().toStdString();
    ASSERT_EQ(list->size(), 1);
    EXPECT_EQ(list->first().id, planA);
    auto own = plans.load(planA);
    ASSERT_TRUE(own.ok()) << own.error().toString().toStdString();
    EXPECT_FALSE(own->sections.isEmpty());
    EXPECT_FALSE(plans.load(planB).ok()) << "the other school's plan does not exist for it";
    EXPECT_FALSE(plans.remove(planB).ok());
    // Its own draft it changes, and a new plan it makes belongs to its school whatever the
    // document says.
    core::Plan fresh = test::importedLikePlan(QStringLiteral("Школа Б"));
    fresh.status = core::PlanStatus::Draft;
    ASSERT_TRUE(plans.save(fresh)) << "saved as the school's own plan";
    EXPECT_EQ(fresh.organization.name, QStringLiteral("Школа А"));

    auto uo = openAs(QStringLiteral("uo"));
    ASSERT_TRUE(uo);
    auto all = storage::PlanRepository(*uo).list();
    ASSERT_TRUE(all.ok()) << all.error().toString().toStdString();
    EXPECT_EQ(all->size(), 3) << "the department sees every school of its municipality";
    EXPECT_TRUE(storage::PlanRepository(*uo).load(planB).ok());
}

TEST_F(ServerRolesTest, PlainSqlCannotReachTheOtherSchool) {
    prepare();
    if (HasFatalFailure())
        return;
    QSqlDatabase zam = rawAs(QStringLiteral("zam_a"));
    const QString b = QString::number(planB);
    EXPECT_EQ(count(zam, QStringLiteral("SELECT count(*) FROM plans")), 1);
    EXPECT_EQ(count(zam, QStringLiteral("SELECT count(*) FROM sections WHERE plan_id = ") + b), 0);
    EXPECT_EQ(count(zam, QStringLiteral("SELECT count(*) FROM measures m JOIN sections s ON s.id "
                                        "= m.section_id WHERE s.plan_id = ") +
                             b),
              0);
    EXPECT_EQ(count(zam, QStringLiteral("SELECT count(*) FROM measure_owners")),
              count(rawAs(QStringLiteral("dir_a")),
                    QStringLiteral("SELECT count(*) FROM measure_owners")));
    EXPECT_EQ(count(zam, QStringLiteral("SELECT count(*) FROM plan_history WHERE plan_id = ") + b),
              0);
    EXPECT_EQ(count(zam, QStringLiteral("SELECT count(*) FROM server_accounts")), 1)
        << "a school's account sees its own row only";

    QSqlQuery q(zam);
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE plans SET title = 'взлом' WHERE id = ") + b));
    EXPECT_EQ(q.numRowsAffected(), 0);
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM measures WHERE section_id IN (SELECT id FROM "
                                      "sections WHERE plan_id = %1)")
                           .arg(planB)));
    EXPECT_EQ(q.numRowsAffected(), 0);
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM plans WHERE id = ") + b));
    EXPECT_EQ(q.numRowsAffected(), 0);
    // Writing into the other school's plan, or moving its own plan there, is refused.
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO sections (plan_id, position, title) VALUES "
                                       "(%1, 99, 'чужой раздел')")
                            .arg(planB)));
    EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE plans SET organization_id = (SELECT organization_id "
                                       "FROM server_accounts LIMIT 1) + 1000 WHERE id = %1")
                            .arg(planA)));
    // And its own accounts row or the history cannot be rewritten.
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM plan_history")));
    EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE server_accounts SET role = 'municipal'")));

    // The owner's view: plan B untouched.
    EXPECT_EQ(count(owner->connection(),
                    QStringLiteral("SELECT count(*) FROM plans WHERE title = 'взлом'")),
              0);
    EXPECT_GT(count(owner->connection(),
                    QStringLiteral("SELECT count(*) FROM measures m JOIN sections s ON s.id = "
                                   "m.section_id WHERE s.plan_id = ") +
                        b),
              0);

    QSqlDatabase uo = rawAs(QStringLiteral("uo"));
    EXPECT_EQ(count(uo, QStringLiteral("SELECT count(*) FROM plans")), 2);
    EXPECT_EQ(count(uo, QStringLiteral("SELECT count(*) FROM server_accounts")), 4);
}

// The staff directory holds the names of a school's teachers: on a shared server each school
// keeps its own list (migration 013 and server init), and the same name may be in two schools.
TEST_F(ServerRolesTest, EachSchoolKeepsItsOwnStaffDirectory) {
    prepare();
    if (HasFatalFailure())
        return;
    auto zamA = openAs(QStringLiteral("zam_a"));
    auto zamB = openAs(QStringLiteral("zam_b"));
    ASSERT_TRUE(zamA && zamB);
    storage::Person ivanovaA{0, QStringLiteral("Иванова И.И."), QStringLiteral("учитель"), false,
                             0};
    ASSERT_TRUE(storage::StaffRepository(*zamA).add(ivanovaA));
    storage::Person ivanovaB{0, QStringLiteral("Иванова И.И."), QStringLiteral("завуч"), false, 0};
    auto addedB = storage::StaffRepository(*zamB).add(ivanovaB);
    ASSERT_TRUE(addedB.ok()) << "the same name in another school: "
                             << addedB.error().toString().toStdString();
    storage::Person petrov{0, QStringLiteral("Петров П.П."), QString(), false, 0};
    ASSERT_TRUE(storage::StaffRepository(*zamB).add(petrov));
    // A name is still unique within one school.
    storage::Person again{0, QStringLiteral("Иванова И.И."), QString(), false, 0};
    EXPECT_FALSE(storage::StaffRepository(*zamA).add(again).ok());

    auto listA = storage::StaffRepository(*zamA).list();
    ASSERT_TRUE(listA.ok()) << listA.error().toString().toStdString();
    ASSERT_EQ(listA->size(), 1) << "school A sees its own entry only";
    EXPECT_EQ(listA->first().id, ivanovaA.id);
    EXPECT_EQ(listA->first().position, QStringLiteral("учитель"));
    auto listB = storage::StaffRepository(*zamB).list();
    ASSERT_TRUE(listB.ok());
    EXPECT_EQ(listB->size(), 2);

    // Plain SQL as school B: A's entry is neither read, nor changed, nor removed, and B cannot
    // write an entry into A's directory.
    QSqlDatabase raw = rawAs(QStringLiteral("zam_b"));
    const QString a = QString::number(ivanovaA.id);
    EXPECT_EQ(count(raw, QStringLiteral("SELECT count(*) FROM people WHERE id = ") + a), 0);
    QSqlQuery q(raw);
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE people SET position = 'взлом' WHERE id = ") + a));
    EXPECT_EQ(q.numRowsAffected(), 0);
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM people WHERE id = ") + a));
    EXPECT_EQ(q.numRowsAffected(), 0);
    const qint64 organizationA = count(
        owner->connection(), QStringLiteral("SELECT organization_id FROM people WHERE id = ") + a);
    EXPECT_GT(organizationA, 0) << "a new entry belongs to the signed-in school";
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO people (name, organization_id) VALUES "
                                       "('Чужой Ч.Ч.', %1)")
                            .arg(organizationA)));
    EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
    EXPECT_EQ(count(owner->connection(),
                    QStringLiteral("SELECT count(*) FROM people WHERE position = 'взлом' OR name "
                                   "= 'Чужой Ч.Ч.'")),
              0);
    EXPECT_EQ(
        count(owner->connection(), QStringLiteral("SELECT count(*) FROM people WHERE id = ") + a),
        1);
}

// The templates of measures are shared by the schools of a server and kept by the department: a
// school uses them (stored by server init, so that its first reading needs no write), it cannot
// replace them — through the program or plain SQL —, the department's specialist can.
TEST_F(ServerRolesTest, TheDepartmentKeepsTheTemplatesTheSchoolsUseThem) {
    prepare();
    if (HasFatalFailure())
        return;
    const qint64 stored =
        count(owner->connection(), QStringLiteral("SELECT count(*) FROM measure_templates"));
    EXPECT_GT(stored, 0) << "server init stored the built-in templates";

    auto zam = openAs(QStringLiteral("zam_a"));
    ASSERT_TRUE(zam);
    storage::FindingLinkRepository school(*zam);
    auto read = school.templates();
    ASSERT_TRUE(read.ok()) << read.error().toString().toStdString();
    EXPECT_EQ(read->size(), stored);
    EXPECT_FALSE(school.mayEditTemplates().ok());
    QList<core::MeasureTemplate> mine = read.value().mid(0, 1);
    const core::Status refused = school.saveTemplates(mine);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("управление образования")))
        << refused.error().message.toStdString();
    QSqlQuery q(rawAs(QStringLiteral("zam_a")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM measure_templates")));
    EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
    EXPECT_EQ(count(owner->connection(), QStringLiteral("SELECT count(*) FROM measure_templates")),
              stored);

    auto uo = openAs(QStringLiteral("uo"));
    ASSERT_TRUE(uo);
    storage::FindingLinkRepository department(*uo);
    auto all = department.templates();
    ASSERT_TRUE(all.ok());
    QList<core::MeasureTemplate> edited = *all;
    edited.first().text = QStringLiteral("Провести перепроверку работ с участием управления");
    const core::Status saved = department.saveTemplates(edited);
    ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    auto seen = school.templates();
    ASSERT_TRUE(seen.ok());
    EXPECT_EQ(seen->first().text,
              QStringLiteral("Провести перепроверку работ с участием управления"));
}

TEST_F(ServerRolesTest, OnlyTheDirectorApprovesEvenThroughPlainSql) {
    prepare();
    if (HasFatalFailure())
        return;
    QSqlQuery zam(rawAs(QStringLiteral("zam_a")));
    EXPECT_FALSE(
        zam.exec(QStringLiteral("UPDATE plans SET status = 'approved' WHERE id = %1").arg(planA)));
    EXPECT_EQ(zam.lastError().nativeErrorCode(), QStringLiteral("42501"));
    const QString russian = storage::SqlErrorText::russian(zam.lastError(), QString());
    EXPECT_TRUE(russian.contains(QStringLiteral("недостаточно прав"))) << russian.toStdString();
    EXPECT_EQ(count(owner->connection(),
                    QStringLiteral("SELECT count(*) FROM plans WHERE status = 'approved'")),
              0);
    // The department does not approve a school's plan either.
    QSqlQuery uo(rawAs(QStringLiteral("uo")));
    EXPECT_FALSE(
        uo.exec(QStringLiteral("UPDATE plans SET status = 'approved' WHERE id = %1").arg(planA)));
    // The school's director does.
    QSqlQuery director(rawAs(QStringLiteral("dir_a")));
    EXPECT_TRUE(director.exec(
        QStringLiteral("UPDATE plans SET status = 'approved' WHERE id = %1").arg(planA)))
        << director.lastError().text().toStdString();
    EXPECT_EQ(director.numRowsAffected(), 1);

    // Nor can a deputy store a plan approved at once (an «imported» approval); the director can.
    const QString insertApproved = QStringLiteral(
        "INSERT INTO plans (organization_id, title, status) SELECT organization_id, '%1', "
        "'approved' FROM server_accounts WHERE role_name = current_user");
    EXPECT_FALSE(zam.exec(insertApproved.arg(QStringLiteral("утверждён заместителем"))));
    EXPECT_EQ(zam.lastError().nativeErrorCode(), QStringLiteral("42501"));
    EXPECT_TRUE(zam.exec(QStringLiteral(
        "INSERT INTO plans (organization_id, title, status) SELECT organization_id, 'черновик', "
        "'draft' FROM server_accounts WHERE role_name = current_user")))
        << zam.lastError().text().toStdString();
    EXPECT_TRUE(director.exec(insertApproved.arg(QStringLiteral("утверждён директором"))))
        << director.lastError().text().toStdString();
    EXPECT_EQ(count(owner->connection(), QStringLiteral("SELECT count(*) FROM plans WHERE title "
                                                        "LIKE 'утверждён%'")),
              1);
}

TEST_F(ServerRolesTest, AccountsNeedAKnownSchoolAndAFreeName) {
    auto init = storage::ServerRoles::init(*owner);
    ASSERT_TRUE(init.ok()) << init.error().toString().toStdString();
    core::Status unknown =
        addAccount(QStringLiteral("zam_x"), core::Role::Deputy, QStringLiteral("нет_такой"));
    ASSERT_FALSE(unknown);
    EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("Школа не найдена")))
        << unknown.error().message.toStdString();
    core::Status cyrillic =
        addAccount(QStringLiteral("Завуч"), core::Role::Deputy, QStringLiteral("sch1"));
    ASSERT_FALSE(cyrillic);
    EXPECT_TRUE(cyrillic.error().message.contains(QStringLiteral("латинские")));
    QSqlQuery q(owner->connection());
    EXPECT_EQ(
        count(owner->connection(),
              QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname LIKE '%1%'").arg(prefix)),
        0)
        << "nothing created by a refused add";
}

TEST_F(ServerRolesTest, SslRequiredByTheUrlAgainstAServerWithoutSsl) {
    QSqlQuery q(owner->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SHOW ssl")) && q.next());
    if (q.value(0).toString() == QLatin1String("on"))
        GTEST_SKIP() << "this server has SSL on: the refusal cannot be shown here";
    QUrl url(location);
    url.setQuery(QStringLiteral("sslmode=require"));
    auto opened = storage::Database::open(url.toString());
    ASSERT_FALSE(opened.ok());
    const QString message = opened.error().message;
    EXPECT_TRUE(message.contains(QStringLiteral("не принимает шифрованные соединения (SSL)")))
        << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("SSL was required"))) << message.toStdString();
    EXPECT_TRUE(opened.error().details.contains(QStringLiteral("SSL")))
        << opened.error().details.toStdString();
}

TEST_F(ServerRolesTest, VerifyFullSaysWhatIsMissing) {
    // verify-full passes through to libpq too: without SSL on the server, or without a root
    // certificate for this user, the refusal names the TLS reason, not a network failure.
    QUrl url(location);
    url.setQuery(QStringLiteral("sslmode=verify-full"));
    auto opened = storage::Database::open(url.toString());
    ASSERT_FALSE(opened.ok());
    const QString message = opened.error().message;
    EXPECT_TRUE(message.contains(QStringLiteral("не принимает шифрованные соединения (SSL)")) ||
                message.contains(QStringLiteral("корневой сертификат")))
        << message.toStdString();
}

} // namespace

// «Сменить свой пароль…» on a server: a role sets its own password (ALTER ROLE, hashed by libpq),
// not another's; a short one is refused before the server is asked.
TEST_F(ServerRolesTest, EachRoleChangesItsOwnPasswordOnly) {
    prepare();
    const auto stored = [&](const QString &role) {
        QSqlQuery q(owner->connection());
        q.prepare(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = ?"));
        q.addBindValue(QString(prefix + role));
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    };
    const QString before = stored(QStringLiteral("zam_a"));
    const QString other = stored(QStringLiteral("zam_b"));
    ASSERT_FALSE(before.isEmpty());
    auto zam = openAs(QStringLiteral("zam_a"));
    ASSERT_TRUE(zam);
    storage::ServerAccountRepository accounts(*zam);
    core::Status shortOne =
        accounts.setPassword(prefix + QStringLiteral("zam_a"), QStringLiteral("коротко"));
    ASSERT_FALSE(shortOne);
    EXPECT_TRUE(shortOne.error().message.contains(QStringLiteral("слишком короткий")));
    ASSERT_TRUE(
        accounts.setPassword(prefix + QStringLiteral("zam_a"), QStringLiteral("новый-пароль-1")));
    const QString after = stored(QStringLiteral("zam_a"));
    EXPECT_FALSE(after.isEmpty());
    EXPECT_NE(after, before);
    EXPECT_FALSE(after.contains(QStringLiteral("новый-пароль-1"))) << "stored hashed";
    core::Status foreign =
        accounts.setPassword(prefix + QStringLiteral("zam_b"), QStringLiteral("чужой-пароль-1"));
    ASSERT_FALSE(foreign);
    EXPECT_TRUE(foreign.error().message.contains(QStringLiteral("прав")))
        << foreign.error().message.toStdString();
    EXPECT_EQ(stored(QStringLiteral("zam_b")), other);
}
