// Execution per window in the measure panel, the deadline problems marked in the panel and the
// plan tree (seed 000), and the one-click merge of near-duplicate owners in the staff dialog.
#include "MainWindowTest.h"
#include "objectivity/gui/plan/MeasureDetailPanel.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanTreeModel.h"
#include "objectivity/gui/plan/PlanView.h"
#include "objectivity/gui/plan/StaffDialog.h"
#include "objectivity/gui/shell/MainActions.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace objectivity;
using gui::MeasureField;
using objectivity::test::MainWindowTest;

namespace {

class WindowMarksGui : public ::testing::Test {
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
        panel->resize(600, 800);
        panel->show();
    }
    // The first measure whose deadline text is `text`: {section, measure}.
    std::pair<int, int> find(const QString &text) {
        const auto &sections = editor->plan().sections;
        for (int s = 0; s < sections.size(); ++s)
            for (int m = 0; m < sections[s].measures.size(); ++m)
                if (sections[s].measures[m].deadline.text == text)
                    return {s, m};
        ADD_FAILURE() << "no deadline " << text.toStdString();
        return {-1, -1};
    }
    core::Plan stored() {
        auto p = db.session.plans()->load(db.planId);
        EXPECT_TRUE(p.ok());
        return p ? p.value() : core::Plan{};
    }

    test::SeedDatabase db;
    std::unique_ptr<gui::PlanEditor> editor;
    std::unique_ptr<gui::PlanView> view;
    std::unique_ptr<gui::MeasureDetailPanel> panel;
};

} // namespace

TEST_F(WindowMarksGui, EachWindowIsMarkedInThePanelUndoablyAndStored) {
    const auto [s, m] = find(QStringLiteral("Август, ноябрь"));
    ASSERT_GE(s, 0);
    view->selectSourceIndex(editor->model()->measureIndex(s, m));
    QTableWidget *table = panel->windowTable();
    ASSERT_TRUE(table->isVisible());
    ASSERT_EQ(table->rowCount(), 4); // November 2022, August 2023, November 2023, August 2024
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("ноябрь 2022"));
    EXPECT_EQ(table->item(1, 0)->text(), QStringLiteral("август 2023"));

    auto *status = qobject_cast<QComboBox *>(table->cellWidget(1, 1));
    ASSERT_TRUE(status);
    status->setCurrentIndex(status->findData(int(core::MeasureStatus::Done)));
    const core::Measure &measure = editor->plan().sections[s].measures[m];
    const core::DateRange august2023 = measure.deadline.windows[1];
    EXPECT_EQ(measure.windowStatus(august2023), core::MeasureStatus::Done);
    EXPECT_EQ(measure.windowStatus(measure.deadline.windows[0]), core::MeasureStatus::Planned);
    ASSERT_TRUE(measure.windowMark(august2023));
    EXPECT_TRUE(measure.windowMark(august2023)->completionDate.isValid()); // today's
    // stored, window by window
    const core::Measure saved = stored().sections[s].measures[m];
    EXPECT_EQ(saved.windowStatus(august2023), core::MeasureStatus::Done);
    EXPECT_EQ(saved.windowStatusesText(),
              QStringLiteral("ноябрь 2022 — запланировано; август 2023 — выполнено; ноябрь 2023 — "
                             "запланировано; август 2024 — запланировано"));
    // the tree's status cell counts the windows
    const int statusColumn = editor->model()->columnOf(core::ColumnRole::Status);
    if (statusColumn >= 0) {
        EXPECT_EQ(editor->model()->measureIndex(s, m, statusColumn).data().toString(),
                  QStringLiteral("выполнено 1 из 4 сроков"));
    }

    // one undo step gives the window back
    editor->undoStack()->undo();
    EXPECT_EQ(editor->plan().sections[s].measures[m].windowStatus(august2023),
              core::MeasureStatus::Planned);
    EXPECT_TRUE(stored().sections[s].measures[m].windowMarks.isEmpty());
    EXPECT_EQ(qobject_cast<QComboBox *>(table->cellWidget(1, 1))->currentData().toInt(),
              int(core::MeasureStatus::Planned));

    // a measure with one window has no window table
    const auto [s2, m2] = find(QStringLiteral("август 2021"));
    view->selectSourceIndex(editor->model()->measureIndex(s2, m2));
    EXPECT_FALSE(table->isVisible());
}

TEST_F(WindowMarksGui, WindowsStayMarkableOnAnApprovedPlan) {
    core::Approval a;
    a.approverName = QStringLiteral("В.Д. Мазепа");
    a.orderNumber = QStringLiteral("149");
    a.orderDate = QDate(2022, 7, 1);
    ASSERT_TRUE(editor->submitForApproval().ok());
    ASSERT_TRUE(editor->approve(a).ok());
    ASSERT_TRUE(editor->isReadOnly());
    const auto [s, m] = find(QStringLiteral("Август, ноябрь"));
    const core::DateRange w = editor->plan().sections[s].measures[m].deadline.windows[2];
    EXPECT_TRUE(
        editor->markWindow(s, m, {w, core::MeasureStatus::NotDone, {}, QStringLiteral("перенос")}));
    const core::Measure saved = stored().sections[s].measures[m];
    EXPECT_EQ(saved.windowStatus(w), core::MeasureStatus::NotDone);
    EXPECT_EQ(saved.windowMarks.first().note, QStringLiteral("перенос"));
    EXPECT_EQ(stored().status, core::PlanStatus::Approved);
}

