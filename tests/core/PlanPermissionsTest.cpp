// The role × action × plan-state rules, one expectation per role and per transition, allowed and
// refused.
#include "objectivity/core/plan/PlanPermissions.h"
#include "objectivity/core/plan/ApprovalWorkflow.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

namespace {

constexpr auto School = OrganizationKind::School;
constexpr auto Municipal = OrganizationKind::MunicipalDepartment;

bool can(std::optional<Role> role, PlanAction action, PlanStatus status,
         OrganizationKind kind = School) {
    return PlanPermissions::allowed(role, action, status, kind);
}

} // namespace

TEST(PlanPermissionsTest, DeputyEditsDraftsSubmitsAndMarksButDoesNotApprove) {
    const Role r = Role::Deputy;
    EXPECT_TRUE(can(r, PlanAction::Create, PlanStatus::Draft));
    EXPECT_FALSE(can(r, PlanAction::ImportApproved, PlanStatus::Draft))
        << "an approval is the director's";
    EXPECT_TRUE(can(r, PlanAction::EditText, PlanStatus::Draft));
    EXPECT_TRUE(can(r, PlanAction::Submit, PlanStatus::Draft));
    EXPECT_TRUE(can(r, PlanAction::MarkExecution, PlanStatus::Approved));
    EXPECT_TRUE(can(r, PlanAction::Remove, PlanStatus::Draft));
    EXPECT_FALSE(can(r, PlanAction::Approve, PlanStatus::PendingApproval));
    EXPECT_FALSE(can(r, PlanAction::Return, PlanStatus::PendingApproval));
    EXPECT_FALSE(can(r, PlanAction::Revise, PlanStatus::Approved));
    EXPECT_FALSE(can(r, PlanAction::ForceRemove, PlanStatus::Approved));
    EXPECT_FALSE(can(r, PlanAction::ManageAccounts, PlanStatus::Draft));
    const Status refused =
        PlanPermissions::check(r, PlanAction::Approve, PlanStatus::PendingApproval);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              u"Роль «заместитель директора» не позволяет утвердить план: это может директор."_s);
}

TEST(PlanPermissionsTest, DirectorApprovesReturnsRevises) {
    const Role r = Role::Director;
    EXPECT_TRUE(can(r, PlanAction::Approve, PlanStatus::PendingApproval));
    EXPECT_TRUE(can(r, PlanAction::Return, PlanStatus::PendingApproval));
    EXPECT_TRUE(can(r, PlanAction::Revise, PlanStatus::Approved));
    EXPECT_TRUE(can(r, PlanAction::EditText, PlanStatus::Draft));
    EXPECT_TRUE(can(r, PlanAction::MarkExecution, PlanStatus::Superseded));
    EXPECT_FALSE(can(r, PlanAction::ForceRemove, PlanStatus::Approved));
    EXPECT_FALSE(can(r, PlanAction::ManageAccounts, PlanStatus::Draft));
}

TEST(PlanPermissionsTest, AdministratorManagesAccountsAndRemovesApprovedPlansOnly) {
    const Role r = Role::Admin;
    EXPECT_TRUE(can(r, PlanAction::ManageAccounts, PlanStatus::Draft));
    EXPECT_TRUE(can(r, PlanAction::ForceRemove, PlanStatus::Approved));
    EXPECT_TRUE(can(r, PlanAction::ForceRemove, PlanStatus::Superseded));
    EXPECT_FALSE(can(r, PlanAction::EditText, PlanStatus::Draft));
    EXPECT_FALSE(can(r, PlanAction::Approve, PlanStatus::PendingApproval));
    EXPECT_FALSE(can(r, PlanAction::MarkExecution, PlanStatus::Approved));
    EXPECT_FALSE(can(r, PlanAction::Create, PlanStatus::Draft));
}

TEST(PlanPermissionsTest, MunicipalSpecialistRunsMunicipalPlansAndOnlyReadsSchools) {
    const Role r = Role::Municipal;
    EXPECT_TRUE(can(r, PlanAction::EditText, PlanStatus::Draft, Municipal));
    EXPECT_TRUE(can(r, PlanAction::Approve, PlanStatus::PendingApproval, Municipal));
    EXPECT_TRUE(can(r, PlanAction::Revise, PlanStatus::Approved, OrganizationKind::RegionalBody));
    EXPECT_FALSE(can(r, PlanAction::EditText, PlanStatus::Draft, School));
    EXPECT_FALSE(can(r, PlanAction::MarkExecution, PlanStatus::Approved, School));
    EXPECT_FALSE(can(r, PlanAction::Approve, PlanStatus::PendingApproval, School));
    const Status refused = PlanPermissions::check(r, PlanAction::EditText, PlanStatus::Draft);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(u"только читает"_s));
}

