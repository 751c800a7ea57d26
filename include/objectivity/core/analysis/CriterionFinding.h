#pragma once
#include <QString>
#include <QStringList>

#include <cmath>

namespace objectivity::core {

// The stable codes of the criteria (JSON, the settings table, docs/methodology.md).
namespace criterion {
inline constexpr char16_t HighResults[] = u"high_results_unconfirmed";
inline constexpr char16_t DifficultyInversion[] = u"difficulty_inversion";
inline constexpr char16_t BoundaryBunching[] = u"boundary_bunching";
inline constexpr char16_t JournalLenient[] = u"journal_mismatch_lenient";
inline constexpr char16_t JournalInflated[] = u"journal_mismatch_inflated";
inline constexpr char16_t CohortDrop[] = u"cohort_drop";
inline constexpr char16_t GiaVsAnnual[] = u"gia_vs_annual";
inline constexpr char16_t MedalsUnsupported[] = u"medals_unsupported";
} // namespace criterion

// One criterion evaluated on one unit. pValue is NaN when the criterion did not apply; effect is
// true when the effect-size thresholds are met; flagged is decided after the Benjamini–Hochberg
// correction (effect && qValue <= α).
struct CriterionFinding {
    QString code;
    double pValue = std::nan("");
    double qValue = std::nan("");
    bool effect = false;
    bool flagged = false;
    QString explanation;      // Russian, quotes the numbers (written when effect is true)
    QStringList participants; // medals: the codes of the students concerned

    bool tested() const { return !std::isnan(pValue); }
};

} // namespace objectivity::core
