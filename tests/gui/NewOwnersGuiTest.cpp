// After an import the owners the staff directory lacks are offered in «Новые ответственные» (not
// blocking the window); the checked ones land in the directory with their positions.
#include "MainWindowTest.h"
#include "objectivity/gui/plan/ImportPreviewDialog.h"
#include "objectivity/gui/plan/NewOwnersDialog.h"
#include "objectivity/gui/shell/MainActions.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QClipboard>
#include <QTableWidget>

using namespace objectivity;
using objectivity::test::MainWindowTest;

TEST_F(MainWindowTest, ImportOffersTheNewOwnersForTheStaffDirectory) {
    const QString seed001 = test::seedPath(QStringLiteral("001"));
    const qsizetype before = db.session.staff()->list()->size(); // the template roles
    OBJ_REQUIRE_SHARED(seed001, "seed 001");
    QFile f(seed001);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QApplication::clipboard()->setText(QString::fromUtf8(f.readAll()));
    test::onNextDialog<gui::ImportPreviewDialog>([](gui::ImportPreviewDialog *) {});
    window->actions()->pasteImport->trigger();

    auto *dialog = window->findChild<gui::NewOwnersDialog *>();
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->isVisible());
    QTableWidget *table = dialog->table();
    QStringList names;
    int wrongRow = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        names << table->item(r, 0)->text();
        EXPECT_EQ(table->item(r, 0)->checkState(), Qt::Checked);
        if (table->item(r, 0)->text() == QStringLiteral("Михайлок Е.И."))
            wrongRow = r;
    }
    EXPECT_TRUE(names.contains(QStringLiteral("Михайлюк Е.И."))) << names.join(u"; ").toStdString();
    ASSERT_GE(wrongRow, 0) << names.join(u"; ").toStdString();
    // the user leaves the misspelt name out and gives a position
    table->item(wrongRow, 0)->setCheckState(Qt::Unchecked);
    const int first = wrongRow == 0 ? 1 : 0;
    table->item(first, 2)->setText(QStringLiteral("учитель"));
    const QString firstName = table->item(first, 0)->text();
    dialog->accept();

    auto people = db.session.staff()->list();
    ASSERT_TRUE(people.ok());
    QStringList stored;
    for (const auto &p : *people) {
        stored << p.name;
        if (p.name == firstName) {
            EXPECT_EQ(p.position, QStringLiteral("учитель"));
        }
    }
    EXPECT_EQ(stored.size(), before + names.size() - 1);
    EXPECT_FALSE(stored.contains(QStringLiteral("Михайлок Е.И.")));
    EXPECT_TRUE(stored.contains(QStringLiteral("Михайлюк Е.И.")));
}
