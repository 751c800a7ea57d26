#pragma once

#include <vector>

namespace objectivity::core {

// The share of graduates with an annual «4» or «5» whose ГИА does not support it
// (gia_vs_annual) that an honest school of a given level of ГИА results has. Annual marks carry
// the noise of a year of teachers' judgement: among a weak school's «4» and «5» more were earned
// with a margin of that noise than among a strong school's, so more of them are not confirmed by
// the ГИА, honestly. The region's share is the expectation of an average school only.
//
// The line logit(share) = a + b·position is fitted by least squares, weighted by the graduates, on
// the pooled shares (k + 0.5)/(n + 1) of five groups of the schools by position (a fifth of the
// schools each): one far-off school moves only its group's pooled share. A school's expected
// share is the line at its position held within the groups' mean positions (no extrapolation past
// the weakest and the strongest group). With fewer than kMinSchools schools the expectation is the
// region's share at every position.
class GiaAnnualLevel {
public:
    static constexpr int kMinSchools = 30;
    static constexpr int kGroups = 5;

    struct School {
        double position = 0; // standardised position of the school's ГИА result
        int base = 0;        // graduates with an annual «4»/«5»
        int discordant = 0;  // of them, the ГИА does not support the annual mark
    };

    static GiaAnnualLevel fit(const std::vector<School> &schools, double regionShare);

    // The expected share at this position (the region's share when not fitted, or at NaN).
    double expected(double position) const;
    bool fitted() const { return m_fitted; }
    double slope() const { return m_b; } // of the logit per standard deviation of position

private:
    double m_a = 0, m_b = 0;
    double m_low = 0, m_high = 0;
    double m_flat = 0;
    bool m_fitted = false;
};

} // namespace objectivity::core
