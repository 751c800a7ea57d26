#pragma once
#include "objectivity/core/common/AcademicPeriod.h"
#include "objectivity/core/common/Organization.h"
#include "objectivity/core/plan/Approval.h"
#include "objectivity/core/plan/PlanColumn.h"
#include "objectivity/core/plan/Section.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace objectivity::core {

// Superseded («заменён»): an approved plan replaced by a newer approved revision; stored as
// "archived" (the code the schema already allowed).
enum class PlanStatus { Draft, PendingApproval, Approved, Superseded };

// The plan of measures to ensure objective assessment, as one document.
struct Plan {
    qint64 id = 0;
    QString title;
    Organization organization;
    AcademicPeriod period;
    PlanStatus status = PlanStatus::Draft;
    Approval approval;
    QList<PlanColumn> columns = PlanColumn::defaultColumns();
    QList<Section> sections;
    QStringList warnings;    // what the importer reported, kept with the plan
    QString note;            // text from the source document that belongs to no section or measure
    qint64 parentPlanId = 0; // the approved plan this revision was copied from, 0 for none
    int revision = 1;
    QString sourceFile; // the document it was imported from, if any
    QDateTime createdAt;
    QDateTime updatedAt;
    // plans.version as loaded (1 for a new plan, +1 with every stored change): a save carrying an
    // older version is refused (optimistic locking); 0 for a plan that did not come from the
    // database (no check).
    int version = 0;

    int measureCount() const;
    // Only a draft's text may change; a plan on approval, approved or superseded takes execution
    // marks only (see PlanPermissions).
    bool isReadOnly() const { return status != PlanStatus::Draft; }

    static QString
    statusCode(PlanStatus status); // "draft", "pending", "approved", "archived" (Superseded)
    static PlanStatus statusFromCode(const QString &code);
    static QString statusDisplayName(PlanStatus status); // «черновик», «на утверждении», ...

    friend bool operator==(const Plan &, const Plan &) = default;
};

} // namespace objectivity::core
