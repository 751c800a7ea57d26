// «Файл → Подключиться к серверу…»: the URL the dialog builds, what it remembers (never the
// password) and the main window's title on a server's database.
#include "objectivity/gui/shell/ServerConnectDialog.h"
#include "objectivity/storage/PostgresUrl.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using objectivity::gui::ServerConnectDialog;

namespace {
QLineEdit *edit(const QDialog &dialog, const char *name) {
    auto *e = dialog.findChild<QLineEdit *>(QLatin1String(name));
    EXPECT_TRUE(e) << name;
    return e;
}
} // namespace

TEST(ServerConnectDialog, BuildsTheUrlAndRemembersAllButThePassword) {
    QTemporaryDir dir;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QSettings().remove(u"server"_s);
    {
        ServerConnectDialog dialog;
        const QList<QLineEdit *> edits{edit(dialog, "host"), edit(dialog, "database"),
                                       edit(dialog, "user"), edit(dialog, "password")};
        edits[0]->setText(u"db.uo.local"_s); // host
        edits[1]->setText(u"objectivity"_s); // database
        edits[2]->setText(u"uo_admin"_s);    // user
        edits[3]->setText(u"пароль:@/?"_s);  // password, with URL characters
        EXPECT_EQ(edits[3]->echoMode(), QLineEdit::Password);
        dialog.findChild<QSpinBox *>()->setValue(5433);
        auto *ssl = dialog.findChild<QComboBox *>();
        ssl->setCurrentIndex(ssl->findData(u"require"_s));
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
        auto url = objectivity::storage::PostgresUrl::parse(dialog.url());
        ASSERT_TRUE(url.ok()) << url.error().toString().toStdString();
        EXPECT_EQ(url->host, u"db.uo.local"_s);
        EXPECT_EQ(url->port, 5433);
        EXPECT_EQ(url->database, u"objectivity"_s);
        EXPECT_EQ(url->user, u"uo_admin"_s);
        EXPECT_EQ(url->password, u"пароль:@/?"_s);
        EXPECT_EQ(url->sslMode, u"require"_s);
        if (!qEnvironmentVariableIsEmpty("OBJECTIVITY_SCREENSHOT_DIR")) {
            dialog.show();
            dialog.grab().save(qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR") +
                               u"/server-connect-dialog.png"_s);
        }
    }
    QSettings settings;
    settings.sync();
    EXPECT_EQ(settings.value(u"server/host"_s).toString(), u"db.uo.local"_s);
    for (const QString &key : settings.allKeys())
        EXPECT_FALSE(settings.value(key).toString().contains(u"пароль"_s)) << key.toStdString();
    // Opened again: filled from the settings, the password empty.
    ServerConnectDialog again;
    const QList<QLineEdit *> edits{edit(again, "host"), edit(again, "database"),
                                   edit(again, "user"), edit(again, "password")};
    EXPECT_EQ(edits[0]->text(), u"db.uo.local"_s);
    EXPECT_EQ(edits[2]->text(), u"uo_admin"_s);
    EXPECT_TRUE(edits[3]->text().isEmpty());
    EXPECT_EQ(again.findChild<QSpinBox *>()->value(), 5433);
}

TEST(ServerConnectDialog, AMissingHostIsAskedForAndNothingIsAccepted) {
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    ServerConnectDialog dialog;
    edit(dialog, "host")->clear();
    // The warning box is modal: closed once it is up.
    QTimer::singleShot(200, [] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->inherits("QMessageBox"))
                w->close();
    });
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);
}
