// Accounts, roles and the approval workflow end to end: `user`, `plan submit|approve|return|
// revise|history|diff`, `plan import --status`, `plan remove --force`, `--user`. Every refused
// action exits 1 with a Russian reason and leaves the database file byte for byte unchanged.
#include "CliTest.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"

#include <QJsonArray>
#include <QSqlQuery>

using objectivity::test::CliRun;

namespace {

using namespace Qt::StringLiterals;

class RolesCli : public objectivity::test::CliTest {
protected:
    // Runs as `user` (empty: no --user) with OBJECTIVITY_PASSWORD = password.
    CliRun as(const QString &user, const QString &password, QStringList args) {
        if (!user.isEmpty())
            args << u"--user"_s << user;
        qputenv("OBJECTIVITY_PASSWORD", password.toUtf8());
        CliRun r = run(args);
        qunsetenv("OBJECTIVITY_PASSWORD");
        return r;
    }
    CliRun as(const QString &user, QStringList args) {
        return as(user, user + u"-пароль"_s, std::move(args));
    }
    void addAccounts() {
        ASSERT_EQ(
            as({}, u"admin-пароль"_s, {u"user"_s, u"add"_s, u"admin"_s, u"--role"_s, u"admin"_s})
                .exitCode,
            0);
        for (const auto &[name, role] :
             {std::pair{u"director"_s, u"director"_s}, std::pair{u"deputy"_s, u"deputy"_s},
              std::pair{u"mo"_s, u"municipal"_s}}) {
            qputenv("OBJECTIVITY_NEW_PASSWORD", (name + u"-пароль"_s).toUtf8());
            const CliRun r = as(u"admin"_s, {u"user"_s, u"add"_s, name, u"--role"_s, role});
            qunsetenv("OBJECTIVITY_NEW_PASSWORD");
            ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        }
    }
    qint64 lastId(const CliRun &r) {
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        return lines.isEmpty() ? 0 : lines.last().toLongLong();
    }
    // A refused action: exit 1, the reason on stderr, the file unchanged.
    void expectRefused(const CliRun &r, const QByteArray &hashBefore, const QString &reason) {
        EXPECT_EQ(r.exitCode, 1) << r.out.toStdString() << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(reason)) << r.err.toStdString();
        EXPECT_EQ(dbHash(), hashBefore) << "the database changed";
    }
    QString status(qint64 id) { return showJson(id).value(u"status"_s).toString(); }
};

} // namespace

