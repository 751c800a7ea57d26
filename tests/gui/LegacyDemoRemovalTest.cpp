// A database made by an older version holds the demo import among the user's results: the window
// offers to remove it; «Удалить» removes only the demo rows and schools, «Оставить» is remembered.
#include "MainWindowTest.h"
#include "SamplePlans.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/io/results/DemoData.h"
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseMeta.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>

using namespace objectivity;

namespace {

// A flat results file of `schools` schools (logins from `firstLogin`), 10 participants each.
void importFlat(storage::Database &db, const QString &path, int firstLogin, int schools) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    QString text = QStringLiteral("Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;"
                                  "Наименование ОО;Класс;Код участника;Вариант;З1;З2;"
                                  "Первичный балл;Отметка\n");
    for (int s = 0; s < schools; ++s)
        for (int i = 0; i < 10; ++i)
            text += QStringLiteral("2024;ВПР;5;Математика;Великий Новгород;edu%1;МБОУ «СОШ № "
                                   "%2»;5А;%3;1;%4;1;%5;%6\n")
                        .arg(firstLogin + s)
                        .arg(s + 1)
                        .arg(firstLogin * 100 + s * 10 + i)
                        .arg(i % 2)
                        .arg(i % 2 + 1)
                        .arg(i % 2 + 2);
    f.write(text.toUtf8());
    f.close();
    io::ResultsImporter::Options o;
    o.layout = io::ResultsImporter::Layout::Flat;
    const auto r = io::ResultsImporter(db).importFile(path, o);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
}

int count(storage::Database &db, const QString &sqlText) {
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(sqlText));
    return q.next() ? q.value(0).toInt() : -1;
}

class LegacyDemoRemoval : public ::testing::Test {
protected:
    void SetUp() override {
        OBJ_ASSERT_OK(session.open(dir.filePath(QStringLiteral("old.sqlite"))));
        importFlat(*session.database(), dir.filePath(io::DemoData::importName()), 53001, 3);
        importFlat(*session.database(), dir.filePath(QStringLiteral("впр-2024.csv")), 59001, 2);
        ASSERT_EQ(count(*session.database(), QStringLiteral("SELECT count(*) FROM schools")), 5);
        window = std::make_unique<gui::MainWindow>(&session);
        window->show();
    }
    test::TemporarySettings settings;
    QTemporaryDir dir;
    gui::AppSession session;
    std::unique_ptr<gui::MainWindow> window;
};

} // namespace

TEST_F(LegacyDemoRemoval, RemoveKeepsTheUsersResults) {
    QString text;
    test::onNextDialog<QMessageBox>([&](QMessageBox *box) {
        text = box->text();
        for (QAbstractButton *b : box->buttons())
            if (b->text() == QStringLiteral("Удалить"))
                b->click();
    });
    EXPECT_TRUE(window->offerLegacyDemoRemoval());
    EXPECT_TRUE(text.contains(QStringLiteral("строк: 30"))) << text.toStdString();
    storage::Database &db = *session.database();
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM participants")), 20);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM schools")), 2);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM schools WHERE code LIKE 'edu59%'")),
              2);
    const auto imports = storage::ResultsRepository(db).imports();
    ASSERT_TRUE(imports.ok());
    ASSERT_EQ(imports->size(), 1);
    EXPECT_EQ(imports->first().fileName, QStringLiteral("впр-2024.csv"));
    // Nothing left to offer: no dialog (a dialog here would block the test).
    EXPECT_FALSE(window->offerLegacyDemoRemoval());
}

TEST_F(LegacyDemoRemoval, KeepIsRememberedInTheFile) {
    test::onNextDialog<QMessageBox>([&](QMessageBox *box) {
        for (QAbstractButton *b : box->buttons())
            if (b->text() == QStringLiteral("Оставить"))
                b->click();
    });
    EXPECT_FALSE(window->offerLegacyDemoRemoval());
    storage::Database &db = *session.database();
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM participants")), 50);
    EXPECT_EQ(storage::DatabaseMeta(db).value(QStringLiteral("legacy_demo_kept")).value(),
              QStringLiteral("1"));
    EXPECT_FALSE(window->offerLegacyDemoRemoval()); // not asked again
}
