// Driving the real plan widgets on seed 000: add, move, undo, edit a deadline in the detail panel,
// approve and fail to edit, make a revision. Every step is checked in the database too.
#include "GuiTestSupport.h"
#include "objectivity/gui/plan/MeasureDetailPanel.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanTreeModel.h"
#include "objectivity/gui/plan/PlanView.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using namespace objectivity;
using gui::MeasureField;

namespace {

class PlanEditing : public ::testing::Test {
protected:
    void SetUp() override {
        if (test::seedPath(QStringLiteral("000")).isEmpty())
            GTEST_SKIP() << "../shared is absent (seed 000 not found)";
        ASSERT_TRUE(db.load(QStringLiteral("000")));
        editor = std::make_unique<gui::PlanEditor>(db.session.plans());
        view = std::make_unique<gui::PlanView>(editor.get());
        panel = std::make_unique<gui::MeasureDetailPanel>(editor.get());
        QObject::connect(view.get(), &gui::PlanView::currentChanged, panel.get(),
                         &gui::MeasureDetailPanel::setCurrent);
        ASSERT_TRUE(editor->loadPlan(db.planId).ok());
        view->resize(1200, 700);
        view->show();
        view->selectFirstMeasure();
    }
    core::Plan stored() {
        auto p = db.session.plans()->load(db.planId);
        EXPECT_TRUE(p.ok());
        return p ? p.value() : core::Plan{};
    }
    gui::PlanTreeModel *model() { return editor->model(); }

    test::SeedDatabase db;
    std::unique_ptr<gui::PlanEditor> editor;
    std::unique_ptr<gui::PlanView> view;
    std::unique_ptr<gui::MeasureDetailPanel> panel;
};

} // namespace

TEST_F(PlanEditing, ImportedPlanShowsSectionsSpanningAndSelectedMeasure) {
    const auto &plan = editor->plan();
    ASSERT_EQ(model()->rowCount(), plan.sections.size());
    EXPECT_TRUE(view->treeView()->isFirstColumnSpanned(0, {}));
    EXPECT_EQ(model()->sectionIndex(0).data(Qt::FontRole).value<QFont>().bold(), true);
    const QModelIndex current = view->currentSourceIndex();
    ASSERT_TRUE(model()->measureAt(current));
    EXPECT_EQ(panel->textEdit()->toPlainText(), plan.sections[0].measures[0].text);
    EXPECT_TRUE(panel->deadlineInterpretation()->text().startsWith(QStringLiteral("Понято как")));
}

