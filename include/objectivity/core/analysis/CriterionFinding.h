#pragma once
#include "objectivity/core/analysis/CriterionKind.h"

#include <QString>
#include <QStringList>

#include <cmath>
#include <string>

namespace objectivity::core {

// A QString over one of the static codes below, without a copy: the hundreds of thousands of
// findings of a run share the literal instead of each allocating its own code and reason
// (docs/benchmarks.md, «memory of the report»).
inline QString staticCode(const char16_t *code) {
    return QString::fromRawData(reinterpret_cast<const QChar *>(code),
                                static_cast<qsizetype>(std::char_traits<char16_t>::length(code)));
}

// The stable codes of the criteria (JSON, the settings table, docs/methodology.md).
namespace criterion {
inline constexpr char16_t HighResults[] = u"high_results_unconfirmed";
inline constexpr char16_t DifficultyInversion[] = u"difficulty_inversion";
inline constexpr char16_t BoundaryBunching[] = u"boundary_bunching";
inline constexpr char16_t JournalLenient[] = u"journal_mismatch_lenient";
inline constexpr char16_t JournalInflated[] = u"journal_mismatch_inflated";
inline constexpr char16_t JournalStrict[] = u"journal_mismatch_strict";
inline constexpr char16_t JournalScatter[] = u"journal_mismatch_scatter";
inline constexpr char16_t CohortDrop[] = u"cohort_drop";
inline constexpr char16_t CohortUnconfirmed[] = u"cohort_unconfirmed";
inline constexpr char16_t GiaVsAnnual[] = u"gia_vs_annual";
inline constexpr char16_t MedalsUnsupported[] = u"medals_unsupported";
inline constexpr char16_t MarkScaleMismatch[] = u"mark_scale_mismatch";
inline constexpr char16_t PersonFit[] = u"person_fit";
} // namespace criterion

// Why a finding is (not) flagged: a stable code (JSON `reason`) and a Russian text.
namespace reason {
inline constexpr char16_t Flagged[] = u"flagged";                // признак
inline constexpr char16_t NotSignificant[] = u"not_significant"; // effect, q > α
inline constexpr char16_t BelowThreshold[] = u"effect_below_threshold";
inline constexpr char16_t TooFew[] = u"too_few_participants";       // unit below the minimum
inline constexpr char16_t GiaTooFew[] = u"gia_too_few";             // ГИА below the minimum
inline constexpr char16_t NoGia[] = u"no_gia";                      // no ГИА in the subject
inline constexpr char16_t Confirmed[] = u"confirmed";               // e.g. by the school's ГИА
inline constexpr char16_t NotApplicable[] = u"not_applicable";      // exempt, no data of the kind
inline constexpr char16_t ExplainedByWork[] = u"explained_by_work"; // the work itself is in doubt
} // namespace reason

// One criterion evaluated on one unit. pValue is NaN when the criterion did not apply; effect is
// true when the effect-size thresholds are met; flagged is decided after the Benjamini–Hochberg
// correction (effect && qValue <= α). Every criterion fills statistic/effectSize/threshold when it
// tested the unit and reason/reasonText when it did not; the engine fills the reason of the others
// after the correction (flagged, not significant, effect below the threshold).
struct CriterionFinding {
    QString code;
    QString label; // the part of the unit tested when a criterion gives several findings
                   // (boundary_bunching: «граница «3»»), empty otherwise
    double statistic = std::nan("");  // the test statistic (z, count), as the criterion defines
    double effectSize = std::nan(""); // the effect compared with `threshold` (criterion's unit)
    double threshold = std::nan("");
    double pValue = std::nan("");
    double qValue = std::nan("");
    // the test's weight in the weighted Benjamini–Hochberg correction (Genovese, Roeder, Wasserman
    // 2006): q is computed from p/w, the weights of a criterion's tests scaled to a mean of 1 over
    // the run; fixed before the data are seen (boundary_bunching: by the boundary), 1 elsewhere
    double weight = 1;
    // a part of a criterion whose tests differ in kind from its main ones is corrected apart, in
    // the family code + '|' + family (high_results_unconfirmed against the school's journal: its
    // many discoveries would make the correction of the ГИА comparison more lenient); empty: the
    // criterion's own family
    QString family;
    bool effect = false;
    bool flagged = false;
    QString explanation;      // Russian, quotes the numbers (written when effect is true)
    QStringList participants; // medals: the codes of the students concerned
    QString reason;           // reason:: code
    QString reasonText; // Russian («не значимо после поправки», «не проверялось: …»)

    CriterionKind kind() const { return criterionKind(code); }
    bool tested() const { return !std::isnan(pValue); }
    // The Benjamini–Hochberg family the finding is corrected in.
    QString correctionFamily() const {
        return family.isEmpty() ? code : code + QLatin1Char('|') + family;
    }
    // Marks the finding as not tested, with the reason.
    void skip(const char16_t *reasonCode, const QString &text) {
        reason = staticCode(reasonCode);
        reasonText = text;
    }
    // Tested, no effect: the effect size may pass its threshold while another condition of the
    // criterion fails, and `why` names it — «эффект ниже порога: <why>», after the label if any.
    void belowThreshold(const QString &why);
    // Fills reason/reasonText from flagged/effect/q (after the correction) unless already set;
    // the text starts with the label when there is one («граница «3»: признак»).
    void explainOutcome(double alpha);
};

} // namespace objectivity::core
