#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/MedalRules.h"
#include "objectivity/core/results/ParticipantResult.h"

#include <QList>
#include <QString>

namespace objectivity::storage {

class Database;

// The ЕГЭ scores of a school's medallists in one year (read-only, for the unit card), gathered as
// the medal criterion gathers them: Русский язык apart, the other subjects with their minimum
// test score (from the mark scale), Математика (база) by its mark (it has no test score).
struct MedallistScores {
    QString code;
    core::Medal medal = core::Medal::None; // before 2024 every medal is Gold (one medal)
    int russian = -1;                      // -1: no Русский язык result
    QList<core::MedalRules::Score> others;
    int basicMath = 0; // the mark of Математика (база), 0: not taken

    // The best of the other subjects, nullptr when there is none.
    const core::MedalRules::Score *bestOther() const;
};

class MedallistScoresQuery {
public:
    explicit MedallistScoresQuery(Database &db) : m_db(db) {}

    // Ordered by participant code.
    core::Result<QList<MedallistScores>> read(const QString &schoolCode, int year) const;

private:
    Database &m_db;
};

} // namespace objectivity::storage
