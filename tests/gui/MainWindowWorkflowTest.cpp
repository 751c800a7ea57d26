// The year of a plan in the main window on seed 000: approval through the dialog, refused text
// edits, execution marks on the approved plan, a new revision with the old one still viewable,
// renaming a person in the staff directory, and the «Сроки» view.
#include "MainWindowTest.h"
#include "objectivity/gui/plan/ApprovalDialog.h"
#include "objectivity/gui/plan/DueListModel.h"
#include "objectivity/gui/plan/DueView.h"
#include "objectivity/gui/plan/MeasureDetailPanel.h"
#include "objectivity/gui/plan/MonthPicker.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanListModel.h"
#include "objectivity/gui/plan/PlanListView.h"
#include "objectivity/gui/plan/PlanView.h"
#include "objectivity/gui/plan/StaffDialog.h"
#include "objectivity/gui/plan/StaffModel.h"
#include "objectivity/gui/shell/MainActions.h"

#include <QAbstractItemDelegate>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTreeView>

using namespace objectivity;
using test::MainWindowTest;

namespace {
int ownerCount(const core::Plan &plan, const QString &name) {
    int n = 0;
    for (const auto &s : plan.sections)
        for (const auto &m : s.measures)
            n += m.owners.count(name);
    return n;
}
} // namespace

TEST_F(MainWindowTest, ApproveThroughDialogThenRevision) {
    gui::PlanEditor *editor = window->editor();
    gui::MainActions *a = window->actions();
    EXPECT_TRUE(a->submit->isEnabled());
    EXPECT_FALSE(a->revision->isEnabled());
    a->submit->trigger();
    EXPECT_EQ(editor->plan().status, core::PlanStatus::PendingApproval);
    ASSERT_TRUE(a->approve->isEnabled());

    bool seen = false;
    test::onNextDialog<gui::ApprovalDialog>(
        [](gui::ApprovalDialog *d) {
            d->positionEdit()->setText(QStringLiteral("Директор МКОУ «СОШ №20» ИГОСК"));
            d->nameEdit()->setText(QStringLiteral("В.Д. Мазепа"));
            d->orderNumberEdit()->setText(QStringLiteral("149"));
            d->orderDateEdit()->setDate(QDate(2022, 7, 1));
        },
        &seen);
    a->approve->trigger();
    ASSERT_TRUE(seen);
    ASSERT_TRUE(editor->isReadOnly());
    const auto stored = db.session.plans()->load(db.planId).value();
    EXPECT_EQ(stored.status, core::PlanStatus::Approved);
    EXPECT_EQ(stored.approval.orderNumber, QStringLiteral("149"));
    EXPECT_EQ(stored.approval.orderDate, QDate(2022, 7, 1));
    EXPECT_FALSE(a->addMeasure->isEnabled());
    EXPECT_FALSE(a->approve->isEnabled());
    EXPECT_TRUE(a->revision->isEnabled());

    // Typing into the measure text does nothing; the keyboard shortcuts do nothing either.
    window->planView()->selectSourceIndex(editor->model()->measureIndex(0, 0));
    QPlainTextEdit *text = window->detailPanel()->textEdit();
    const QString original = text->toPlainText();
    text->setFocus();
    test::typeText(text, QStringLiteral("ещё"));
    EXPECT_EQ(text->toPlainText(), original);
    QTreeView *tree = window->planView()->treeView();
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Insert);
    QTest::keyClick(tree, Qt::Key_Delete);
    EXPECT_EQ(editor->plan().measureCount(), db.imported.measureCount());
    // Editing a cell of the table is refused: the view opens no editor.
    const int textColumn = editor->model()->columnOf(core::ColumnRole::Measure);
    const QModelIndex cell = tree->model()->index(0, textColumn, tree->model()->index(0, 0));
    tree->setCurrentIndex(cell);
    QTest::keyClick(tree, Qt::Key_F2);
    EXPECT_EQ(tree->indexWidget(cell), nullptr);
    EXPECT_EQ(db.session.plans()->load(db.planId).value().sections[0].measures[0].text, original);

    // Execution marks stay possible on the approved plan.
    window->planView()->selectSourceIndex(editor->model()->measureIndex(0, 1));
    QComboBox *status = window->detailPanel()->statusCombo();
    status->setCurrentIndex(status->findData(int(core::MeasureStatus::Done)));
    window->detailPanel()->completionDateEdit()->setDate(QDate(2022, 8, 30));
    const auto marked = db.session.plans()->load(db.planId).value().sections[0].measures[1];
    EXPECT_EQ(marked.status, core::MeasureStatus::Done);
    EXPECT_EQ(marked.completionDate, QDate(2022, 8, 30));

    // A new revision: an editable draft; the approved plan stays in the list and can be viewed.
    a->revision->trigger();
    const qint64 draftId = editor->plan().id;
    ASSERT_NE(draftId, db.planId);
    EXPECT_FALSE(editor->isReadOnly());
    EXPECT_EQ(editor->plan().revision, 2);
    EXPECT_TRUE(a->addMeasure->isEnabled());
    const gui::PlanListModel *list = window->planList()->model();
    EXPECT_TRUE(list->indexOfPlan(draftId).isValid());
    EXPECT_TRUE(list->indexOfPlan(db.planId).isValid());
    EXPECT_EQ(window->planList()->currentPlanId(), draftId);
    // the list says which is the new revision where the pane does not cut it off: first
    EXPECT_TRUE(list->indexOfPlan(draftId).data().toString().startsWith(u"ред. 2 · План"));
    EXPECT_TRUE(list->indexOfPlan(db.planId).data().toString().startsWith(u"План"));
    window->planView()->selectSourceIndex(editor->model()->measureIndex(0, 0));
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    test::typeText(text, QStringLiteral(" (редакция 2)"));
    EXPECT_EQ(db.session.plans()->load(draftId).value().sections[0].measures[0].text,
              original + QStringLiteral(" (редакция 2)"));

    // Clicking the earlier revision in the list shows it, read-only, as approved.
    window->planList()->treeView()->setCurrentIndex(list->indexOfPlan(db.planId));
    EXPECT_EQ(editor->plan().id, db.planId);
    EXPECT_TRUE(editor->isReadOnly());
    EXPECT_EQ(editor->plan().sections[0].measures[0].text, original);
    EXPECT_EQ(editor->plan().sections[0].measures[1].status, core::MeasureStatus::Done);
}

