// An imported document that was already approved («Утверждаю … Приказ №149 от 01.07.2022») keeps
// its approval: status «утверждён» and the approval block in print, not «ПРОЕКТ».
#include "TestSupport.h"
#include "objectivity/core/plan/ApprovalWorkflow.h"
#include "objectivity/io/export/PlanExportTable.h"
#include "objectivity/io/plan/PlanImporter.h"

using namespace objectivity;
using namespace Qt::StringLiterals;

TEST(ApprovedImportTest, SeedWithAnOrderPrintsItsApprovalBlock) {
    const QString seed = test::seedPath(u"000"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    auto imported = io::PlanImporter::importFile(seed);
    ASSERT_TRUE(imported) << imported.error().toString().toStdString();
    core::Plan plan = imported->plan;
    EXPECT_EQ(plan.approval.orderNumber, u"149"_s);
    EXPECT_EQ(plan.approval.orderDate, QDate(2022, 7, 1));
    plan.status = core::ApprovalWorkflow::statusFromDocument(plan.approval);
    EXPECT_EQ(plan.status, core::PlanStatus::Approved);

    const QStringList lines = io::PlanExportTable(plan, {}).approvalLines();
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_EQ(lines.first(), u"УТВЕРЖДАЮ"_s);
    EXPECT_TRUE(lines.join(u'\n').contains(u"149"_s)) << lines.join(u'\n').toStdString();
    EXPECT_FALSE(lines.contains(u"ПРОЕКТ"_s));

    plan.status = core::PlanStatus::Draft; // imported with --status draft
    EXPECT_EQ(io::PlanExportTable(plan, {}).approvalLines(), QStringList{u"ПРОЕКТ"_s});
}

TEST(ApprovedImportTest, AppendixOrderCountsAndNoOrderStaysDraft) {
    const QString seed = test::seedPath(u"002"_s);
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    auto imported = io::PlanImporter::importFile(seed);
    ASSERT_TRUE(imported);
    // Seed 002 names its order «Приложение к Приказ №32/1 от 04 марта 2024г»: approved too.
    EXPECT_EQ(core::ApprovalWorkflow::statusFromDocument(imported->plan.approval),
              core::PlanStatus::Approved);
    core::Approval none;
    none.approverName = u"Н.С. Сазонова"_s;
    EXPECT_EQ(core::ApprovalWorkflow::statusFromDocument(none), core::PlanStatus::Draft);
}