TEST_F(RolesCli, ApprovedDocumentImportsApprovedAndDraftOnRequest) {
    const QString seed = objectivity::test::seedPath(u"000"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    const CliRun r = run({u"plan"_s, u"import"_s, seed});
    const qint64 id = lastId(r);
    EXPECT_TRUE(r.out.contains(u"Статус: утверждён (приказ № 149 от 01.07.2022)."_s))
        << r.out.toStdString();
    const QJsonObject plan = showJson(id);
    EXPECT_EQ(plan.value(u"status"_s).toString(), u"approved"_s);
    const CliRun draft = run({u"plan"_s, u"import"_s, seed, u"--status"_s, u"draft"_s});
    EXPECT_EQ(status(lastId(draft)), u"draft"_s);
    EXPECT_EQ(run({u"plan"_s, u"import"_s, seed, u"--status"_s, u"signed"_s}).exitCode, 2);
}

TEST_F(RolesCli, WithoutAccountsTheWorkflowNeedsNoUserButStateRulesHold) {
    const QString seed = objectivity::test::seedPath(u"002"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    const qint64 id = lastId(run({u"plan"_s, u"import"_s, seed, u"--status"_s, u"draft"_s}));
    QByteArray hash = dbHash();
    expectRefused(run({u"plan"_s, u"approve"_s, QString::number(id), u"--order"_s, u"1"_s,
                       u"--date"_s, u"01.09.2024"_s}),
                  hash, u"сначала его отправляют на утверждение"_s);
    ASSERT_EQ(run({u"plan"_s, u"submit"_s, QString::number(id)}).exitCode, 0);
    ASSERT_EQ(run({u"plan"_s, u"approve"_s, QString::number(id), u"--order"_s, u"1"_s, u"--date"_s,
                   u"01.09.2024"_s})
                  .exitCode,
              0);
    hash = dbHash();
    expectRefused(run({u"plan"_s, u"remove"_s, QString::number(id)}), hash,
                  u"удаляет только администратор"_s);
    EXPECT_EQ(run({u"plan"_s, u"remove"_s, QString::number(id), u"--force"_s}).exitCode, 0);
    EXPECT_EQ(planCount(), 0);
}

TEST_F(RolesCli, EachRoleAndTransitionAllowedAndRefused) {
    const QString seed = objectivity::test::seedPath(u"002"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    addAccounts();
    const CliRun list = run({u"user"_s, u"list"_s});
    EXPECT_TRUE(list.out.contains(u"director  director (директор)"_s)) << list.out.toStdString();

    QByteArray hash = dbHash();
    // Accounts exist: no --user, a wrong password, an unknown name — refused.
    expectRefused(run({u"plan"_s, u"import"_s, seed}), hash, u"укажите свою — --user ИМЯ"_s);
    expectRefused(as(u"deputy"_s, u"не тот"_s, {u"plan"_s, u"import"_s, seed}), hash,
                  u"Неверное имя учётной записи или пароль"_s);
    expectRefused(as(u"никто"_s, {u"plan"_s, u"import"_s, seed}), hash,
                  u"Неверное имя учётной записи или пароль"_s);
    // The administrator does not write plans; the municipal specialist does not write a school's.
    expectRefused(as(u"admin"_s, {u"plan"_s, u"import"_s, seed, u"--status"_s, u"draft"_s}), hash,
                  u"Роль «администратор» не позволяет создать или импортировать план"_s);
    expectRefused(as(u"mo"_s, {u"plan"_s, u"import"_s, seed, u"--status"_s, u"draft"_s}), hash,
                  u"специалист муниципалитета только читает"_s);

    const qint64 id =
        lastId(as(u"deputy"_s, {u"plan"_s, u"import"_s, seed, u"--status"_s, u"draft"_s}));
    ASSERT_GT(id, 0);
    const QString sid = QString::number(id);
    const QStringList approve{u"plan"_s,   u"approve"_s,   sid, u"--order"_s, u"32/1"_s,
                              u"--date"_s, u"04.03.2024"_s};

    hash = dbHash();
    expectRefused(as(u"deputy"_s, approve), hash, u"не позволяет утвердить план"_s);
    expectRefused(as(u"director"_s, approve), hash, u"сначала его отправляют на утверждение"_s);
    expectRefused(as(u"deputy"_s, {u"plan"_s, u"return"_s, sid, u"--comment"_s, u"x"_s}), hash,
                  u"не позволяет вернуть план на доработку"_s);
    expectRefused(as(u"director"_s, {u"plan"_s, u"revise"_s, sid}), hash,
                  u"новая редакция создаётся из утверждённого плана"_s);

    ASSERT_EQ(as(u"deputy"_s, {u"plan"_s, u"submit"_s, sid}).exitCode, 0);
    EXPECT_EQ(status(id), u"pending"_s);
    hash = dbHash();
    expectRefused(as(u"deputy"_s, {u"plan"_s, u"submit"_s, sid}), hash,
                  u"на утверждение отправляется только черновик"_s);
    const CliRun noComment = as(u"director"_s, {u"plan"_s, u"return"_s, sid});
    EXPECT_EQ(noComment.exitCode, 2); // a usage error: the comment is required
    EXPECT_TRUE(noComment.err.contains(u"--comment"_s));
    EXPECT_EQ(dbHash(), hash);

    const QString comment = u"Уточнить сроки в разделе 3"_s;
    ASSERT_EQ(as(u"director"_s, {u"plan"_s, u"return"_s, sid, u"--comment"_s, comment}).exitCode,
              0);
    EXPECT_EQ(status(id), u"draft"_s);
    ASSERT_EQ(as(u"deputy"_s, {u"plan"_s, u"submit"_s, sid}).exitCode, 0);
    const CliRun approved = as(u"director"_s, approve);
    ASSERT_EQ(approved.exitCode, 0) << approved.err.toStdString();
    EXPECT_EQ(status(id), u"approved"_s);

    hash = dbHash();
    expectRefused(as(u"director"_s, approve), hash, u"утверждается план «на утверждении»"_s);
    expectRefused(as(u"deputy"_s, {u"plan"_s, u"remove"_s, sid}), hash,
                  u"удаляет только администратор"_s);
    expectRefused(as(u"deputy"_s, {u"plan"_s, u"remove"_s, sid, u"--force"_s}), hash,
                  u"не позволяет удалить утверждённый план"_s);
    expectRefused(as(u"admin"_s, {u"plan"_s, u"remove"_s, sid}), hash,
                  u"удаляет только администратор"_s);
    expectRefused(as(u"deputy"_s, {u"plan"_s, u"revise"_s, sid}), hash,
                  u"не позволяет создать новую редакцию"_s);

    // A new revision: a draft; approving it makes the old one «заменён».
    const qint64 rev = lastId(as(u"director"_s, {u"plan"_s, u"revise"_s, sid}));
    ASSERT_GT(rev, id);
    EXPECT_EQ(status(rev), u"draft"_s);
    EXPECT_EQ(showJson(rev).value(u"revision"_s).toInt(), 2);
    hash = dbHash();
    expectRefused(as(u"director"_s, {u"plan"_s, u"revise"_s, sid}), hash,
                  u"уже есть новая редакция"_s);
    ASSERT_EQ(as(u"deputy"_s, {u"plan"_s, u"submit"_s, QString::number(rev)}).exitCode, 0);
    ASSERT_EQ(as(u"director"_s, {u"plan"_s, u"approve"_s, QString::number(rev), u"--order"_s,
                                 u"7"_s, u"--date"_s, u"01.09.2024"_s})
                  .exitCode,
              0);
    EXPECT_EQ(status(id), u"archived"_s);
    EXPECT_TRUE(run({u"plan"_s, u"list"_s}).out.contains(u"заменён"_s));

    // History: who did what, the return comment, the approval order.
    const CliRun history = run({u"plan"_s, u"history"_s, sid, u"--json"_s});
    ASSERT_EQ(history.exitCode, 0);
    const QJsonArray rows =
        QJsonDocument::fromJson(history.out.toUtf8()).object().value(u"history"_s).toArray();
    QStringList actions;
    for (const auto &row : rows)
        actions << row.toObject().value(u"user"_s).toString() + u':' +
                       row.toObject().value(u"action"_s).toString();
    EXPECT_EQ(actions, (QStringList{u"deputy:import"_s, u"deputy:submit"_s, u"director:return"_s,
                                    u"deputy:submit"_s, u"director:approve"_s, u"director:revise"_s,
                                    u"director:supersede"_s}));
    EXPECT_EQ(rows[2].toObject().value(u"comment"_s).toString(), comment);
    EXPECT_EQ(rows[4].toObject().value(u"comment"_s).toString(), u"приказ № 32/1 от 04.03.2024"_s);
    const CliRun text = run({u"plan"_s, u"history"_s, sid});
    EXPECT_TRUE(text.out.contains(u"director | возвращён на доработку"_s))
        << text.out.toStdString();

    // The administrator removes an approved plan with --force; its history stays.
    ASSERT_EQ(as(u"admin"_s, {u"plan"_s, u"remove"_s, sid, u"--force"_s}).exitCode, 0);
    EXPECT_TRUE(run({u"plan"_s, u"history"_s, sid}).out.contains(u"admin | план удалён"_s));
}

TEST_F(RolesCli, AccountsAreManagedByTheAdministrator) {
    addAccounts();
    QByteArray hash = dbHash();
    qputenv("OBJECTIVITY_NEW_PASSWORD", "пароль-нового");
    expectRefused(as(u"director"_s, {u"user"_s, u"add"_s, u"x"_s, u"--role"_s, u"deputy"_s}), hash,
                  u"не позволяет добавлять и удалять учётные записи"_s);
    expectRefused(run({u"user"_s, u"add"_s, u"x"_s, u"--role"_s, u"deputy"_s}), hash,
                  u"Учётными записями управляет администратор"_s);
    expectRefused(as(u"admin"_s, {u"user"_s, u"add"_s, u"DEPUTY"_s, u"--role"_s, u"deputy"_s}),
                  hash, u"уже есть"_s);
    qunsetenv("OBJECTIVITY_NEW_PASSWORD");
    EXPECT_EQ(run({u"user"_s, u"add"_s, u"x"_s, u"--role"_s, u"boss"_s}).exitCode, 2);
    expectRefused(as(u"admin"_s, {u"user"_s, u"remove"_s, u"admin"_s}), hash,
                  u"последний администратор"_s);
    ASSERT_EQ(as(u"admin"_s, {u"user"_s, u"remove"_s, u"deputy"_s}).exitCode, 0);
    EXPECT_FALSE(run({u"user"_s, u"list"_s}).out.contains(u"deputy  "_s));
    // The hash is a libsodium Argon2id string, never the password.
    QByteArray bytes;
    if (objectivity::test::TestDatabase::postgres()) {
        auto db = objectivity::storage::Database::open(dbPath());
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(u"SELECT name, password_hash FROM accounts"_s));
        while (q.next())
            bytes += (q.value(0).toString() + q.value(1).toString()).toUtf8();
    } else {
        QFile f(dbPath());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        bytes = f.readAll();
    }
    EXPECT_FALSE(bytes.contains(QStringLiteral("director-пароль").toUtf8()));
}

TEST_F(RolesCli, StaffRenameReachesDraftsOnlyAndIsLogged) {
    const QString seed = objectivity::test::seedPath(u"002"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    const qint64 approved = lastId(run({u"plan"_s, u"import"_s, seed}));
    const qint64 draft = lastId(run({u"plan"_s, u"import"_s, seed, u"--status"_s, u"draft"_s}));
    ASSERT_EQ(status(approved), u"approved"_s);
    const QByteArray approvedBefore = QJsonDocument(showJson(approved)).toJson();
    const CliRun add = run({u"staff"_s, u"add"_s, u"Зам. директора"_s, u"--role"_s});
    const QString person = add.out.split(u'\n', Qt::SkipEmptyParts).last();
    ASSERT_EQ(run({u"staff"_s, u"rename"_s, person, u"Заместитель директора по УВР"_s}).exitCode,
              0);
    QJsonObject approvedAfter = showJson(approved);
    EXPECT_EQ(QJsonDocument(approvedAfter).toJson(), approvedBefore);
    EXPECT_TRUE(QJsonDocument(showJson(draft))
                    .toJson()
                    .contains(QStringLiteral("Заместитель директора по УВР").toUtf8()));
    const CliRun history = run({u"plan"_s, u"history"_s, QString::number(draft)});
    EXPECT_TRUE(history.out.contains(
        u"Ответственные: «Зам. директора» → «Заместитель директора по УВР» | комментарий: "
        "переименование в справочнике ответственных"_s))
        << history.out.toStdString();
    EXPECT_FALSE(run({u"plan"_s, u"history"_s, QString::number(approved)})
                     .out.contains(u"переименование"_s));
}

TEST_F(RolesCli, DiffOfTwoRevisionsOfASeed) {
    const QString seed = objectivity::test::seedPath(u"002"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    QFile f(seed);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    // The next revision: a deadline moved, a measure dropped, one added.
    ASSERT_TRUE(text.contains(u"Май 2024 г..\t"_s));
    text.replace(u"Май 2024 г..\t"_s, u"Июнь 2024 г.\t"_s);
    const qsizetype drop = text.indexOf(u"Выборочная перепроверка работ участников ВПР"_s);
    ASSERT_GT(drop, 0);
    const qsizetype lineStart = text.lastIndexOf(u'\n', drop) + 1;
    const qsizetype lineEnd = text.indexOf(u'\n', drop);
    text.remove(lineStart, lineEnd - lineStart + 1);
    text.insert(lineStart, u"5\tПосещение уроков в 4-х классах перед ВПР\tМарт 2024 г.\tЗам. "
                           "директора\tКонтроль подготовки\n"_s);
    const QString next = writeFile(u"002-редакция-2.txt"_s, text.toUtf8());

    const qint64 a = lastId(run({u"plan"_s, u"import"_s, seed}));
    const qint64 b = lastId(run({u"plan"_s, u"import"_s, next}));
    const CliRun same = run({u"plan"_s, u"diff"_s, QString::number(a), QString::number(a)});
    EXPECT_TRUE(same.out.contains(u"добавлено 0, удалено 0, изменено 0"_s))
        << same.out.toStdString();

    const CliRun r =
        run({u"plan"_s, u"diff"_s, QString::number(a), QString::number(b), u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject diff = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray added = diff.value(u"added"_s).toArray();
    const QJsonArray removed = diff.value(u"removed"_s).toArray();
    const QJsonArray changed = diff.value(u"changed"_s).toArray();
    ASSERT_EQ(added.size(), 1) << r.out.toStdString();
    ASSERT_EQ(removed.size(), 1) << r.out.toStdString();
    ASSERT_EQ(changed.size(), 1) << r.out.toStdString();
    EXPECT_TRUE(added[0].toObject().value(u"text"_s).toString().startsWith(u"Посещение уроков"_s));
    EXPECT_TRUE(removed[0].toObject().value(u"text"_s).toString().startsWith(u"Выборочная"_s));
    const QJsonObject field = changed[0].toObject().value(u"fields"_s).toArray()[0].toObject();
    EXPECT_EQ(field.value(u"field"_s).toString(), u"deadline"_s);
    EXPECT_EQ(field.value(u"new"_s).toString(), u"Июнь 2024 г."_s);
    const CliRun textDiff = run({u"plan"_s, u"diff"_s, QString::number(a), QString::number(b)});
    EXPECT_TRUE(textDiff.out.contains(u"Сроки: «Май 2024 г..» → «Июнь 2024 г.»"_s))
        << textDiff.out.toStdString();
}

// An approved document records the director's approval: imported by the deputy it waits «на
// утверждении» (order number kept, the director approves it with one command); imported by the
// director it is approved at once.
TEST_F(RolesCli, AnApprovedDocumentImportedByTheDeputyWaitsForTheDirector) {
    const QString seed = objectivity::test::seedPath(u"002"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    addAccounts();
    const CliRun byDeputy = as(u"deputy"_s, {u"plan"_s, u"import"_s, seed});
    const qint64 pending = lastId(byDeputy);
    ASSERT_GT(pending, 0);
    EXPECT_EQ(status(pending), u"pending"_s);
    EXPECT_TRUE(byDeputy.out.contains(u"не утверждает планы"_s)) << byDeputy.out.toStdString();
    EXPECT_TRUE(byDeputy.out.contains(u"Утвердит его директор"_s)) << byDeputy.out.toStdString();
    const QJsonObject shown = showJson(pending);
    EXPECT_FALSE(
        shown.value(u"approval"_s).toObject().value(u"order_number"_s).toString().isEmpty())
        << "the document's order is kept for the director";
    // Asking explicitly does not help.
    EXPECT_EQ(status(lastId(
                  as(u"deputy"_s, {u"plan"_s, u"import"_s, seed, u"--status"_s, u"approved"_s}))),
              u"pending"_s);
    ASSERT_EQ(as(u"director"_s, {u"plan"_s, u"approve"_s, QString::number(pending), u"--order"_s,
                                 u"32/1"_s, u"--date"_s, u"04.03.2024"_s})
                  .exitCode,
              0);
    EXPECT_EQ(status(pending), u"approved"_s);

    const qint64 byDirector = lastId(as(u"director"_s, {u"plan"_s, u"import"_s, seed}));
    EXPECT_EQ(status(byDirector), u"approved"_s);
}
