#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/ScaleSource.h"
#include "objectivity/core/analysis/TaskLevelSource.h"
#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/results/ProcedureKind.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class QTextStream;

namespace objectivity::core {

// The analysis of one unit (year, procedure, grade, subject, school). Medals are a school-year
// matter: their unit has grade 11 and an empty subject.
struct UnitReport {
    int year = 0;
    ProcedureKind kind = ProcedureKind::VPR;
    int grade = 0;
    QString subject;
    QString schoolCode;
    QString schoolName;
    QString municipality;
    int n = 0;
    bool insufficient = false; // fewer participants than min_participants: «недостаточно данных»
    UnitMetrics metrics;
    UnitMetrics region;               // all other schools of the procedure
    UnitMetrics municipal;            // other schools of the same municipality
    double position = 0;              // standardised position against the region
    QList<CriterionFinding> findings; // every criterion tested on the unit
    QString scale; // which mark scale the boundaries come from (AnalysisDataset::scaleNote)
    ScaleSource scaleSource = ScaleSource::None; // stored, inferred, replaced by the data's
    TaskLevelSource taskLevels = TaskLevelSource::None;
    QStringList hardTasks;       // Inferred: the labels of the tasks taken as hard («7», «9.1»)
    bool maximaFromData = false; // the task maxima were not given (AnalysisDataset)
    int marksFromScale = 0; // works without a mark in the data, their mark taken from the scale
    int marksMissing = 0;   // ВПР/ОГЭ works without a mark and no scale to give it
    // no scale and no marks: the marks came from the boundaries the region's journals follow
    // («3» с …, «4» с …, «5» с …); empty otherwise
    QString journalScale;

    QList<CriterionFinding> flags() const;
    // `flags`: the flagged findings; with allCriteria also `criteria`: every finding with its
    // statistic, p, q, effect, threshold and reason (analyze --all-units).
    QJsonObject toJson(bool allCriteria = false) const;
};

// Per school: flagged units, by year; consecutive years with markers; official markers.
struct SchoolSummary {
    QString schoolCode;
    QString schoolName;
    QString municipality;
    int markers = 0;              // units flagged by a sign of kind Results over the run
    int currentAssessment = 0;    // units flagged by a sign of kind CurrentAssessment
    QMap<int, int> markersByYear; // only years with markers (kind Results)
    // The longest run of consecutive years with markers; in a run for one year, the run of
    // years with markers that ends at that year, each earlier year as its own run found it
    // (AnalysisEngine::Options::history), 0 without markers that year.
    int yearsInRow = 0;
    QMap<int, int> officialByYear; // marker_count from the imported official lists

    QJsonObject toJson() const;
};

struct AnalysisReport {
    QList<UnitReport> units;
    QList<SchoolSummary> schools;
    AnalysisSettings settings;
    bool cancelled = false;
    // A run for one year whose SchoolSummary::yearsInRow counts the years before it too (the
    // data has the year before; AnalysisEngine::Options::history).
    bool yearsInRowOverHistory = false;

    QList<const UnitReport *> flaggedUnits() const;
    QJsonObject toJson(bool onlyFlagged = false) const;
    // The same text as QJsonDocument(toJson(onlyFlagged)).toJson(Indented), written one unit at
    // a time: `analyze --json --all-units` on a million participants held 2.4 GB as one document.
    void writeJson(QTextStream &out, bool onlyFlagged = false) const;

private:
    QJsonObject headJson() const; // everything but the units
};

} // namespace objectivity::core
