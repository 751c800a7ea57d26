// Two people, one plan, in the GUI: the window's editor on the session's connection and «another
// user» on a second connection to the same file. A save that lost the race is refused with the
// lost edit named, the plan is loaded as stored, the undo history cleared; a change made
// elsewhere reloads the open plan (selection kept) or, while the user is editing, shows a banner.
#include "GuiTestSupport.h"
#include "objectivity/gui/plan/PlanChangeWatcher.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanTreeModel.h"
#include "objectivity/gui/plan/PlanView.h"
#include "objectivity/storage/ChangeNotifier.h"
#include "objectivity/storage/Database.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using namespace objectivity;
using gui::MeasureField;

namespace {

class TwoPeopleOnePlan : public ::testing::Test {
protected:
    void SetUp() override {
        if (test::seedPath(QStringLiteral("000")).isEmpty())
            GTEST_SKIP() << "../shared is absent (seed 000 not found)";
        ASSERT_TRUE(db.load(QStringLiteral("000")));
        editor = std::make_unique<gui::PlanEditor>(db.session.plans());
        view = std::make_unique<gui::PlanView>(editor.get());
        ASSERT_TRUE(editor->loadPlan(db.planId).ok());
        view->resize(1200, 700);
        view->show();
        auto other = storage::Database::open(db.session.path());
        ASSERT_TRUE(other.ok()) << other.error().toString().toStdString();
        elsewhere = std::move(other.value());
    }
    // «Another user» changes the text of measure (s, m) through their own connection.
    void changeElsewhere(int s, int m, const QString &text) {
        storage::PlanRepository theirs(*elsewhere);
        auto loaded = theirs.load(db.planId);
        ASSERT_TRUE(loaded.ok());
        core::Plan plan = *loaded;
        plan.sections[s].measures[m].text = text;
        const auto st = theirs.save(plan);
        ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    }
    core::Plan stored() {
        auto p = storage::PlanRepository(*elsewhere).load(db.planId);
        EXPECT_TRUE(p.ok());
        return p ? p.value() : core::Plan{};
    }
    QModelIndex current() { return view->currentSourceIndex(); }

    test::SeedDatabase db;
    std::unique_ptr<gui::PlanEditor> editor;
    std::unique_ptr<gui::PlanView> view;
    std::unique_ptr<storage::Database> elsewhere;
};

} // namespace

TEST_F(TwoPeopleOnePlan, ASaveThatLostTheRaceIsRefusedNamedAndTheCurrentPlanLoaded) {
    const auto *model = editor->model();
    view->selectSourceIndex(model->measureIndex(1, 0));
    ASSERT_TRUE(editor->editMeasure(0, 0, MeasureField::ExpectedResult,
                                    QStringLiteral("Приказ о назначении")));
    ASSERT_EQ(editor->undoStack()->count(), 1); // a save that went through: undoable

    changeElsewhere(1, 0, QStringLiteral("Текст, изменённый другим пользователем"));
    const QString number = editor->plan().sections[1].measures[1].number;
    QSignalSpy failed(editor.get(), &gui::PlanEditor::saveFailed);
    ASSERT_TRUE(
        editor->editMeasure(1, 1, MeasureField::Deadline, QStringLiteral("Ноябрь 2025 года")));
    ASSERT_TRUE(failed.wait(2000));
    ASSERT_EQ(failed.count(), 1);
    const auto error = failed.at(0).at(0).value<core::Error>();
    EXPECT_EQ(error.code, core::ErrorCode::PlanChanged);
    const QString text = error.message;
    EXPECT_TRUE(text.startsWith(QStringLiteral("План изменён другим пользователем (")))
        << text.toStdString();
    EXPECT_TRUE(
        text.contains(QStringLiteral("Ваши изменения не сохранены; загружен текущий план.")));
    EXPECT_TRUE(text.contains(QStringLiteral("Не сохранено: мероприятие %1 — «Сроки»: «Ноябрь "
                                             "2025 года»")
                                  .arg(number)))
        << text.toStdString();

    // The window shows the plan as stored: the other user's text, not the refused deadline;
    // the history is cleared (an undo would write over the other user's change).
    EXPECT_EQ(editor->plan().sections[1].measures[0].text,
              QStringLiteral("Текст, изменённый другим пользователем"));
    EXPECT_NE(editor->plan().sections[1].measures[1].deadline.text,
              QStringLiteral("Ноябрь 2025 года"));
    EXPECT_EQ(editor->plan().version, stored().version);
    EXPECT_EQ(editor->undoStack()->count(), 0);
    EXPECT_FALSE(editor->hasUnsavedEdit());
    EXPECT_EQ(current(), model->measureIndex(1, 0));

    // Nothing of the refused edit reached the database; the earlier one stays.
    const core::Plan inDb = stored();
    EXPECT_NE(inDb.sections[1].measures[1].deadline.text, QStringLiteral("Ноябрь 2025 года"));
    EXPECT_EQ(inDb.sections[0].measures[0].expectedResult, QStringLiteral("Приказ о назначении"));

    // The next edit is made on the current plan and lands.
    ASSERT_TRUE(
        editor->editMeasure(1, 1, MeasureField::Deadline, QStringLiteral("Ноябрь 2025 года")));
    EXPECT_EQ(stored().sections[1].measures[1].deadline.text, QStringLiteral("Ноябрь 2025 года"));
    EXPECT_EQ(stored().sections[1].measures[0].text,
              QStringLiteral("Текст, изменённый другим пользователем"));
}