// Every cell is drawn whole: a row is as tall as its longest text wrapped at its column's width,
// and stays so when the column is made narrower. (QTreeView measured a row without the column's
// width: a measure's text counted as one line and was cut with «…», unless another cell of its row
// had two lines.)
TEST_F(PlanEditing, EveryMeasureIsShownWholeWrappedInItsRow) {
    QTreeView *tree = view->treeView();
    // the style draws a cell's text this far from either edge
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    const auto check = [&](const char *when) {
        QApplication::processEvents(); // the layout after a column's resize is queued
        int cells = 0;
        for (int s = 0; s < tree->model()->rowCount(); ++s) {
            const QModelIndex section = tree->model()->index(s, 0);
            for (int m = 0; m < tree->model()->rowCount(section); ++m)
                for (int c = 0; c < tree->model()->columnCount(section); ++c) {
                    const QModelIndex cell = tree->model()->index(m, c, section);
                    const QString text = cell.data().toString();
                    const QRect rect = tree->visualRect(cell);
                    if (text.isEmpty() || rect.width() < 20)
                        continue;
                    const QRect needed = tree->fontMetrics().boundingRect(
                        QRect(0, 0, rect.width() - 2 * margin, 100'000), Qt::TextWordWrap, text);
                    EXPECT_GE(rect.height(), needed.height())
                        << when << ": " << text.toStdString() << " in " << rect.width() << " px";
                    ++cells;
                }
        }
        EXPECT_GT(cells, 100) << when;
    };
    tree->scrollToTop();
    check("as opened");
    tree->setColumnWidth(1, tree->columnWidth(1) * 2 / 3);
    check("a narrower column of measures");
}

// The measures' column takes the room the other columns leave, so that every column is on
// screen; in a narrow window it keeps 250 px and the table scrolls sideways.
TEST_F(PlanEditing, TheMeasuresColumnFillsTheRoomTheOthersLeave) {
    QTreeView *tree = view->treeView();
    QHeaderView *header = tree->header();
    const auto total = [&] {
        int sum = 0;
        for (int c = 0; c < header->count(); ++c)
            sum += header->sectionSize(c);
        return sum;
    };
    const int measures = 1; // seed 000: №, Мероприятия, Ответственные, Сроки
    ASSERT_EQ(editor->plan().columns[measures].role, core::ColumnRole::Measure);
    QApplication::processEvents();
    EXPECT_EQ(total(), tree->viewport()->width());
    EXPECT_GT(header->sectionSize(measures), 500);

    header->resizeSection(2, header->sectionSize(2) + 100); // the owners' column made wider
    EXPECT_EQ(total(), tree->viewport()->width());

    view->resize(500, 700);
    QApplication::processEvents();
    EXPECT_EQ(header->sectionSize(measures), 250);
    EXPECT_GT(total(), tree->viewport()->width());
}

TEST_F(PlanEditing, AddMoveUndoRenumbers) {
    const QStringList original = test::measureNumbers(editor->plan());
    const int firstCount = int(editor->plan().sections[0].measures.size());
    // Add after the first measure of section 1: it takes number 1.2., the rest shift.
    const QModelIndex added = editor->addMeasure(
        model()->measureIndex(0, 0), QStringLiteral("Проверка тетрадей по русскому языку"));
    ASSERT_TRUE(added.isValid());
    EXPECT_EQ(editor->plan().sections[0].measures[1].number, QStringLiteral("1.2."));
    EXPECT_EQ(editor->plan().sections[0].measures[2].number, QStringLiteral("1.3."));
    EXPECT_EQ(editor->plan().sections[0].measures.size(), firstCount + 1);
    // Saved at once.
    EXPECT_EQ(stored().sections[0].measures[1].text,
              QStringLiteral("Проверка тетрадей по русскому языку"));

    // Move it to the top of section 2: section 1 closes the gap, section 2 shifts.
    const QModelIndex moved = editor->moveItem(0, 1, 1, 0);
    ASSERT_TRUE(moved.isValid());
    const auto &plan = editor->plan();
    EXPECT_EQ(plan.sections[1].measures[0].text,
              QStringLiteral("Проверка тетрадей по русскому языку"));
    EXPECT_EQ(plan.sections[1].measures[0].number, QStringLiteral("2.1."));
    EXPECT_EQ(plan.sections[1].measures[1].number, QStringLiteral("2.2."));
    EXPECT_EQ(plan.sections[0].measures[1].number, QStringLiteral("1.2."));
    EXPECT_EQ(plan.sections[0].measures.size(), firstCount);
    EXPECT_EQ(stored().sections[1].measures[0].number, QStringLiteral("2.1."));

    // Ctrl+Up from the top of section 2 goes to the end of section 1.
    view->selectSourceIndex(model()->measureIndex(1, 0));
    const QModelIndex up = editor->moveUp(view->currentSourceIndex());
    EXPECT_EQ(model()->sectionRow(up), 0);
    EXPECT_EQ(editor->plan().sections[0].measures.last().text,
              QStringLiteral("Проверка тетрадей по русскому языку"));

    // Undo everything: the original numbering, in memory and in the database.
    EXPECT_EQ(editor->undoStack()->count(), 3);
    while (editor->undoStack()->canUndo())
        editor->undoStack()->undo();
    EXPECT_EQ(test::measureNumbers(editor->plan()), original);
    EXPECT_EQ(test::measureNumbers(stored()), original);
    EXPECT_EQ(stored().measureCount(), db.imported.measureCount());
}

TEST_F(PlanEditing, DragAndDropMovesThroughTheUndoStack) {
    const QString text = editor->plan().sections[0].measures[0].text;
    std::unique_ptr<QMimeData> mime(model()->mimeData({model()->measureIndex(0, 0)}));
    ASSERT_TRUE(mime);
    // Drop onto section 3, before its second row.
    model()->dropMimeData(mime.get(), Qt::MoveAction, 1, 0, model()->sectionIndex(2));
    EXPECT_EQ(editor->plan().sections[2].measures[1].text, text);
    EXPECT_EQ(editor->plan().sections[2].measures[1].number, QStringLiteral("3.2."));
    EXPECT_EQ(editor->undoStack()->count(), 1);
    editor->undoStack()->undo();
    EXPECT_EQ(editor->plan().sections[0].measures[0].text, text);
}

TEST_F(PlanEditing, DeadlineTypedInDetailPanelIsInterpretedLiveAndSaved) {
    view->selectSourceIndex(model()->measureIndex(0, 0));
    QLineEdit *deadline = panel->deadlineEdit();
    deadline->selectAll();
    QTest::keyClick(deadline, Qt::Key_Delete);
    test::typeText(deadline, QStringLiteral("Август-сентябрь ежегодно"));
    const QString shown = panel->deadlineInterpretation()->text();
    EXPECT_TRUE(shown.contains(QStringLiteral("ежегодно"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("01.08"))) << shown.toStdString();
    const core::Measure &m = editor->plan().sections[0].measures[0];
    EXPECT_EQ(m.deadline.text, QStringLiteral("Август-сентябрь ежегодно"));
    EXPECT_TRUE(m.deadline.yearly);
    // Seed 000 covers 2022–2024: one window per academic year.
    EXPECT_EQ(m.deadline.windows.size(), 2);
    // All that typing is one undo step; the database has the final text.
    EXPECT_EQ(editor->undoStack()->count(), 1);
    EXPECT_EQ(stored().sections[0].measures[0].deadline.text,
              QStringLiteral("Август-сентябрь ежегодно"));
    editor->undoStack()->undo();
    EXPECT_EQ(deadline->text(), db.imported.sections[0].measures[0].deadline.text);
}

TEST_F(PlanEditing, ApprovedPlanRefusesTextEditsButKeepsExecution) {
    core::Approval a;
    a.approverPosition = QStringLiteral("Директор МКОУ «СОШ №20» ИГОСК");
    a.approverName = QStringLiteral("В.Д. Мазепа");
    a.orderNumber = QStringLiteral("149");
    a.orderDate = QDate(2022, 7, 1);
    ASSERT_TRUE(editor->submitForApproval().ok());
    EXPECT_EQ(stored().status, core::PlanStatus::PendingApproval);
    ASSERT_TRUE(editor->approve(a).ok());
    EXPECT_TRUE(editor->isReadOnly());
    EXPECT_EQ(stored().status, core::PlanStatus::Approved);
    EXPECT_EQ(stored().approval.approverName, QStringLiteral("В.Д. Мазепа"));

    // The model refuses a text edit with a Russian message; nothing changes.
    QSignalSpy refused(model(), &gui::PlanTreeModel::editRefused);
    const int textColumn = model()->columnOf(core::ColumnRole::Measure);
    const QModelIndex cell = model()->measureIndex(0, 0, textColumn);
    EXPECT_FALSE(cell.flags().testFlag(Qt::ItemIsEditable));
    EXPECT_FALSE(model()->setData(cell, QStringLiteral("Другой текст")));
    ASSERT_EQ(refused.count(), 1);
    EXPECT_TRUE(refused.first().first().toString().contains(QStringLiteral("утверждён")));
    EXPECT_FALSE(editor->addMeasure(model()->measureIndex(0, 0)).isValid());
    EXPECT_FALSE(editor->removeItem(model()->measureIndex(0, 0)));
    EXPECT_TRUE(panel->textEdit()->isReadOnly());
    // and looks closed: the window's grey, not the white of a field to type in, with the reason
    const QColor grey = panel->palette().color(QPalette::Window);
    EXPECT_EQ(panel->textEdit()->palette().color(QPalette::Base), grey);
    EXPECT_TRUE(panel->textEdit()->toolTip().contains(QStringLiteral("новую редакцию")));
    EXPECT_NE(panel->statusCombo()->palette().color(QPalette::Base), grey) << "marks stay open";
    EXPECT_EQ(stored().sections[0].measures[0].text, db.imported.sections[0].measures[0].text);

    // Execution still works, through the detail panel, and is stored.
    view->selectSourceIndex(model()->measureIndex(0, 0));
    QComboBox *status = panel->statusCombo();
    status->setCurrentIndex(status->findData(int(core::MeasureStatus::Done)));
    EXPECT_EQ(editor->plan().sections[0].measures[0].status, core::MeasureStatus::Done);
    EXPECT_EQ(stored().sections[0].measures[0].status, core::MeasureStatus::Done);
    EXPECT_TRUE(model()->sectionIndex(0).data().toString().contains(QStringLiteral("выполнено 1")));

    // A new revision: a draft copied from it, editable; the approved one stays as it was.
    const qint64 approvedId = editor->plan().id;
    auto revision = editor->makeRevision();
    ASSERT_TRUE(revision.ok());
    EXPECT_NE(revision.value(), approvedId);
    EXPECT_FALSE(editor->isReadOnly());
    EXPECT_NE(panel->textEdit()->palette().color(QPalette::Base), grey);
    EXPECT_TRUE(panel->textEdit()->toolTip().isEmpty());
    EXPECT_EQ(editor->plan().revision, 2);
    EXPECT_EQ(editor->plan().parentPlanId, approvedId);
    EXPECT_TRUE(editor->editMeasure(0, 0, MeasureField::Text, QStringLiteral("Уточнённый текст")));
    auto draft = db.session.plans()->load(revision.value());
    ASSERT_TRUE(draft.ok());
    EXPECT_EQ(draft.value().sections[0].measures[0].text, QStringLiteral("Уточнённый текст"));
    auto approved = db.session.plans()->load(approvedId);
    ASSERT_TRUE(approved.ok());
    EXPECT_EQ(approved.value().status, core::PlanStatus::Approved);
    EXPECT_EQ(approved.value().sections[0].measures[0].text,
              db.imported.sections[0].measures[0].text);
}

TEST_F(PlanEditing, FilterLineKeepsMatchingMeasures) {
    test::typeText(view->filterEdit(), QStringLiteral("Педагог-психолог"));
    auto *proxy = view->treeView()->model();
    int shown = 0;
    for (int r = 0; r < proxy->rowCount(); ++r)
        shown += proxy->rowCount(proxy->index(r, 0));
    EXPECT_GE(shown, 1);
    EXPECT_LT(shown, 5);
    view->filterEdit()->clear();
    shown = 0;
    for (int r = 0; r < proxy->rowCount(); ++r)
        shown += proxy->rowCount(proxy->index(r, 0));
    EXPECT_EQ(shown, editor->plan().measureCount());
}
