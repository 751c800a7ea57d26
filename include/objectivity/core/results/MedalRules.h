#pragma once
#include "objectivity/core/results/ParticipantResult.h"

#include <QList>

namespace objectivity::core {

// The ЕГЭ conditions of the medal «За особые успехи в учении» (shared/reference/medal_rules.tsv):
// from 2024 gold needs at least 70 in Русский язык and 70 in one other ЕГЭ subject, silver 60 and
// 60; 2021–2023 one medal: 70 in Русский язык and the minimum in every subject taken.
class MedalRules {
public:
    struct Score {
        int testScore = 0;
        int minimum = 0; // the subject's minimum test score for the certificate
    };
    // Whether the student's ЕГЭ scores support `medal` in `year`.
    static bool egeSupports(int year, Medal medal, int russianScore, const QList<Score> &others);
    // Whether the year awards silver medals at all (from 2024).
    static bool hasSilver(int year) { return year >= 2024; }
};

} // namespace objectivity::core
