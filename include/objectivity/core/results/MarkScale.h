#pragma once
#include "objectivity/core/results/ProcedureKind.h"

#include <QList>
#include <QString>

namespace objectivity::core {

// Primary score → mark (ВПР, ОГЭ) or → test score (ЕГЭ), for one year, procedure, grade and
// subject. Scales change almost every year; they are data, editable by the user, stored in the
// database.
struct MarkScale {
    qint64 id = 0;
    ProcedureKind kind = ProcedureKind::VPR;
    int year = 0; // 0 = any year (a scale whose year the source does not state)
    int grade = 0;
    QString subject;
    int maxPrimary = 0;
    int minFor3 = 0; // lowest primary score for «3», «4», «5» (ВПР, ОГЭ)
    int minFor4 = 0;
    int minFor5 = 0;
    QString extraCondition; // e.g. ОГЭ математика: «не менее 2 баллов за задания по геометрии»
    QList<int> testScores; // ЕГЭ: test score for primary 0..maxPrimary (empty for ВПР/ОГЭ)
    int minTestScore = 0;  // ЕГЭ: minimum test score for the certificate
    QString source;
    // Where the row comes from: shipped with the program (resources/scales, migration 012) or
    // added/changed by the user. Official rows are updated by later versions; user rows never.
    enum class Origin { Official, User };
    Origin origin = Origin::User;

    // «официальная» / «изменена пользователем»
    static QString originTitle(Origin origin) {
        return origin == Origin::Official ? QStringLiteral("официальная")
                                          : QStringLiteral("изменена пользователем");
    }
    static QString originCode(Origin origin) {
        return origin == Origin::Official ? QStringLiteral("official") : QStringLiteral("user");
    }

    // Mark 2..5 for a primary score (ВПР, ОГЭ), 0 when the scale cannot tell: not a mark scale, or
    // only the pass boundary (minFor3) is known and the score is at or above it.
    int markFor(int primary) const {
        if (minFor3 <= 0)
            return 0;
        if (primary < minFor3)
            return 2;
        if (minFor4 <= 0 || minFor5 <= 0)
            return 0;
        if (primary >= minFor5)
            return 5;
        if (primary >= minFor4)
            return 4;
        return 3;
    }
    // True when a mark from a file agrees with this scale (unknown parts of the scale agree with
    // all).
    bool agrees(int primary, int mark) const {
        if (minFor3 <= 0 || mark < 2 || mark > 5)
            return true;
        if (primary < minFor3)
            return mark == 2;
        if (mark == 2)
            return false;
        const int expected = markFor(primary);
        return expected == 0 || expected == mark;
    }
    // ЕГЭ test score for a primary score, -1 when the scale has no table for it.
    int testScoreFor(int primary) const {
        return primary >= 0 && primary < testScores.size() ? testScores.at(primary) : -1;
    }
    bool isMarkScale() const { return minFor3 > 0; }
    // The primary scores at which the mark changes (for the boundary-bunching criterion).
    QList<int> boundaries() const { return {minFor3, minFor4, minFor5}; }

    friend bool operator==(const MarkScale &, const MarkScale &) = default;
};

} // namespace objectivity::core
