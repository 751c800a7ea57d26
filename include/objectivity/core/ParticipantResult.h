#pragma once
#include <QList>
#include <QString>

#include <cstdint>

namespace objectivity::core {

enum class Medal { None, Gold, Silver };
// Which period a journal mark is for.
enum class JournalPeriod { Unknown, Quarter, HalfYear, Year };

// One participant's result in one procedure. Compact on purpose: a region has a million of these.
struct ParticipantResult {
    static constexpr std::int8_t kNotAttempted = -1; // ФИС ОКО writes X, Х, «-» or «—»

    qint64 schoolId = 0;
    qint64 procedureId = 0;
    QString className;       // «5А»
    QString participantCode; // anonymous code
    int variant = 0;
    QList<std::int8_t> taskPoints; // kNotAttempted distinct from 0
    double primaryScore = 0;
    int mark = 0;       // 2..5, 0 when none (ЕГЭ has test scores instead)
    int testScore = -1; // ЕГЭ test score, -1 when none
    int journalMark = 0; // the teacher's mark, 0 when none
    JournalPeriod journalPeriod = JournalPeriod::Unknown;
    int annualMark = 0; // годовая отметка (ОГЭ/ЕГЭ), 0 when none
    Medal medal = Medal::None;

    friend bool operator==(const ParticipantResult &, const ParticipantResult &) = default;
};

} // namespace objectivity::core
