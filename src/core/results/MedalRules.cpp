#include "objectivity/core/results/MedalRules.h"

namespace objectivity::core {

bool MedalRules::egeSupports(int year, Medal medal, int russianScore, const QList<Score> &others) {
    if (medal == Medal::None)
        return true;
    if (year >= 2024) {
        const int need = medal == Medal::Gold ? 70 : 60;
        if (russianScore < need)
            return false;
        for (const Score &s : others) {
            if (s.testScore >= need)
                return true;
        }
        return false;
    }
    if (medal == Medal::Silver || russianScore < 70)
        return false;
    for (const Score &s : others) {
        if (s.testScore < s.minimum)
            return false;
    }
    return true;
}

} // namespace objectivity::core
