#pragma once
#include <QString>

namespace objectivity::core {

// Numbers in the Russian texts the user reads (explanations of the analysis): a decimal comma,
// as in Russian documents («74,1 %»), whatever the system locale.
class NumberText {
public:
    // Fixed-point with `decimals` digits after the comma: fixed(74.06, 1) == "74,1"; a negative
    // value with the minus sign (U+2212), fixed(-0.54, 2) == "−0,54"; no sign on a value that
    // rounds to zero, fixed(-0.001, 2) == "0,00".
    static QString fixed(double value, int decimals);
    // A whole number with its thousands apart (a no-break space), as Russian documents write it:
    // grouped(65696) == "65 696".
    static QString grouped(qint64 n);
    // A count with its noun in the Russian plural form the number takes, the number grouped:
    // counted(21, u"балл", u"балла", u"баллов") == "21 балл", 3 → "3 балла", 12 → "12 баллов",
    // 1231 → "1 231 балл".
    static QString counted(qint64 n, const char16_t *one, const char16_t *few,
                           const char16_t *many);
};

} // namespace objectivity::core
