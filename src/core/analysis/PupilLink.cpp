#include "objectivity/core/analysis/PupilLink.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

double correlationOf(double ssA, double ssB, double sAB) {
    const double denom = std::sqrt(ssA * ssB);
    return denom > 0 ? sAB / denom : std::nan("");
}

// the sum of squares of ka·za − kb·zb from those of za, zb and their products
double weightedSquares(double ka, double kb, double ssA, double ssB, double sAB) {
    return ka * ka * ssA + kb * kb * ssB - 2 * ka * kb * sAB;
}

} // namespace

PupilLink::Sample PupilLink::match(const AnalysisDataset::Unit &a, Standard sa,
                                   const AnalysisDataset::Unit &b, Standard sb) {
    Sample s;
    if (!(sa.sd > 0) || !(sb.sd > 0))
        return s;
    // two passes over the sorted codes: the means, then the centred sums
    double sumA = 0, sumB = 0;
    auto forMatched = [&](auto &&visit) {
        std::size_t i = 0, j = 0;
        while (i < a.pupils.size() && j < b.pupils.size()) {
            if (a.pupils[i].code < b.pupils[j].code) {
                ++i;
            } else if (b.pupils[j].code < a.pupils[i].code) {
                ++j;
            } else {
                visit((a.pupils[i].primary - sa.mean) / sa.sd,
                      (b.pupils[j].primary - sb.mean) / sb.sd);
                ++i;
                ++j;
            }
        }
    };
    forMatched([&](double za, double zb) {
        ++s.n;
        sumA += za;
        sumB += zb;
    });
    if (s.n == 0)
        return s;
    s.meanA = sumA / s.n;
    s.meanB = sumB / s.n;
    forMatched([&](double za, double zb) {
        const double da = za - s.meanA, db = zb - s.meanB;
        s.ssA += da * da;
        s.ssB += db * db;
        s.sAB += da * db;
    });
    return s;
}

void PupilLink::add(const Sample &s) {
    if (s.n <= 0)
        return;
    m_n += s.n;
    m_sumA += s.n * s.meanA;
    m_sumB += s.n * s.meanB;
    m_ssA += s.ssA;
    m_ssB += s.ssB;
    m_sAB += s.sAB;
    m_df += s.n - 1;
}

double PupilLink::correlation(const Sample &s) {
    return correlationOf(s.ssA, s.ssB, s.sAB);
}

double PupilLink::correlation() const {
    return correlationOf(m_ssA, m_ssB, m_sAB);
}

bool PupilLink::valid() const {
    const double r = correlation();
    return m_n >= kMinPupils && m_df > 0 && !std::isnan(r) && r >= kMinCorrelation;
}

PupilLink::Difference PupilLink::difference(const Sample &s, double ka, double kb) const {
    Difference d;
    if (s.n < 2 || !(m_df > 0) || !(m_n > 0))
        return d;
    const double pooled = weightedSquares(ka, kb, m_ssA, m_ssB, m_sAB) / m_df;
    if (!(pooled > 0))
        return d;
    // the school's own spread when larger: its codes may link other pupils than the region's do
    const double own = weightedSquares(ka, kb, s.ssA, s.ssB, s.sAB) / (s.n - 1);
    const double regionMean = (ka * m_sumA - kb * m_sumB) / m_n;
    d.valid = true;
    d.value = ka * s.meanA - kb * s.meanB - regionMean;
    d.standardError = std::sqrt(std::max(pooled, own) / s.n + pooled / m_n);
    return d;
}

} // namespace objectivity::core
