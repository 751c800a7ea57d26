// The start page: shown instead of the empty editor while the database has no plan, its buttons
// trigger the window's own actions, and it gives way to the editor once a plan exists.
#include "objectivity/gui/shell/StartPage.h"
#include "MainWindowTest.h"
#include "SamplePlans.h"
#include "objectivity/gui/plan/NewPlanDialog.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanTemplates.h"
#include "objectivity/gui/results/ResultsMenu.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/gui/shell/DemoDatabase.h"
#include "objectivity/gui/shell/MainActions.h"
#include "objectivity/gui/shell/ScreenshotRunner.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QImage>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>

using namespace objectivity;

namespace {

class StartPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        OBJ_ASSERT_OK(session.open(dir.filePath(QStringLiteral("новая.sqlite"))));
        window = std::make_unique<gui::MainWindow>(&session);
        window->resize(1300, 800);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    test::TemporarySettings settings;
    QTemporaryDir dir;
    gui::AppSession session;
    std::unique_ptr<gui::MainWindow> window;
};

} // namespace

TEST(AppSessionNewDatabase, HasNoPlansNoResultsOnlyTheRoles) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("first.sqlite"));
    int roles = 0;
    {
        gui::AppSession session;
        OBJ_ASSERT_OK(session.open(path));
        EXPECT_FALSE(session.isDemo());
        EXPECT_TRUE(session.plans()->list().value().isEmpty());
        storage::ResultsRepository results(*session.database());
        EXPECT_EQ(results.participantCount().value(), 0);
        EXPECT_TRUE(results.imports().value().isEmpty());
        const auto people = session.staff()->list();
        ASSERT_TRUE(people.ok());
        // Reference data for the owners field: the roles of the templates, no people.
        ASSERT_EQ(people->size(), gui::PlanTemplates::roles().size());
        for (const auto &p : people.value()) {
            EXPECT_TRUE(p.isRole);
            EXPECT_TRUE(gui::PlanTemplates::roles().contains(p.name));
        }
        roles = int(people->size());
    }
    // Opened again: nothing is added.
    gui::AppSession again;
    OBJ_ASSERT_OK(again.open(path));
    EXPECT_TRUE(again.plans()->list().value().isEmpty());
    EXPECT_EQ(again.staff()->list().value().size(), roles);
}

TEST_F(StartPageTest, ShownForAnEmptyDatabaseWithFourActions) {
    ASSERT_TRUE(window->isStartPageShown());
    EXPECT_TRUE(window->startPage()->isVisible());
    EXPECT_FALSE(window->findChild<QDockWidget *>(QStringLiteral("plansDock"))->isVisible());
    EXPECT_FALSE(window->windowTitle().contains(QStringLiteral("ДЕМО")));
    struct Entry {
        const char *name;
        QString text;
        QAction *action;
    };
    const QList<Entry> entries = {
        {"startImportPlan", QStringLiteral("Импортировать план…"), window->actions()->importFile},
        {"startTemplatePlan", QStringLiteral("Создать план по шаблону…"),
         window->actions()->newPlan},
        {"startImportResults", QStringLiteral("Импортировать результаты…"),
         window->results()->importResults},
        {"startOpenDemo", QStringLiteral("Открыть демонстрационную базу"),
         window->actions()->openDemo}};
    EXPECT_EQ(window->startPage()->findChildren<QPushButton *>().size(), entries.size());
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (const Entry &e : entries) {
        // The actions' own work (file dialogs) is not wanted here: only which action fires.
        QObject::disconnect(e.action, &QAction::triggered, nullptr, nullptr);
        spies << std::make_shared<QSignalSpy>(e.action, &QAction::triggered);
    }
    for (int i = 0; i < entries.size(); ++i) {
        auto *button =
            window->startPage()->findChild<QPushButton *>(QLatin1String(entries[i].name));
        ASSERT_TRUE(button) << entries[i].name;
        EXPECT_EQ(button->text(), entries[i].text);
        EXPECT_TRUE(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        for (int j = 0; j < entries.size(); ++j)
            EXPECT_EQ(spies[j]->count(), j <= i ? 1 : 0) << entries[i].name << " → " << j;
    }
}

TEST_F(StartPageTest, DemoButtonAsksForTheDemoFile) {
    QSignalSpy requested(window.get(), &gui::MainWindow::databaseRequested);
    QTest::mouseClick(
        window->startPage()->findChild<QPushButton *>(QStringLiteral("startOpenDemo")),
        Qt::LeftButton);
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.first().first().toString(), gui::DemoDatabase::defaultPath());
}

