// «Учётные записи…»: the list, add with the password twice, remove; the repository's refusals
// (a non-administrator, the last administrator) are shown in the dialog and change nothing.
#include "objectivity/gui/shell/AccountsDialog.h"
#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"

#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {
QStringList rows(const QTableWidget *t) {
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << t->item(r, 0)->text() + u" — "_s + t->item(r, 1)->text();
    return out;
}
} // namespace

TEST(AccountsDialog, AddsListsAndRemovesThroughTheRepositoryRules) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"a.sqlite"_s));
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;

    gui::AccountsDialog dialog(db);
    EXPECT_EQ(dialog.table()->rowCount(), 0);
    EXPECT_FALSE(dialog.addAccount(u"admin"_s, core::Role::Admin, u"секрет1"_s, u"секрет2"_s));
    EXPECT_TRUE(dialog.errorText().contains(u"Пароли не совпадают"_s));
    EXPECT_FALSE(dialog.addAccount(u"  "_s, core::Role::Admin, u"секрет1"_s, u"секрет1"_s));
    EXPECT_TRUE(dialog.errorText().contains(u"Укажите имя"_s));
    EXPECT_EQ(*storage::AccountRepository(db).count(), 0);

    // the first administrator needs nobody signed in
    ASSERT_TRUE(dialog.addAccount(u"admin"_s, core::Role::Admin, u"секрет1"_s, u"секрет1"_s))
        << dialog.errorText().toStdString();
    EXPECT_TRUE(dialog.errorText().isEmpty());
    // now only a signed-in administrator manages accounts
    EXPECT_FALSE(dialog.addAccount(u"zam"_s, core::Role::Deputy, u"пароль"_s, u"пароль"_s));
    EXPECT_FALSE(dialog.errorText().isEmpty());
    EXPECT_EQ(*storage::AccountRepository(db).count(), 1);

    auto admin = storage::AccountRepository(db).authenticate(u"admin"_s, u"секрет1"_s);
    ASSERT_TRUE(admin.ok());
    db.setActor(admin.value());
    gui::AccountsDialog signedIn(db);
    ASSERT_TRUE(signedIn.addAccount(u"zam"_s, core::Role::Deputy, u"пароль"_s, u"пароль"_s))
        << signedIn.errorText().toStdString();
    EXPECT_EQ(rows(signedIn.table()),
              (QStringList{u"admin — администратор"_s, u"zam — заместитель директора"_s}));
    // the last administrator stays while other accounts remain
    EXPECT_FALSE(signedIn.removeAccount(u"admin"_s));
    EXPECT_FALSE(signedIn.errorText().isEmpty());
    EXPECT_EQ(signedIn.table()->rowCount(), 2);
    // a forgotten password: the administrator sets a new one (twice); another role
    EXPECT_FALSE(signedIn.changePassword(u"zam"_s, u"новый1"_s, u"новый2"_s));
    EXPECT_TRUE(signedIn.errorText().contains(u"Пароли не совпадают"_s));
    ASSERT_TRUE(signedIn.changePassword(u"zam"_s, u"новый1"_s, u"новый1"_s))
        << signedIn.errorText().toStdString();
    EXPECT_FALSE(storage::AccountRepository(db).authenticate(u"zam"_s, u"пароль"_s).ok());
    EXPECT_TRUE(storage::AccountRepository(db).authenticate(u"zam"_s, u"новый1"_s).ok());
    ASSERT_TRUE(signedIn.changeRole(u"zam"_s, core::Role::Director))
        << signedIn.errorText().toStdString();
    EXPECT_EQ(rows(signedIn.table()),
              (QStringList{u"admin — администратор"_s, u"zam — директор"_s}));
    EXPECT_FALSE(signedIn.changeRole(u"admin"_s, core::Role::Deputy)); // the last administrator
    EXPECT_TRUE(signedIn.errorText().contains(u"последний администратор"_s));
    ASSERT_TRUE(signedIn.removeAccount(u"zam"_s)) << signedIn.errorText().toStdString();
    EXPECT_EQ(rows(signedIn.table()), QStringList{u"admin — администратор"_s});
}

TEST(AccountsDialog, SavedForDocsWhenAsked) {
    const QString out = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
    if (out.isEmpty())
        GTEST_SKIP() << "OBJECTIVITY_SCREENSHOT_DIR not set";
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"a.sqlite"_s));
    ASSERT_TRUE(opened.ok());
    gui::AccountsDialog dialog(**opened);
    ASSERT_TRUE(dialog.addAccount(u"Петрова А.С."_s, core::Role::Admin, u"секрет"_s, u"секрет"_s));
    EXPECT_FALSE(dialog.addAccount(u"Иванов"_s, core::Role::Director, u"а"_s, u"б"_s));
    dialog.show();
    EXPECT_TRUE(dialog.grab().save(out + u"/accounts-dialog.png"_s));
}
