// Every item model of the GUI checked by QAbstractItemModelTester on real data (seed 000).
#include "GuiTestSupport.h"
#include "objectivity/core/plan/DueList.h"
#include "objectivity/gui/plan/DueListModel.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanFilterProxy.h"
#include "objectivity/gui/plan/PlanListModel.h"
#include "objectivity/gui/plan/PlanTreeModel.h"
#include "objectivity/gui/plan/StaffModel.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QAbstractItemModelTester>
#include <QUndoStack>

using namespace objectivity;
using objectivity::test::SeedDatabase;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
}

TEST(ModelTester, PlanTreeModelThroughEditsMovesAndUndo) {
    const QString seed = test::seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    SeedDatabase db;
    ASSERT_TRUE(db.load(QStringLiteral("000")));
    gui::PlanEditor editor(db.session.plans());
    QAbstractItemModelTester tester(editor.model(), kFatal);
    ASSERT_TRUE(editor.loadPlan(db.planId).ok());
    auto *model = editor.model();
    ASSERT_GE(model->rowCount(), 5);
    EXPECT_EQ(model->columnCount(), db.imported.columns.size());
    // Header is the plan's own heading, in its order.
    EXPECT_EQ(model->headerData(1, Qt::Horizontal).toString(), db.imported.columns[1].heading);

    const QModelIndex added = editor.addMeasure(model->measureIndex(0, 0), QStringLiteral("Новое"));
    ASSERT_TRUE(added.isValid());
    editor.moveItem(0, 1, 2, 0);
    editor.moveDown(model->sectionIndex(0));
    editor.addSection(model->sectionIndex(1), QStringLiteral("Раздел"));
    editor.removeItem(model->sectionIndex(2));
    while (editor.undoStack()->canUndo())
        editor.undoStack()->undo();
    EXPECT_EQ(test::measureNumbers(editor.plan()), test::measureNumbers(db.imported));
    while (editor.undoStack()->canRedo())
        editor.undoStack()->redo();

    gui::PlanFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, kFatal);
    proxy.setSourceModel(model);
    proxy.setText(QStringLiteral("психолог"));
    ASSERT_GE(proxy.rowCount(), 1);
    int shown = 0;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown += proxy.rowCount(proxy.index(r, 0));
    EXPECT_GE(shown, 1);
    EXPECT_LT(shown, editor.plan().measureCount());

    // «ё» typed finds «е» written (the seeds have no «ё» at all) and the other way round
    editor.addMeasure(model->measureIndex(0, 0), QStringLiteral("Отчет о выполнении плана"));
    editor.addMeasure(model->measureIndex(0, 0), QStringLiteral("Учёт замечаний наблюдателей"));
    auto measuresShown = [&] {
        QStringList texts;
        for (int r = 0; r < proxy.rowCount(); ++r)
            for (int m = 0; m < proxy.rowCount(proxy.index(r, 0)); ++m)
                texts << proxy.index(m, 1, proxy.index(r, 0)).data().toString();
        return texts;
    };
    proxy.setText(QStringLiteral("ОТЧЁТ выполнении"));
    EXPECT_EQ(measuresShown(), QStringList{QStringLiteral("Отчет о выполнении плана")});
    proxy.setText(QStringLiteral("учет наблюдателей"));
    EXPECT_EQ(measuresShown(), QStringList{QStringLiteral("Учёт замечаний наблюдателей")});
}

TEST(ModelTester, PlanListModelGroupsByOrganizationAndYear) {
    const QString seed = test::seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    SeedDatabase db;
    ASSERT_TRUE(db.load(QStringLiteral("000")));
    auto import2 = io::PlanImporter::importFile(test::seedPath(QStringLiteral("002")));
    ASSERT_TRUE(import2.ok());
    core::Plan second = import2.value().plan;
    ASSERT_TRUE(db.session.plans()->save(second).ok());

    gui::PlanListModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    auto list = db.session.plans()->list();
    ASSERT_TRUE(list.ok());
    model.setPlans(list.value());
    // Two different schools (a new database has no plan of its own: the demo is a separate file).
    EXPECT_GE(model.rowCount(), 2);
    const QModelIndex planIndex = model.indexOfPlan(second.id);
    ASSERT_TRUE(planIndex.isValid());
    EXPECT_EQ(model.planId(planIndex), second.id);
    EXPECT_TRUE(planIndex.parent().isValid());
    EXPECT_TRUE(planIndex.parent().parent().isValid());
    EXPECT_EQ(planIndex.siblingAtColumn(gui::PlanListModel::ProgressColumn).data().toString(),
              QStringLiteral("0/%1").arg(second.measureCount()));
    EXPECT_EQ(planIndex.siblingAtColumn(gui::PlanListModel::StatusColumn).data().toString(),
              QStringLiteral("черновик"));
}

TEST(ModelTester, DueListModelOnSeedPlan) {
    const QString seed = test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    auto import = io::PlanImporter::importFile(seed);
    ASSERT_TRUE(import.ok());
    const core::Plan plan = import.value().plan;
    // Seed 002 is the 2023/24 ВПР plan: March 2024 has several measures.
    const auto due = core::DueList::build({plan}, QDate(2024, 4, 15), QDate(2024, 3, 1));
    ASSERT_FALSE(due.inMonth.isEmpty());
    gui::DueListModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setEntries(due.inMonth);
    EXPECT_EQ(model.rowCount(), due.inMonth.size());
    EXPECT_TRUE(model.index(0, gui::DueListModel::WindowColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("2024")));
    // the plan named in a line by its school and years (the title, four lines in the column,
    // is the tooltip): seed 002 is «МАОУ «Калиновская СОШ»», 2023/24
    const QModelIndex planCell = model.index(0, gui::DueListModel::PlanColumn);
    EXPECT_EQ(planCell.data().toString(),
              plan.organization.name + QStringLiteral(", ") + plan.period.toDisplayString());
    EXPECT_TRUE(planCell.data().toString().startsWith(QStringLiteral("МАОУ «Калиновская СОШ»")))
        << planCell.data().toString().toStdString();
    EXPECT_EQ(planCell.data(Qt::ToolTipRole).toString(), plan.title);
    model.setEntries(due.overdue);
    EXPECT_EQ(model.rowCount(), due.overdue.size());
}

TEST(ModelTester, StaffModelRenameReachesMeasures) {
    const QString seed = test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    SeedDatabase db;
    ASSERT_TRUE(db.load(QStringLiteral("002")));
    gui::StaffModel model(db.session.staff());
    QAbstractItemModelTester tester(&model, kFatal);
    storage::Person p;
    p.name = QStringLiteral("Зам. директора");
    p.isRole = true;
    auto row = model.addPerson(p);
    ASSERT_TRUE(row.ok());
    EXPECT_TRUE(model.reload().ok());
    int found = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.people()[r].name == p.name)
            found = r;
    ASSERT_GE(found, 0);
    EXPECT_GT(model.people()[found].ownerCount, 0); // seed 002 names «Зам. директора» often
    ASSERT_TRUE(model.setData(model.index(found, gui::StaffModel::NameColumn),
                              QStringLiteral("Заместитель директора по учебной работе")));
    auto reloaded = db.session.plans()->load(db.planId);
    ASSERT_TRUE(reloaded.ok());
    int renamed = 0, old = 0;
    for (const auto &s : reloaded.value().sections)
        for (const auto &m : s.measures) {
            renamed += m.owners.count(QStringLiteral("Заместитель директора по учебной работе"));
            old += m.owners.count(QStringLiteral("Зам. директора"));
        }
    EXPECT_GT(renamed, 0);
    EXPECT_EQ(old, 0);
}