TEST_F(StartPageTest, TemplateButtonCreatesAPlanAndThePageGivesWay) {
    bool seen = false;
    test::onNextDialog<gui::NewPlanDialog>(
        [](gui::NewPlanDialog *d) { EXPECT_EQ(d->source(), gui::NewPlanDialog::Source::Template); },
        &seen);
    QTest::mouseClick(
        window->startPage()->findChild<QPushButton *>(QStringLiteral("startTemplatePlan")),
        Qt::LeftButton);
    ASSERT_TRUE(seen);
    ASSERT_EQ(session.plans()->list().value().size(), 1);
    EXPECT_FALSE(window->isStartPageShown());
    EXPECT_FALSE(window->startPage()->isVisible());
    EXPECT_TRUE(window->findChild<QDockWidget *>(QStringLiteral("plansDock"))->isVisible());
    ASSERT_TRUE(window->editor()->hasPlan());
    const core::Plan &plan = window->editor()->plan();
    EXPECT_GE(plan.measureCount(), 10);
    // numbered as the users' plans are: «1.» sections, «1.1.» measures (the sections were left
    // unnumbered when the template's style was read from its unnumbered titles)
    ASSERT_GE(plan.sections.size(), 2);
    EXPECT_EQ(plan.sections.at(1).number, QStringLiteral("2."));
    EXPECT_EQ(plan.sections.at(1).measures.value(0).number, QStringLiteral("2.1."));
    // a section added in the editor continues the numbering
    const QModelIndex added = window->editor()->addSection(
        window->editor()->model()->sectionIndex(0), QStringLiteral("Новый раздел"));
    ASSERT_TRUE(added.isValid());
    EXPECT_EQ(window->editor()->plan().sections.at(1).number, QStringLiteral("2."));
    EXPECT_EQ(window->editor()->plan().sections.at(1).title, QStringLiteral("Новый раздел"));
    EXPECT_EQ(window->editor()->plan().sections.at(2).number, QStringLiteral("3."));
}

TEST_F(StartPageTest, ScreenshotOfTheStartPage) {
    QTemporaryDir out;
    gui::ScreenshotOptions o;
    o.view = QStringLiteral("start");
    o.output = out.filePath(QStringLiteral("start.png"));
    ASSERT_EQ(gui::ScreenshotRunner::run(*window, o), 0);
    const QImage image(o.output);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), o.width);

    // A database with a plan has no start page to show.
    core::Plan plan = test::importedLikePlan();
    OBJ_ASSERT_OK(session.plans()->save(plan));
    gui::MainWindow withPlan(&session);
    EXPECT_FALSE(withPlan.isStartPageShown());
    o.output = out.filePath(QStringLiteral("none.png"));
    EXPECT_EQ(gui::ScreenshotRunner::run(withPlan, o), 1);
    EXPECT_FALSE(QFileInfo::exists(o.output));
}

TEST_F(StartPageTest, CreateDatabaseAsksForANewFileOnly) {
    QSignalSpy requested(window.get(), &gui::MainWindow::databaseRequested);
    const QString fresh = dir.filePath(QStringLiteral("своя.sqlite"));
    bool seen = false;
    // QFileDialog::accept is protected: the dialog is taken as a QDialog.
    test::onNextDialog<QDialog>(
        [&](QDialog *dialog) {
            auto *d = qobject_cast<QFileDialog *>(dialog);
            ASSERT_TRUE(d);
            // The default database (absent in this test) is what is proposed.
            EXPECT_EQ(QFileInfo(d->selectedFiles().value(0)).fileName(),
                      QStringLiteral("objectivity.sqlite"));
            d->selectFile(fresh);
        },
        &seen);
    window->actions()->newDatabase->trigger();
    ASSERT_TRUE(seen);
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.first().first().toString(), fresh);

    // An existing file is not «created» (nor overwritten): the user is told to open it instead.
    requested.clear();
    const QString existing = session.path();
    QString warning;
    test::onNextDialog<QDialog>([&](QDialog *dialog) {
        auto *d = qobject_cast<QFileDialog *>(dialog);
        ASSERT_TRUE(d);
        d->selectFile(existing);
        test::onNextDialog<QMessageBox>([&](QMessageBox *box) { warning = box->text(); });
    });
    window->actions()->newDatabase->trigger();
    EXPECT_EQ(requested.count(), 0);
    EXPECT_TRUE(warning.contains(QStringLiteral("уже существует"))) << warning.toStdString();
    EXPECT_TRUE(QFileInfo(existing).size() > 0);
}
