#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/RollupCopy.h"
#include "objectivity/storage/plan/DistributionOutcome.h"
#include "objectivity/storage/plan/DistributionScope.h"

#include <QHash>
#include <QList>

#include <optional>

namespace objectivity::storage {

class Database;

// Municipal plan → school plans («Разослать в планы школ»).
//
// The measures of a municipal (or regional) plan addressed to the schools (core::SchoolAddressees,
// or the user's override per measure) are copied into each school's current plan — its latest plan
// that is not superseded; a new draft «План мероприятий … (мероприятия управления образования)»
// when it has none — into a section of their own, «Мероприятия по плану управления образования»,
// each copy linked to its municipal measure (table plan_links). Distributing again adds only what
// is missing and brings the linked copies' text, deadline, owners and expected result up to date;
// it never touches the school's own measures nor any execution mark. A copy the school made in a
// new revision (same text in the department's section) is linked again rather than duplicated.
//
// The approval workflow: the department's section is the department's document, so it is
// written into the school's current plan in any state (draft, on approval, approved) as a logged
// change of the department — one history row per added or changed field, with the comment
// «рассылка плана управления образования №N»; the school marks execution there as on any measure.
// Who may: PlanAction::Distribute (специалист муниципалитета on a municipal or regional plan,
// администратор). The whole distribution is one transaction.
class PlanDistributor {
public:
    static QString sectionTitle(); // «Мероприятия по плану управления образования»

    explicit PlanDistributor(Database &db) : m_db(db) {}

    // Whose schools the plan goes to by default: its organization's municipality, else the one
    // its name or title names among the schools' municipalities; every school for a regional plan
    // or when all schools are of one municipality; undetermined (the municipalities listed) when
    // the schools are of several and the plan names none.
    core::Result<DistributionScope> scope(qint64 planId) const;
    // The schools the plan goes to by default (scope()), from the organizations of the plans and
    // the results registry, by name; an error naming the municipalities when undetermined.
    core::Result<QList<DistributionSchool>> schools(qint64 planId) const;
    // Every school of the database (to choose from when the scope is undetermined).
    core::Result<QList<DistributionSchool>> allSchools() const;
    // Chosen schools by login (results registry or organization code) or exact name; an unknown
    // one is an error naming it.
    core::Result<QList<DistributionSchool>> schools(qint64 planId, const QStringList &keys) const;

    // The measures of the plan addressed to the schools (override, else SchoolAddressees).
    core::Result<QList<core::Measure>> addressedMeasures(qint64 planId) const;
    // The user's override for one measure of a municipal plan: true/false, or nullopt to go back
    // to what the owners say. Needs PlanAction::Distribute on the plan.
    core::Status setAddressing(qint64 planId, const QString &measureNumber,
                               std::optional<bool> toSchools);

    core::Result<QList<DistributionOutcome>> distribute(qint64 planId,
                                                        const QList<DistributionSchool> &schools);

    // Every linked copy of the plan's measures in the schools' current plans (per school and
    // measure the copy in its latest plan), with the execution marks: the roll-up's input.
    core::Result<QList<core::RollupCopy>> copies(qint64 planId) const;

private:
    core::Result<QHash<qint64, bool>> overrides(qint64 planId) const;
    core::Result<DistributionOutcome> distributeTo(const core::Plan &municipal,
                                                   const QList<core::Measure> &addressed,
                                                   const DistributionSchool &school);

    Database &m_db;
};

} // namespace objectivity::storage
