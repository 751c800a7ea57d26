#pragma once

namespace objectivity::core {

// The outcome of a one-sided significance test: the statistic (z, U, ...) and its p-value.
// valid = false when the data cannot support the test (empty groups, zero variance ...); then
// pValue is 1.
struct TestResult {
    double statistic = 0;
    double pValue = 1;
    bool valid = false;
};

} // namespace objectivity::core