TEST_F(MainWindowTest, StaffRenameUpdatesMeasuresOfTheOpenPlan) {
    const QString oldName = QStringLiteral("Администрация ОО");
    const QString newName = QStringLiteral("Администрация МКОУ «СОШ №20»");
    const int before = ownerCount(window->editor()->plan(), oldName);
    ASSERT_GT(before, 20); // seed 000 names it in most rows
    bool seen = false;
    test::onNextDialog<gui::StaffDialog>(
        [&](gui::StaffDialog *dialog) {
            auto *table = dialog->findChild<QTableView *>();
            ASSERT_TRUE(table);
            auto *model = qobject_cast<gui::StaffModel *>(table->model());
            ASSERT_TRUE(model);
            int row = -1;
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->people()[r].name == oldName)
                    row = r;
            ASSERT_GE(row, 0);
            EXPECT_GE(model->people()[row].ownerCount, before); // seed 000 and nothing else
            // Rename as the user does: edit the name cell.
            const QModelIndex cell = model->index(row, gui::StaffModel::NameColumn);
            table->setCurrentIndex(cell);
            table->edit(cell);
            auto *editor = qobject_cast<QLineEdit *>(table->indexWidget(cell));
            if (!editor) // the delegate's editor is a child of the viewport
                editor = table->viewport()->findChild<QLineEdit *>();
            ASSERT_TRUE(editor);
            editor->selectAll();
            test::typeText(editor, newName);
            EXPECT_EQ(editor->text(), newName);
            // What the delegate does on Enter (a key press here would reach the dialog's
            // default button first under the offscreen platform).
            emit table->itemDelegate()->commitData(editor);
            emit table->itemDelegate()->closeEditor(editor);
            EXPECT_EQ(model->people()[row].name, newName);
        },
        &seen);
    window->actions()->staff->trigger();
    ASSERT_TRUE(seen);
    // The open plan shows the new name, and so does the database (every plan).
    EXPECT_EQ(ownerCount(window->editor()->plan(), newName), before);
    EXPECT_EQ(ownerCount(window->editor()->plan(), oldName), 0);
    EXPECT_EQ(ownerCount(db.session.plans()->load(db.planId).value(), newName), before);
    const int ownersColumn = window->editor()->model()->columnOf(core::ColumnRole::Owners);
    EXPECT_TRUE(window->editor()
                    ->model()
                    ->measureIndex(0, 1, ownersColumn)
                    .data()
                    .toString()
                    .contains(newName));
    // The owner completion in the detail panel knows the new name.
    EXPECT_TRUE(window->staffModel()->names().contains(newName));
}

