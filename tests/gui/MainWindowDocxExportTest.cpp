// «Файл → Экспорт → Экспорт в Word (.docx)…» as a user takes it: the menu item beside the other
// formats, the save dialog offering «Документ Word (*.docx)», and the file written in the
// background.
#include "MainWindowTest.h"

#include "objectivity/io/formats/ZipArchive.h"

#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>

using namespace objectivity;
using objectivity::test::MainWindowTest;
using objectivity::test::onNextDialog;

namespace {

QAction *findAction(QWidget *window, const QString &text, QStringList *exportMenu) {
    for (QMenu *menu : window->findChildren<QMenu *>()) {
        if (menu->title() != QStringLiteral("Экспорт"))
            continue;
        for (QAction *a : menu->actions())
            exportMenu->append(a->text());
        for (QAction *a : menu->actions())
            if (a->text() == text)
                return a;
    }
    return nullptr;
}

} // namespace

TEST_F(MainWindowTest, ExportToWordFromTheExportMenu) {
    QStringList menu;
    QAction *action = findAction(window.get(), QStringLiteral("Экспорт в Word (.docx)…"), &menu);
    ASSERT_NE(action, nullptr) << menu.join(u'|').toStdString();
    EXPECT_EQ(menu.indexOf(action->text()), menu.indexOf(QStringLiteral("Экспорт в ODT…")) + 1);
    ASSERT_TRUE(action->isEnabled());

    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("план.docx"));
    bool seen = false;
    QString filter;
    // QDialog: QFileDialog::accept() is protected; the dialog is accepted through its base.
    onNextDialog<QDialog>(
        [&](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            ASSERT_NE(files, nullptr);
            filter = files->selectedNameFilter();
            files->selectFile(path);
        },
        &seen);
    action->trigger();
    ASSERT_TRUE(seen) << "no save dialog";
    EXPECT_EQ(filter, QStringLiteral("Документ Word (*.docx)"));
    // The export runs off the GUI thread and renames its part file when done.
    for (int i = 0; i < 200 && !QFileInfo::exists(path); ++i)
        QTest::qWait(50);
    ASSERT_TRUE(QFileInfo::exists(path));
    auto zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok()) << zip.error().toString().toStdString();
    auto xml = zip->read(QStringLiteral("word/document.xml"));
    ASSERT_TRUE(xml.ok());
    const QString text = QString::fromUtf8(*xml);
    EXPECT_TRUE(text.contains(QStringLiteral("Аналитическая работа")));
    EXPECT_TRUE(text.contains(QStringLiteral("<w:tblHeader/>")));
}
