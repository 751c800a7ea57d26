#include "objectivity/core/plan/Plan.h"

namespace objectivity::core {

int Plan::measureCount() const {
    int n = 0;
    for (const auto &s : sections)
        n += int(s.measures.size());
    return n;
}

QString Plan::statusCode(PlanStatus status) {
    switch (status) {
    case PlanStatus::Draft:
        return QStringLiteral("draft");
    case PlanStatus::PendingApproval:
        return QStringLiteral("pending");
    case PlanStatus::Approved:
        return QStringLiteral("approved");
    case PlanStatus::Superseded:
        return QStringLiteral("archived");
    }
    return QStringLiteral("draft");
}

PlanStatus Plan::statusFromCode(const QString &code) {
    for (auto s : {PlanStatus::Draft, PlanStatus::PendingApproval, PlanStatus::Approved,
                   PlanStatus::Superseded})
        if (statusCode(s) == code)
            return s;
    return PlanStatus::Draft;
}

QString Plan::statusDisplayName(PlanStatus status) {
    switch (status) {
    case PlanStatus::Draft:
        return QStringLiteral("черновик");
    case PlanStatus::PendingApproval:
        return QStringLiteral("на утверждении");
    case PlanStatus::Approved:
        return QStringLiteral("утверждён");
    case PlanStatus::Superseded:
        return QStringLiteral("заменён");
    }
    return {};
}

} // namespace objectivity::core
