#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/ProcedureKind.h"

#include <QList>
#include <QString>

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

    // Ordered by year, procedure, grade, subject; empty for an unknown school.
    core::Result<QList<SchoolPosition>> read(const QString &schoolCode) const;

private:
    Database &m_db;
};

} // namespace objectivity::storage