TEST(PlanPermissionsTest, StateRulesHoldForEveryRoleAndWithoutAccounts) {
    for (std::optional<Role> r : {std::optional<Role>(), std::optional<Role>(Role::Director)}) {
        EXPECT_TRUE(can(r, PlanAction::EditText, PlanStatus::Draft));
        EXPECT_FALSE(can(r, PlanAction::EditText, PlanStatus::PendingApproval));
        EXPECT_FALSE(can(r, PlanAction::EditText, PlanStatus::Approved));
        EXPECT_FALSE(can(r, PlanAction::EditText, PlanStatus::Superseded));
        EXPECT_TRUE(can(r, PlanAction::MarkExecution, PlanStatus::Approved));
        EXPECT_FALSE(can(r, PlanAction::Submit, PlanStatus::PendingApproval));
        EXPECT_FALSE(can(r, PlanAction::Approve, PlanStatus::Draft));
        EXPECT_FALSE(can(r, PlanAction::Approve, PlanStatus::Approved));
        EXPECT_FALSE(can(r, PlanAction::Return, PlanStatus::Draft));
        EXPECT_FALSE(can(r, PlanAction::Revise, PlanStatus::PendingApproval));
        EXPECT_FALSE(can(r, PlanAction::Remove, PlanStatus::Approved));
        EXPECT_TRUE(can(r, PlanAction::Remove, PlanStatus::PendingApproval));
    }
    // Without accounts the force removal needs no role.
    EXPECT_TRUE(can(std::nullopt, PlanAction::ForceRemove, PlanStatus::Approved));
    const Status approvedText =
        PlanPermissions::check(std::nullopt, PlanAction::EditText, PlanStatus::Approved);
    ASSERT_FALSE(approvedText);
    EXPECT_EQ(approvedText.error().message,
              u"Нельзя изменить текст плана: план утверждён: его текст закрыт для изменений, "
              "изменения вносятся в новую редакцию (отметки о выполнении ставить можно)."_s);
}

TEST(ApprovalWorkflowTest, DraftToPendingToApprovedToRevisionToSuperseded) {
    Plan plan;
    plan.id = 4;
    plan.approval.approverName = u"Н.С. Сазонова"_s;
    ASSERT_TRUE(ApprovalWorkflow::submit(plan));
    EXPECT_EQ(plan.status, PlanStatus::PendingApproval);
    EXPECT_FALSE(ApprovalWorkflow::submit(plan)); // not twice

    Approval order;
    order.orderNumber = u"149"_s;
    EXPECT_FALSE(ApprovalWorkflow::approve(plan, order)); // no date
    EXPECT_EQ(plan.status, PlanStatus::PendingApproval);
    order.orderDate = QDate(2022, 7, 1);
    ASSERT_TRUE(ApprovalWorkflow::approve(plan, order));
    EXPECT_EQ(plan.status, PlanStatus::Approved);
    EXPECT_EQ(plan.approval.orderNumber, u"149"_s);
    EXPECT_EQ(plan.approval.approverName, u"Н.С. Сазонова"_s); // kept

    auto revision = ApprovalWorkflow::revise(plan);
    ASSERT_TRUE(revision);
    EXPECT_EQ(revision->status, PlanStatus::Draft);
    EXPECT_EQ(revision->parentPlanId, 4);
    EXPECT_EQ(revision->revision, 2);

    ASSERT_TRUE(ApprovalWorkflow::supersede(plan));
    EXPECT_EQ(plan.status, PlanStatus::Superseded);
    EXPECT_EQ(Plan::statusDisplayName(plan.status), u"заменён"_s);
    EXPECT_EQ(Plan::statusCode(plan.status), u"archived"_s);
    EXPECT_FALSE(ApprovalWorkflow::revise(plan));
    EXPECT_FALSE(ApprovalWorkflow::supersede(plan));
}

TEST(ApprovalWorkflowTest, ReturnNeedsPendingAndAComment) {
    Plan plan;
    EXPECT_FALSE(ApprovalWorkflow::returnToDraft(plan, u"доработать сроки"_s)); // a draft
    plan.status = PlanStatus::PendingApproval;
    EXPECT_FALSE(ApprovalWorkflow::returnToDraft(plan, u"  "_s));
    EXPECT_EQ(plan.status, PlanStatus::PendingApproval);
    ASSERT_TRUE(ApprovalWorkflow::returnToDraft(plan, u"доработать сроки"_s));
    EXPECT_EQ(plan.status, PlanStatus::Draft);
}

TEST(ApprovalWorkflowTest, DocumentWithAnOrderIsApproved) {
    Approval a;
    a.approverName = u"В.Д. Мазепа"_s;
    EXPECT_EQ(ApprovalWorkflow::statusFromDocument(a), PlanStatus::Draft);
    a.orderNumber = u"149"_s;
    EXPECT_EQ(ApprovalWorkflow::statusFromDocument(a), PlanStatus::Approved);
}

// An imported approved document records an approval: only the approver's role stores it as
// «утверждён»; anyone else stores it «на утверждении» and is told who approves it.
TEST(PlanPermissionsTest, AnApprovedDocumentImportedByADeputyWaitsForTheDirector) {
    const auto approved = PlanStatus::Approved;
    EXPECT_EQ(ApprovalWorkflow::importStatus(Role::Deputy, approved, School),
              PlanStatus::PendingApproval);
    EXPECT_EQ(ApprovalWorkflow::importStatus(Role::Director, approved, School), approved);
    EXPECT_EQ(ApprovalWorkflow::importStatus(std::nullopt, approved, School), approved)
        << "a database without accounts: everyone is everyone";
    EXPECT_EQ(ApprovalWorkflow::importStatus(Role::Municipal, approved, Municipal), approved);
    EXPECT_EQ(ApprovalWorkflow::importStatus(Role::Deputy, PlanStatus::Draft, School),
              PlanStatus::Draft);
    const QString note = ApprovalWorkflow::importStatusNote(Role::Deputy, approved, School);
    EXPECT_TRUE(note.contains(u"«на утверждении»"_s)) << note.toStdString();
    EXPECT_TRUE(note.contains(u"директор"_s)) << note.toStdString();
    EXPECT_TRUE(ApprovalWorkflow::importStatusNote(Role::Director, approved, School).isEmpty());
    EXPECT_TRUE(PlanPermissions::allowed(Role::Director, PlanAction::ImportApproved,
                                         PlanStatus::Draft, School));
}
