// Results data once the database has accounts (core::DataPermissions): `results import`, `flagged
// import`, a replaced load and `analyze settings` changes are refused to the school roles with a
// Russian reason, exit 1 and the database file byte for byte unchanged; the municipal specialist
// loads and tunes the analysis but does not replace a load; reading stays open to every role.
#include "CliTest.h"
#include "TestSupport.h"

using objectivity::test::CliRun;

namespace {

using namespace Qt::StringLiterals;

const QByteArray kFlat = "Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;З1;З2;"
                         "Итого;Отметка\n"
                         "2024;ВПР;5;Математика;edu053001;5А;1;1;X;1;3\n"
                         "2024;ВПР;5;Математика;edu053001;5А;2;1;1;2;4\n";

class DataRolesCli : public objectivity::test::CliTest {
protected:
    CliRun as(const QString &user, QStringList args) {
        if (!user.isEmpty())
            args << u"--user"_s << user;
        qputenv("OBJECTIVITY_PASSWORD", (user + u"-пароль"_s).toUtf8());
        CliRun r = run(args);
        qunsetenv("OBJECTIVITY_PASSWORD");
        return r;
    }
    void SetUp() override {
        objectivity::test::CliTest::SetUp();
        if (IsSkipped())
            return;
        qputenv("OBJECTIVITY_PASSWORD", "admin-пароль");
        ASSERT_EQ(run({u"user"_s, u"add"_s, u"admin"_s, u"--role"_s, u"admin"_s}).exitCode, 0);
        qunsetenv("OBJECTIVITY_PASSWORD");
        for (const auto &[name, role] :
             {std::pair{u"director"_s, u"director"_s}, std::pair{u"deputy"_s, u"deputy"_s},
              std::pair{u"mo"_s, u"municipal"_s}}) {
            qputenv("OBJECTIVITY_NEW_PASSWORD", (name + u"-пароль"_s).toUtf8());
            const CliRun r = as(u"admin"_s, {u"user"_s, u"add"_s, name, u"--role"_s, role});
            qunsetenv("OBJECTIVITY_NEW_PASSWORD");
            ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        }
    }
    void expectRefused(const CliRun &r, const QByteArray &hashBefore, const QString &reason) {
        EXPECT_EQ(r.exitCode, 1) << r.out.toStdString() << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(reason)) << r.err.toStdString();
        EXPECT_EQ(dbHash(), hashBefore) << "the database changed";
    }
};

} // namespace

TEST_F(DataRolesCli, SchoolRolesCannotLoadResultsTheMunicipalSpecialistCannotReplace) {
    const QString path = writeFile(u"flat.csv"_s, kFlat);
    const QStringList import{u"results"_s, u"import"_s, path};
    const QByteArray empty = dbHash();
    expectRefused(as({}, import), empty, u"укажите свою — --user ИМЯ"_s);
    for (const QString &user : {u"deputy"_s, u"director"_s})
        expectRefused(as(user, import), empty,
                      u"не позволяет загрузить результаты: это может администратор, специалист "
                      "муниципалитета."_s);

    const CliRun mo = as(u"mo"_s, import);
    ASSERT_EQ(mo.exitCode, 0) << mo.err.toStdString();
    EXPECT_TRUE(mo.out.contains(u"Загружено строк: 2"_s)) << mo.out.toStdString();
    const QByteArray loaded = dbHash();
    expectRefused(as(u"mo"_s, import + QStringList{u"--on-repeat"_s, u"replace"_s}), loaded,
                  u"не позволяет удалить или заменить загруженные результаты: это может "
                  "администратор."_s);
    // reading stays open to every signed-in role
    const CliRun stats = as(u"deputy"_s, {u"results"_s, u"stats"_s});
    EXPECT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    const CliRun replaced = as(u"admin"_s, import + QStringList{u"--on-repeat"_s, u"replace"_s});
    EXPECT_EQ(replaced.exitCode, 0) << replaced.err.toStdString();
    EXPECT_TRUE(replaced.out.contains(u"Загрузка заменена"_s)) << replaced.out.toStdString();
}

TEST_F(DataRolesCli, OfficialListIsLoadedByTheMunicipalSpecialistNotByTheDirector) {
    const QString path =
        objectivity::test::sharedFile(u"data/real/vpr_flagged_schools_dagestan_2023_2025.xlsx"_s);
    OBJ_REQUIRE_SHARED(path, "vpr_flagged_schools_dagestan_2023_2025.xlsx");
    const QByteArray before = dbHash();
    expectRefused(as(u"director"_s, {u"flagged"_s, u"import"_s, path}), before,
                  u"Роль «директор» не позволяет загрузить официальный перечень школ"_s);
    const CliRun mo = as(u"mo"_s, {u"flagged"_s, u"import"_s, path});
    EXPECT_EQ(mo.exitCode, 0) << mo.err.toStdString();
    EXPECT_NE(dbHash(), before);
}

TEST_F(DataRolesCli, AnalysisSettingsAreReadByAllAndChangedByMunicipalOrAdmin) {
    const QStringList change{u"analyze"_s, u"settings"_s, u"fdr_alpha=0.01"_s};
    const CliRun look = as(u"deputy"_s, {u"analyze"_s, u"settings"_s});
    ASSERT_EQ(look.exitCode, 0) << look.err.toStdString();
    EXPECT_TRUE(look.out.contains(u"fdr_alpha = 0.05"_s)) << look.out.toStdString();
    const QByteArray before = dbHash();
    expectRefused(as(u"director"_s, change), before,
                  u"Роль «директор» не позволяет изменить настройки анализа"_s);
    expectRefused(as({}, change), before, u"укажите свою"_s);
    const CliRun mo = as(u"mo"_s, change);
    ASSERT_EQ(mo.exitCode, 0) << mo.err.toStdString();
    EXPECT_TRUE(mo.out.contains(u"fdr_alpha = 0.01 (по умолчанию 0.05)"_s)) << mo.out.toStdString();
}