TEST_F(MainWindowTest, DueViewListsMonthAndOverdue) {
    window->showDueView();
    gui::DueView *due = window->dueView();
    // Seed 000 covers 2022–2024. On 15.11.2023: August 2023 holds the summer measures
    // («июль-август», «август»); they are overdue until marked done.
    due->setToday(QDate(2023, 11, 15));
    due->setMonth(QDate(2023, 8, 1));
    due->setMode(gui::DueView::Mode::Month);
    const int inMonth = due->model()->rowCount();
    EXPECT_GE(inMonth, 2);
    bool sawSummer = false;
    for (const auto &e : due->model()->entries())
        sawSummer |= e.measure.number == QStringLiteral("1.2.");
    EXPECT_TRUE(sawSummer);
    // the month reads as a label, in the nominative: «Август 2023», not «августа 2023»
    EXPECT_EQ(due->monthPicker()->text(), QStringLiteral("Август 2023"));
    // choosing another month through the picker rebuilds the list
    auto *names = due->monthPicker()->findChild<QComboBox *>();
    ASSERT_NE(names, nullptr);
    names->setCurrentIndex(0); // Январь 2023: nothing of seed 000 ends in January
    EXPECT_EQ(due->monthPicker()->month(), QDate(2023, 1, 1));
    EXPECT_NE(due->model()->rowCount(), inMonth);
    // an empty month says so and links to where the deadlines are; the link switches the list
    ASSERT_EQ(due->model()->rowCount(), 0);
    EXPECT_FALSE(due->emptyHint()->isHidden());
    EXPECT_TRUE(due->emptyHint()->text().startsWith(QStringLiteral("В этом месяце сроков нет.")))
        << due->emptyHint()->text().toStdString();
    EXPECT_TRUE(due->emptyHint()->text().contains(QStringLiteral("href=\"overdue\"")));
    emit due->emptyHint()->linkActivated(QStringLiteral("overdue"));
    EXPECT_GE(due->model()->rowCount(), 1);
    EXPECT_TRUE(due->emptyHint()->isHidden());
    due->setMode(gui::DueView::Mode::Month);
    due->setMonth(QDate(2023, 8, 20));
    EXPECT_EQ(due->model()->rowCount(), inMonth);

    due->setMode(gui::DueView::Mode::Overdue);
    const int overdue = due->model()->rowCount();
    ASSERT_GE(overdue, 1);
    const core::DueEntry first = due->model()->entries().first();
    EXPECT_EQ(first.planId, db.planId);
    EXPECT_LT(first.window.to, QDate(2023, 11, 15));

    // Filter by owner: a person named in few measures narrows the list.
    due->setMode(gui::DueView::Mode::Month);
    due->setOwnerFilter(QStringLiteral("Педагог-психолог"));
    EXPECT_LT(due->model()->rowCount(), inMonth);
    due->setOwnerFilter(QString());
    EXPECT_EQ(due->model()->rowCount(), inMonth);

    // Double-clicking an overdue row opens the measure; marking it done clears it from the list.
    due->setMode(gui::DueView::Mode::Overdue);
    const QModelIndex row = due->model()->index(0, 0);
    emit due->table()->doubleClicked(row);
    const QModelIndex current = window->planView()->currentSourceIndex();
    const core::Measure *m = window->editor()->model()->measureAt(current);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->id, first.measure.id);
    QComboBox *status = window->detailPanel()->statusCombo();
    status->setCurrentIndex(status->findData(int(core::MeasureStatus::Done)));
    window->showDueView();
    due->setToday(QDate(2023, 11, 15));
    due->setMode(gui::DueView::Mode::Overdue);
    EXPECT_EQ(due->model()->rowCount(), overdue - 1);
}
