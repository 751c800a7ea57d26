#pragma once

namespace objectivity::core {

// Student's t distribution.
class StudentT {
public:
    // The quantile for `df` degrees of freedom (taken as at least 1), by the Cornish–Fisher
    // expansion around the normal quantile (Abramowitz & Stegun 26.7.5, three terms). At p = 0.99:
    // 6.46 at df 2 (exact 6.96), 4.45 at 3 (4.54), 3.36 at 5 (3.36), 2.76 at 10 (2.76), 2.46 at 30
    // (2.46); at df 1 18.5 (31.8). Good to a few per cent from df 3 on.
    static double quantile(double p, int df);
};

} // namespace objectivity::core
