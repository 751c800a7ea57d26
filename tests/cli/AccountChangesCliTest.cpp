// `user passwd` and `user role`: an administrator resets a forgotten password and changes roles;
// everyone changes their own password; nobody else does; the last administrator keeps the role.
#include "CliTest.h"

using objectivity::test::CliRun;

namespace {

using namespace Qt::StringLiterals;

class AccountChangesCli : public objectivity::test::CliTest {
protected:
    // Runs as `user` (empty: no --user) with its password and, when given, a new one.
    CliRun as(const QString &user, const QString &password, QStringList args,
              const QString &newPassword = {}) {
        if (!user.isEmpty())
            args << u"--user"_s << user;
        qputenv("OBJECTIVITY_PASSWORD", password.toUtf8());
        if (!newPassword.isEmpty())
            qputenv("OBJECTIVITY_NEW_PASSWORD", newPassword.toUtf8());
        CliRun r = run(args);
        qunsetenv("OBJECTIVITY_PASSWORD");
        qunsetenv("OBJECTIVITY_NEW_PASSWORD");
        return r;
    }
    // Whether `user` signs in with `password` (a harmless command that needs signing in).
    bool signsIn(const QString &user, const QString &password) {
        return as(user, password, {u"user"_s, u"passwd"_s, user}, password).exitCode == 0;
    }
    QString roles() { return run({u"user"_s, u"list"_s}).out; }
};

} // namespace

TEST_F(AccountChangesCli, PasswordsAndRolesByTheRules) {
    ASSERT_EQ(as({}, u"admin-пароль"_s, {u"user"_s, u"add"_s, u"admin"_s, u"--role"_s, u"admin"_s})
                  .exitCode,
              0);
    for (const QString &name : {u"zam"_s, u"director"_s}) {
        const CliRun r =
            as(u"admin"_s, u"admin-пароль"_s, {u"user"_s, u"add"_s, name, u"--role"_s, u"deputy"_s},
               name + u"-пароль"_s);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    // the deputy forgot the password: the administrator sets a new one
    CliRun reset =
        as(u"admin"_s, u"admin-пароль"_s, {u"user"_s, u"passwd"_s, u"zam"_s}, u"новый-пароль"_s);
    ASSERT_EQ(reset.exitCode, 0) << reset.err.toStdString();
    EXPECT_TRUE(reset.out.contains(u"Пароль учётной записи «zam» изменён."_s));
    EXPECT_FALSE(signsIn(u"zam"_s, u"zam-пароль"_s));
    EXPECT_TRUE(signsIn(u"zam"_s, u"новый-пароль"_s));

    // the deputy changes their own password, not another's
    CliRun own =
        as(u"zam"_s, u"новый-пароль"_s, {u"user"_s, u"passwd"_s, u"zam"_s}, u"свой-пароль"_s);
    EXPECT_EQ(own.exitCode, 0) << own.err.toStdString();
    EXPECT_TRUE(signsIn(u"zam"_s, u"свой-пароль"_s));
    CliRun other =
        as(u"zam"_s, u"свой-пароль"_s, {u"user"_s, u"passwd"_s, u"director"_s}, u"чужой-пароль"_s);
    EXPECT_EQ(other.exitCode, 1);
    EXPECT_TRUE(other.err.contains(u"администратор"_s)) << other.err.toStdString();
    EXPECT_TRUE(signsIn(u"director"_s, u"director-пароль"_s));
    // too short: refused, the old one stays
    EXPECT_EQ(as(u"zam"_s, u"свой-пароль"_s, {u"user"_s, u"passwd"_s, u"zam"_s}, u"abc"_s).exitCode,
              1);
    EXPECT_TRUE(signsIn(u"zam"_s, u"свой-пароль"_s));

    // roles: the administrator changes them; a deputy cannot
    CliRun promote = as(u"admin"_s, u"admin-пароль"_s,
                        {u"user"_s, u"role"_s, u"director"_s, u"--role"_s, u"director"_s});
    ASSERT_EQ(promote.exitCode, 0) << promote.err.toStdString();
    EXPECT_TRUE(roles().contains(u"director  director (директор)"_s)) << roles().toStdString();
    CliRun self =
        as(u"zam"_s, u"свой-пароль"_s, {u"user"_s, u"role"_s, u"zam"_s, u"--role"_s, u"admin"_s});
    EXPECT_EQ(self.exitCode, 1);
    EXPECT_TRUE(roles().contains(u"zam       deputy"_s)) << roles().toStdString();
    // the last administrator keeps the role while others remain
    CliRun last = as(u"admin"_s, u"admin-пароль"_s,
                     {u"user"_s, u"role"_s, u"admin"_s, u"--role"_s, u"deputy"_s});
    EXPECT_EQ(last.exitCode, 1);
    EXPECT_TRUE(last.err.contains(u"последний администратор"_s)) << last.err.toStdString();
    EXPECT_EQ(as(u"admin"_s, u"admin-пароль"_s,
                 {u"user"_s, u"role"_s, u"nobody"_s, u"--role"_s, u"deputy"_s})
                  .exitCode,
              1);
    EXPECT_EQ(run({u"user"_s, u"role"_s, u"zam"_s, u"--role"_s, u"king"_s}).exitCode, 2);
}
