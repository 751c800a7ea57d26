#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/CriterionInput.h"

#include <QHash>

#include <vector>

namespace objectivity::core {

// The school's own ГИА level for high_results_unconfirmed: each ОГЭ/ЕГЭ unit of a school in a
// compulsory subject (Русский язык, Математика — chosen subjects, e.g. Математика (профиль), say
// more about who chose them than about the school) as a standardised position against the rest of
// the region with its standard error. For a ВПР unit (grade g, year Y): ОГЭ for g ≤ 8, ЕГЭ for
// g ≥ 9; the same cohort when the data has it (ОГЭ in Y + 9 − g), else the school's units of the
// years Y−k…Y+k pooled by participants.
// Different tests spread schools differently (a less reliable or shorter test shrinks every
// position towards 0), so positions are compared in units of the procedure's spread between
// schools: τ² = var(Pᵢ) − mean(SEᵢ²) over the schools with at least minUnit participants (τ = 1
// when it cannot be estimated).
class GiaEvidenceIndex {
public:
    // totals: every procedure's sum over all schools (the engine's region totals).
    GiaEvidenceIndex(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                     int minUnit);

    // The school's ГИА for a ВПР unit of procedure vprProcedure; position and standardError in
    // units of the ГИА procedures' spread, vprSpread that of the ВПР procedure.
    GiaEvidence find(const QString &schoolCode, int vprProcedure, int window) const;
    // τ of a procedure (1 when unknown)
    double spread(int procedure) const;
    // The procedure's within-school SD pooled over its schools of at least minUnit participants
    // (√(Σ(nᵢ − 1)sᵢ²/Σ(nᵢ − 1))) as a share of the SD of all its works; 0 when unknown.
    double within(int procedure) const;

    // Position and its standard error of a unit against its reference:
    // P = (x̄ₛ − x̄ᵣ)/sᵣ, SE = √(sₛ²/nₛ + sᵣ²/nᵣ)/sᵣ (test scores for ЕГЭ, % of the maximum
    // otherwise).
    static std::pair<double, double> position(const UnitMetrics &unit, const UnitMetrics &region);
    // The same for the ВПР position that high_results_unconfirmed tests, with the school's SD in
    // SE at least `within` times the region's (GiaEvidence::vprWithin): a school's own SD is an
    // estimate of a few dozen works, and near the top of the scale it is compressed — a strong
    // school's 92 % ± 5 says less than its small SD suggests. Its error is then that of a usual
    // school of its size: SE = √(max(sₛ, within·sᵣ)²/nₛ + sᵣ²/nᵣ)/sᵣ.
    static std::pair<double, double> vprPosition(const UnitMetrics &unit, const UnitMetrics &region,
                                                 double within);
    // Русский язык and Математика: the ГИА every pupil takes.
    static bool compulsory(const QString &subject);

private:
    struct Entry {
        int year = 0;
        ProcedureKind kind = ProcedureKind::OGE;
        int grade = 0;
        QString subject;
        double position = 0, standardError = 0; // in units of the procedure's spread
        int n = 0;
        bool usable = true; // false: fewer than 2 participants or no spread of scores
    };
    QHash<QString, std::vector<Entry>> m_bySchool;
    std::vector<double> m_spread;
    std::vector<double> m_within; // pooled within-school SD / the region's SD, per procedure
    std::vector<Procedure> m_procedures;
};

} // namespace objectivity::core
