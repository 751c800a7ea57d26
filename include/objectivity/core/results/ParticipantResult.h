#pragma once
#include <QList>
#include <QString>

#include <cstdint>

namespace objectivity::core {

// Stored in the database as the enum's integer value (participants.medal,
// participants.journal_period).
enum class Medal { None, Gold, Silver };
// Which period a journal mark is for.
enum class JournalPeriod { Unknown, Quarter, HalfYear, Year };

// «золото», «серебро», "" — as written in the flat results file.
QString medalCode(Medal medal);
// Accepts «золото»/«золотая»/«I степени»/«1», «серебро»/«серебряная»/«II степени»/«2»; a medal
// without its degree («да», «есть», «+», «медаль», «За особые успехи в учении») is the only medal
// before 2024 (Gold) and is judged by the silver conditions from 2024 (MedalRules); empty, «нет»,
// «-», «0» → None. Returns false when the text is none of these.
bool medalFromText(const QString &text, int year, Medal *medal);
// «четверть», «полугодие», «год», "".
QString journalPeriodCode(JournalPeriod period);
// Accepts the codes and «триместр» (→ Quarter), «годовая» (→ Year); false for other text.
bool journalPeriodFromText(const QString &text, JournalPeriod *period);

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
    int mark = 0;        // 2..5, 0 when none (ЕГЭ has test scores instead)
    int testScore = -1;  // ЕГЭ test score, -1 when none
    int journalMark = 0; // the teacher's mark, 0 when none
    JournalPeriod journalPeriod = JournalPeriod::Unknown;
    int annualMark = 0; // годовая отметка (ОГЭ/ЕГЭ), 0 when none
    Medal medal = Medal::None;

    friend bool operator==(const ParticipantResult &, const ParticipantResult &) = default;
};

} // namespace objectivity::core
