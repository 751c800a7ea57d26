#pragma once
#include <QString>

namespace objectivity::core {

// Numbers in the Russian texts the user reads (explanations of the analysis): a decimal comma,
// as in Russian documents («74,1 %»), whatever the system locale.
class NumberText {
public:
    // Fixed-point with `decimals` digits after the comma: fixed(74.06, 1) == "74,1".
    static QString fixed(double value, int decimals);
};

} // namespace objectivity::core
