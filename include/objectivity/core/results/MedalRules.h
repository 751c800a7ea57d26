#pragma once
#include "objectivity/core/results/ParticipantResult.h"

#include <QList>
#include <QString>

namespace objectivity::core {

// The ЕГЭ conditions of the medal «За особые успехи в учении» (shared/reference/medal_rules.tsv):
// from 2024 gold needs at least 70 in Русский язык and 70 in one other ЕГЭ subject, silver 60 and
// 60, or «5» in Математика (база) when the graduate sat only Русский язык and Математика (база)
// (приказ Минпросвещения России от 29.09.2023 № 730); 2021–2023 one medal: 70 in Русский язык
// and the minimum in every subject taken (for Математика (база) the mark «3»).
class MedalRules {
public:
    struct Score {
        int testScore = 0;
        int minimum = 0; // the subject's minimum test score for the certificate
        QString subject; // for the explanation («Обществознание»)
    };
    // The verdict on one medallist: supported, or the rule broken in Russian
    // («русский язык 62 балла при пороге 70 для золотой медали 2024 г.»). missingExam: the rule
    // needs an ЕГЭ result that is not in the data (Русский язык, or from 2024 any other subject).
    struct Check {
        bool supported = true;
        bool missingExam = false;
        QString reason;
    };
    // russianScore < 0: no Русский язык result. `others`: the subjects with a test score;
    // basicMathMark: the mark 2–5 of Математика (база), which has no test score (0: not taken).
    static Check check(int year, Medal medal, int russianScore, const QList<Score> &others,
                       int basicMathMark = 0);
    // Whether the student's ЕГЭ scores support `medal` in `year`.
    static bool egeSupports(int year, Medal medal, int russianScore, const QList<Score> &others,
                            int basicMathMark = 0) {
        return check(year, medal, russianScore, others, basicMathMark).supported;
    }
    // The test score the rule asks of Русский язык for `medal` in `year` (70 for gold, 60 for
    // silver from 2024; 70 before).
    static int russianThreshold(int year, Medal medal) {
        return year >= 2024 && medal == Medal::Silver ? 60 : 70;
    }
    // The test score asked of the best other subject (70 / 60 from 2024); 0 before 2024, when
    // each other subject needs only its own minimum (Score::minimum).
    static int otherThreshold(int year, Medal medal) {
        return year >= 2024 ? russianThreshold(year, medal) : 0;
    }
    // Whether the year awards silver medals at all (from 2024).
    static bool hasSilver(int year) { return year >= 2024; }
};

} // namespace objectivity::core
