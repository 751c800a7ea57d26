#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/ProcedureKind.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::storage {

class Database;

// A school's standardised position in every procedure it took part in (read-only, for the unit
// card): (school mean − mean of the other schools) / their standard deviation — of the ЕГЭ test
// score where there is one, else of the primary score, as core::AnalysisEngine computes
// UnitReport::position. One aggregate query over the participants of those procedures.
struct SchoolPosition {
    int year = 0;
    core::ProcedureKind kind = core::ProcedureKind::VPR;
    int grade = 0;
    QString subject;
    int n = 0; // the school's participants
    double position = 0;
};

class SchoolPositionQuery {
public:
    explicit SchoolPositionQuery(Database &db) : m_db(db) {}

    // Ordered by year, procedure, grade, subject; empty for an unknown school. Procedures in
    // `known` (e.g. the units of an analysis report, whose positions the engine computed) are
    // taken as they are and not read: the aggregate is a scan of every participant of the
    // procedures left (about 2.5 s for a school's 60 procedures among 1.2 million rows).
    core::Result<QList<SchoolPosition>> read(const QString &schoolCode,
                                             const QList<SchoolPosition> &known = {}) const;

private:
    // The positions in the procedures `procedureIds`.
    core::Result<QList<SchoolPosition>> computed(qint64 schoolId,
                                                 const QStringList &procedureIds) const;

    Database &m_db;
};

} // namespace objectivity::storage