TEST_F(WindowMarksGui, ADeadlineBeforeTheApprovalIsMarkedInPanelAndTree) {
    // seed 000 is approved on 01.07.2022 for 2022/23–2023/24 and has a measure due «август 2021»
    ASSERT_EQ(editor->plan().approval.orderDate, QDate(2022, 7, 1));
    const auto [s, m] = find(QStringLiteral("август 2021"));
    ASSERT_GE(s, 0);
    view->selectSourceIndex(editor->model()->measureIndex(s, m));
    QLabel *problems = panel->deadlineProblems();
    EXPECT_TRUE(problems->isVisible());
    EXPECT_TRUE(problems->text().contains(QStringLiteral("август 2021 — раньше даты утверждения "
                                                         "плана (01.07.2022)")))
        << problems->text().toStdString();
    const int deadlineColumn = editor->model()->columnOf(core::ColumnRole::Deadline);
    ASSERT_GE(deadlineColumn, 0);
    const QModelIndex cell = editor->model()->measureIndex(s, m, deadlineColumn);
    EXPECT_FALSE(cell.data(Qt::DecorationRole).isNull());
    EXPECT_TRUE(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("проверьте год")));
    // a good deadline has no marker
    const auto [s2, m2] = find(QStringLiteral("Август, ноябрь"));
    EXPECT_TRUE(
        editor->model()->measureIndex(s2, m2, deadlineColumn).data(Qt::DecorationRole).isNull());
    view->selectSourceIndex(editor->model()->measureIndex(s2, m2));
    EXPECT_FALSE(problems->isVisible());
    // corrected in the panel: the warning goes at once
    view->selectSourceIndex(editor->model()->measureIndex(s, m));
    QLineEdit *deadline = panel->deadlineEdit();
    deadline->selectAll();
    QTest::keyClick(deadline, Qt::Key_Delete);
    test::typeText(deadline, QStringLiteral("август 2023"));
    EXPECT_FALSE(problems->isVisible());
    EXPECT_TRUE(
        editor->model()->measureIndex(s, m, deadlineColumn).data(Qt::DecorationRole).isNull());
}

TEST_F(MainWindowTest, StaffDialogMergesNearDuplicatesInOneClickUndoably) {
    gui::PlanEditor *editor = window->editor();
    ASSERT_TRUE(editor->editMeasure(0, 0, MeasureField::Owners,
                                    QStringList{QStringLiteral("Михайлок Е.И.")}));
    ASSERT_TRUE(editor->editMeasure(
        0, 1, MeasureField::Owners,
        QStringList{QStringLiteral("Михайлюк Е.И."), QStringLiteral("Михайлок Е.И.")}));
    const int stepsBefore = editor->undoStack()->count();
    bool seen = false;
    test::onNextDialog<gui::StaffDialog>(
        [&](gui::StaffDialog *dialog) {
            QListWidget *list = dialog->duplicatesList();
            ASSERT_GE(list->count(), 1);
            EXPECT_TRUE(list->item(0)->text().startsWith(
                QStringLiteral("«Михайлок Е.И.» → «Михайлюк Е.И.»")))
                << list->item(0)->text().toStdString();
            ASSERT_TRUE(dialog->mergeButton()->isEnabled());
            dialog->mergeButton()->click();
            // the list is refreshed: the pair is gone
            for (int i = 0; i < list->count(); ++i)
                EXPECT_FALSE(list->item(i)->text().contains(QStringLiteral("Михайлок")));
        },
        &seen);
    window->actions()->staff->trigger();
    ASSERT_TRUE(seen);
    EXPECT_EQ(editor->plan().sections[0].measures[0].owners,
              QStringList{QStringLiteral("Михайлюк Е.И.")});
    EXPECT_EQ(editor->plan().sections[0].measures[1].owners,
              QStringList{QStringLiteral("Михайлюк Е.И.")});
    auto stored = db.session.plans()->load(db.planId);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->sections[0].measures[0].owners, QStringList{QStringLiteral("Михайлюк Е.И.")});
    // one undo step for the whole merge in the open plan
    EXPECT_EQ(editor->undoStack()->count(), stepsBefore + 1);
    editor->undoStack()->undo();
    EXPECT_EQ(editor->plan().sections[0].measures[0].owners,
              QStringList{QStringLiteral("Михайлок Е.И.")});
    auto undone = db.session.plans()->load(db.planId);
    ASSERT_TRUE(undone.ok());
    EXPECT_EQ(undone->sections[0].measures[1].owners,
              (QStringList{QStringLiteral("Михайлюк Е.И."), QStringLiteral("Михайлок Е.И.")}));
}
