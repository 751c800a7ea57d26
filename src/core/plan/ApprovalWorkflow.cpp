#include "objectivity/core/plan/ApprovalWorkflow.h"

#include "objectivity/core/plan/PlanOperations.h"
#include "objectivity/core/plan/PlanPermissions.h"

namespace objectivity::core {

namespace {

Status refused(PlanAction action, PlanStatus status) {
    const QString why = PlanPermissions::stateRefusal(action, status);
    if (why.isEmpty())
        return {};
    Error e;
    e.message = QStringLiteral("Нельзя %1: %2.").arg(PlanActions::displayName(action), why);
    return e;
}

Error invalid(const QString &message) {
    Error e;
    e.message = message;
    return e;
}

} // namespace

Status ApprovalWorkflow::submit(Plan &plan) {
    if (Status s = refused(PlanAction::Submit, plan.status); !s)
        return s;
    plan.status = PlanStatus::PendingApproval;
    return {};
}

Status ApprovalWorkflow::approve(Plan &plan, const Approval &approval) {
    if (Status s = refused(PlanAction::Approve, plan.status); !s)
        return s;
    if (approval.orderNumber.trimmed().isEmpty())
        return invalid(QStringLiteral("Укажите номер приказа об утверждении плана."));
    if (!approval.orderDate.isValid())
        return invalid(QStringLiteral("Укажите дату приказа об утверждении плана."));
    Approval a = plan.approval;
    a.orderNumber = approval.orderNumber.trimmed();
    a.orderDate = approval.orderDate;
    if (!approval.approverName.trimmed().isEmpty())
        a.approverName = approval.approverName.trimmed();
    if (!approval.approverPosition.trimmed().isEmpty())
        a.approverPosition = approval.approverPosition.trimmed();
    if (!approval.appendixLine.isEmpty())
        a.appendixLine = approval.appendixLine;
    plan.approval = a;
    plan.status = PlanStatus::Approved;
    return {};
}

Status ApprovalWorkflow::returnToDraft(Plan &plan, const QString &comment) {
    if (Status s = refused(PlanAction::Return, plan.status); !s)
        return s;
    if (comment.trimmed().isEmpty())
        return invalid(QStringLiteral("Укажите, что нужно доработать: комментарий обязателен."));
    plan.status = PlanStatus::Draft;
    return {};
}

Result<Plan> ApprovalWorkflow::revise(const Plan &approved) {
    if (Status s = refused(PlanAction::Revise, approved.status); !s)
        return s.error();
    return PlanOperations::makeRevision(approved);
}

Status ApprovalWorkflow::supersede(Plan &plan) {
    if (plan.status != PlanStatus::Approved)
        return invalid(QStringLiteral("Заменить можно только утверждённую редакцию, а план — «%1».")
                           .arg(Plan::statusDisplayName(plan.status)));
    plan.status = PlanStatus::Superseded;
    return {};
}

QString ApprovalWorkflow::orderDateRemark(const QDate &orderDate, const AcademicPeriod &period,
                                          const QDate &today) {
    if (!orderDate.isValid())
        return {};
    const auto day = [](const QDate &d) { return d.toString(QStringLiteral("dd.MM.yyyy")); };
    const QString years =
        period.toDisplayString() + (period.yearCount() == 1 ? QStringLiteral(" учебный год")
                                                            : QStringLiteral(" учебные годы"));
    if (today.isValid() && orderDate > today)
        return QStringLiteral("Дата приказа ещё не наступила (сегодня %1): проверьте дату.")
            .arg(day(today));
    if (!period.isValid())
        return {};
    if (orderDate > period.end())
        return QStringLiteral("Приказ датирован позже окончания периода плана (%1, по %2): план "
                              "утверждают до начала периода или в его начале — "
                              "проверьте год.")
            .arg(years, day(period.end()));
    if (orderDate < period.start().addYears(-1))
        return QStringLiteral("Приказ датирован больше чем за год до начала периода плана (%1, "
                              "с %2): проверьте год.")
            .arg(years, day(period.start()));
    return {};
}

PlanStatus ApprovalWorkflow::statusFromDocument(const Approval &approval) {
    return !approval.orderNumber.trimmed().isEmpty() || approval.orderDate.isValid()
               ? PlanStatus::Approved
               : PlanStatus::Draft;
}

PlanStatus ApprovalWorkflow::importStatus(std::optional<Role> role, PlanStatus wanted,
                                          OrganizationKind organization) {
    if (wanted == PlanStatus::Approved &&
        !PlanPermissions::check(role, PlanAction::ImportApproved, PlanStatus::Draft, organization))
        return PlanStatus::PendingApproval;
    return wanted;
}

QString ApprovalWorkflow::importStatusNote(std::optional<Role> role, PlanStatus wanted,
                                           OrganizationKind organization) {
    if (importStatus(role, wanted, organization) == wanted || !role)
        return {};
    return QStringLiteral("Документ утверждён, но роль «%1» не утверждает планы: план сохраняется "
                          "«%2» с номером и датой приказа из документа. Утвердит его %3 "
                          "(«План → Утвердить…»).")
        .arg(Roles::displayName(*role), Plan::statusDisplayName(PlanStatus::PendingApproval),
             organization == OrganizationKind::School ? QStringLiteral("директор")
                                                      : QStringLiteral("специалист управления"));
}

} // namespace objectivity::core
