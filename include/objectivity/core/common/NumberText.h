#pragma once
#include <QString>

namespace objectivity::core {

// Numbers in the Russian texts the user reads (explanations of the analysis): a decimal comma,
// as in Russian documents («74,1 %»), whatever the system locale.
class NumberText {
public:
    // Fixed-point with `decimals` digits after the comma: fixed(74.06, 1) == "74,1".
    static QString fixed(double value, int decimals);
    // A count with its noun in the Russian plural form the number takes:
    // counted(21, u"балл", u"балла", u"баллов") == "21 балл", 3 → "3 балла", 12 → "12 баллов".
    static QString counted(int n, const char16_t *one, const char16_t *few, const char16_t *many);
};

} // namespace objectivity::core
