// The main window driven from the keyboard on seed 000: the shortcuts of the menus really reach
// the editor (add, move, undo, redo, delete, find, switching views), and drag and drop through
// the view's filter model moves measures as an undoable command.
#include "MainWindowTest.h"
#include "objectivity/gui/plan/DueView.h"
#include "objectivity/gui/plan/MeasureDetailPanel.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanFilterProxy.h"
#include "objectivity/gui/plan/PlanView.h"
#include "objectivity/gui/shell/MainActions.h"

#include <QAction>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeView>
#include <QUndoStack>

using namespace objectivity;
using test::MainWindowTest;

namespace {
int measuresIn(const core::Plan &plan, int section) {
    return int(plan.sections[section].measures.size());
}
} // namespace

TEST_F(MainWindowTest, KeyboardAddMoveDeleteUndoRedo) {
    gui::PlanEditor *editor = window->editor();
    QTreeView *tree = window->planView()->treeView();
    ASSERT_TRUE(editor->hasPlan());
    ASSERT_EQ(editor->plan().id, db.planId);
    const QStringList original = test::measureNumbers(editor->plan());
    const int first = measuresIn(editor->plan(), 0);
    tree->setFocus();
    window->planView()->selectSourceIndex(editor->model()->measureIndex(0, 0));

    // Insert adds a measure after the current one and selects it.
    QTest::keyClick(tree, Qt::Key_Insert);
    ASSERT_EQ(measuresIn(editor->plan(), 0), first + 1);
    EXPECT_EQ(editor->plan().sections[0].measures[1].text, QStringLiteral("Новое мероприятие"));
    EXPECT_EQ(editor->model()->measureRow(window->planView()->currentSourceIndex()), 1);
    // The detail panel follows the selection.
    EXPECT_EQ(window->detailPanel()->textEdit()->toPlainText(),
              QStringLiteral("Новое мероприятие"));

    // Ctrl+Down twice: 1.2. → 1.3. → 1.4.; the numbers follow.
    QTest::keyClick(tree, Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(tree, Qt::Key_Down, Qt::ControlModifier);
    EXPECT_EQ(editor->plan().sections[0].measures[3].text, QStringLiteral("Новое мероприятие"));
    EXPECT_EQ(editor->plan().sections[0].measures[3].number, QStringLiteral("1.4."));
    EXPECT_EQ(editor->model()->measureRow(window->planView()->currentSourceIndex()), 3);

    // Ctrl+Z three times: back to the imported numbering, in the database too.
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(test::measureNumbers(editor->plan()), original);
    EXPECT_EQ(test::measureNumbers(db.session.plans()->load(db.planId).value()), original);
    // Ctrl+Shift+Z redoes the insertion.
    QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(measuresIn(editor->plan(), 0), first + 1);

    // Delete in the table removes the current measure.
    window->planView()->selectSourceIndex(editor->model()->measureIndex(0, 1));
    QTest::keyClick(tree, Qt::Key_Delete);
    EXPECT_EQ(measuresIn(editor->plan(), 0), first);
    EXPECT_EQ(editor->plan().sections[0].measures[1].text,
              db.imported.sections[0].measures[1].text);
    EXPECT_EQ(editor->plan().sections[0].measures[1].number, QStringLiteral("1.2."));
}

TEST_F(MainWindowTest, KeysTypedInTextFieldsStayThere) {
    // Delete and Insert in the detail panel edit text; they must not remove or add measures.
    gui::PlanEditor *editor = window->editor();
    window->planView()->selectSourceIndex(editor->model()->measureIndex(0, 0));
    const int count = editor->plan().measureCount();
    QLineEdit *deadline = window->detailPanel()->deadlineEdit();
    deadline->setFocus();
    deadline->setCursorPosition(0);
    const QString before = deadline->text();
    QTest::keyClick(deadline, Qt::Key_Delete);
    EXPECT_EQ(editor->plan().measureCount(), count);
    EXPECT_EQ(deadline->text(), before.mid(1));
    EXPECT_EQ(editor->plan().sections[0].measures[0].deadline.text, before.mid(1));
}

TEST_F(MainWindowTest, FindAndViewShortcuts) {
    QTabWidget *tabs = window->tabs();
    ASSERT_TRUE(tabs);
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentWidget(), window->dueView());
    QTest::keyClick(window.get(), Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentWidget(), window->planView());

    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    // Ctrl+F brings the plan back and puts the cursor in the search line.
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentWidget(), window->planView());
    QLineEdit *filter = window->planView()->filterEdit();
    EXPECT_TRUE(filter->hasFocus());
    // Search by owner: seed 000 names «Педагог-психолог» in a few measures only.
    test::typeText(filter, QStringLiteral("психолог"));
    QAbstractItemModel *shown = window->planView()->treeView()->model();
    int rows = 0;
    for (int s = 0; s < shown->rowCount(); ++s)
        rows += shown->rowCount(shown->index(s, 0));
    EXPECT_GE(rows, 1);
    EXPECT_LT(rows, 5);
    // Search by deadline text.
    filter->clear();
    test::typeText(filter, QStringLiteral("По отдельному графику"));
    rows = 0;
    for (int s = 0; s < shown->rowCount(); ++s)
        rows += shown->rowCount(shown->index(s, 0));
    EXPECT_GE(rows, 1);
    EXPECT_LT(rows, window->editor()->plan().measureCount());
}

TEST_F(MainWindowTest, DragAndDropThroughTheFilteredView) {
    gui::PlanEditor *editor = window->editor();
    QTreeView *tree = window->planView()->treeView();
    QAbstractItemModel *proxy = tree->model();
    // With a filter on, the view's rows are not the plan's rows: the drop must still land right.
    test::typeText(window->planView()->filterEdit(), QStringLiteral("ШМО"));
    ASSERT_GE(proxy->rowCount(), 2);
    const QModelIndex dragged = proxy->index(0, 0, proxy->index(0, 0));
    ASSERT_TRUE(dragged.isValid());
    const QModelIndex draggedSource = window->planView()->proxy()->mapToSource(dragged);
    const QString text = editor->model()->measureAt(draggedSource)->text;
    std::unique_ptr<QMimeData> mime(proxy->mimeData({dragged}));
    ASSERT_TRUE(mime);
    // Drop onto the first shown measure of the last shown section: it takes that place.
    const QModelIndex lastSection = proxy->index(proxy->rowCount() - 1, 0);
    const QModelIndex target = proxy->index(0, 0, lastSection);
    const QModelIndex targetSource = window->planView()->proxy()->mapToSource(target);
    const int toSection = editor->model()->sectionRow(targetSource);
    const int toRow = targetSource.row();
    EXPECT_FALSE(proxy->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, target));
    ASSERT_NE(toSection, editor->model()->sectionRow(draggedSource));
    EXPECT_EQ(editor->plan().sections[toSection].measures[toRow].text, text);
    EXPECT_EQ(editor->plan().sections[toSection].measures[toRow].number,
              QStringLiteral("%1.%2.").arg(toSection + 1).arg(toRow + 1));
    EXPECT_EQ(editor->undoStack()->count(), 1);
    editor->undoStack()->undo();
    EXPECT_EQ(test::measureNumbers(editor->plan()), test::measureNumbers(db.imported));
}