TEST_F(TwoPeopleOnePlan, AChangeElsewhereReloadsTheOpenPlanAndKeepsTheSelection) {
    gui::PlanChangeWatcher watcher(*db.session.database(), editor.get());
    view->addBanner(watcher.banner());
    QSignalSpy messages(&watcher, &gui::PlanChangeWatcher::message);
    const auto *model = editor->model();
    const qint64 selectedId = editor->plan().sections[2].measures[1].id;
    view->selectSourceIndex(model->measureIndex(2, 1));
    ASSERT_TRUE(editor->editMeasure(0, 0, MeasureField::Note, QStringLiteral("своя заметка")));

    // Its own save is not «elsewhere».
    watcher.notifier()->checkNow();
    EXPECT_EQ(messages.count(), 0);

    // Another user removes the first measure of section 3: the selected one moves up a row.
    {
        storage::PlanRepository theirs(*elsewhere);
        auto loaded = theirs.load(db.planId);
        ASSERT_TRUE(loaded.ok());
        core::Plan plan = *loaded;
        plan.sections[2].measures.removeFirst();
        ASSERT_TRUE(theirs.save(plan).ok());
    }
    watcher.notifier()->checkNow();
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.at(0).at(0).toString().startsWith(
        QStringLiteral("План обновлён: его изменили в другом окне или программе")))
        << messages.at(0).at(0).toString().toStdString();
    EXPECT_EQ(editor->plan().version, stored().version);
    EXPECT_EQ(editor->plan().sections[2].measures.size(), stored().sections[2].measures.size());
    EXPECT_EQ(editor->undoStack()->count(), 0);
    const core::Measure *now = model->measureAt(current());
    ASSERT_NE(now, nullptr);
    EXPECT_EQ(now->id, selectedId);
    EXPECT_FALSE(watcher.banner()->isVisible());
}

TEST_F(TwoPeopleOnePlan, WhileTheUserIsEditingABannerOffersToRefresh) {
    gui::PlanChangeWatcher watcher(*db.session.database(), editor.get());
    view->addBanner(watcher.banner());
    bool busy = true;
    watcher.setBusyProbe([&] { return busy; });
    const QString before = editor->plan().sections[0].measures[0].text;

    changeElsewhere(0, 0, QStringLiteral("Изменено другим пользователем"));
    watcher.notifier()->checkNow();
    ASSERT_TRUE(watcher.banner()->isVisible());
    const QString bannerText = watcher.banner()->findChild<QLabel *>()->text();
    EXPECT_TRUE(bannerText.startsWith(QStringLiteral("План изменён другим пользователем (")))
        << bannerText.toStdString();
    EXPECT_EQ(editor->plan().sections[0].measures[0].text, before); // not under the user's hands
    if (const QString out = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR"); !out.isEmpty()) {
        EXPECT_TRUE(view->grab().save(out + QStringLiteral("/plan-changed-banner.png")));
    }

    busy = false;
    watcher.refreshButton()->click();
    EXPECT_FALSE(watcher.banner()->isVisible());
    EXPECT_EQ(editor->plan().sections[0].measures[0].text,
              QStringLiteral("Изменено другим пользователем"));
    EXPECT_EQ(editor->plan().version, stored().version);
}
