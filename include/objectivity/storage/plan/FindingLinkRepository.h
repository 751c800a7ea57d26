#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/MeasureProposal.h"
#include "objectivity/core/plan/MeasureTemplate.h"
#include "objectivity/core/plan/Plan.h"

#include <QHash>
#include <QList>

namespace objectivity::storage {

class Database;

// A plan's measure that answers a finding of the analysis (the finding shows its measures).
struct LinkedMeasure {
    qint64 planId = 0;
    qint64 measureId = 0;
    QString number;
    QString text;
};

// From a sign to the plan (008_finding_measures.sql): the editable templates of measures and the
// links measure ↔ finding. Every call that writes is one transaction.
class FindingLinkRepository {
public:
    explicit FindingLinkRepository(Database &db) : m_db(db) {}

    // The templates, by criterion and position. The first call on a writable database stores the
    // built-in ones (MeasureTemplate::defaults()); a read-only one, or a role that may not edit
    // them, gets them unstored.
    core::Result<QList<core::MeasureTemplate>> templates();
    // Replaces every template with these (the «Справочники» table); ids are written back.
    // Refused (mayEditTemplates) for a school's account on a department's server.
    core::Status saveTemplates(QList<core::MeasureTemplate> &templates);
    // On a department's server the templates are shared by its schools and kept by the
    // department: its specialist, its administrator or the database's owner edit them, a school's
    // deputy or director uses them (the server's grants say the same). A file: everyone.
    core::Status mayEditTemplates() const;

    // Adds the proposals to the plan, skipping those the plan already has (the same finding and
    // template), into section `sectionIndex`, or a new last section titled `newSectionTitle` when
    // sectionIndex < 0 (an existing section of that title is used instead). One transaction: the
    // plan and the links land together. Refuses an approved or archived plan. `plan` becomes the
    // stored plan; returns the measures added (with their ids and numbers).
    core::Result<QList<core::MeasureProposal>>
    addToPlan(core::Plan &plan, int sectionIndex, const QString &newSectionTitle,
              const QList<core::MeasureProposal> &proposals);

    // Links one measure (already stored) to a finding: the GUI's undoable path.
    core::Status link(qint64 measureId, const core::FindingRef &finding, qint64 templateId);
    // Whether the plan already has a measure made from `templateId` for `finding`.
    core::Result<bool> planHas(qint64 planId, const core::FindingRef &finding,
                               qint64 templateId) const;
    // The findings each measure of the plan answers (measure id → findings).
    core::Result<QHash<qint64, QList<core::FindingRef>>> findingsOfPlan(qint64 planId) const;
    // The findings one measure answers.
    core::Result<QList<core::FindingRef>> findingsOfMeasure(qint64 measureId) const;
    // The measures of every plan that answer the finding.
    core::Result<QList<LinkedMeasure>> measuresOf(const core::FindingRef &finding) const;

private:
    core::Result<QHash<qint64, QList<core::FindingRef>>> findings(const QString &where,
                                                                  qint64 id) const;
    core::Status insertLink(qint64 measureId, const core::FindingRef &finding, qint64 templateId);
    Database &m_db;
};

} // namespace objectivity::storage
