#include "objectivity/core/analysis/AnalysisReport.h"

#include <QJsonArray>

#include <cmath>

namespace objectivity::core {

namespace {
QJsonValue num(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}
QJsonObject referenceJson(const UnitMetrics &m) {
    QJsonObject o;
    o.insert(QStringLiteral("participants"), m.n);
    o.insert(QStringLiteral("mean_percent"), num(std::round(m.meanPercent * 100) / 100));
    o.insert(QStringLiteral("quality_pct"), num(std::round(m.qualityPct * 100) / 100));
    o.insert(QStringLiteral("success_pct"), num(std::round(m.successPct * 100) / 100));
    o.insert(QStringLiteral("lowered_pct"), num(std::round(m.loweredPct * 100) / 100));
    o.insert(QStringLiteral("raised_pct"), num(std::round(m.raisedPct * 100) / 100));
    return o;
}
} // namespace

QList<CriterionFinding> UnitReport::flags() const {
    QList<CriterionFinding> out;
    for (const auto &f : findings)
        if (f.flagged)
            out.append(f);
    return out;
}

QJsonObject UnitReport::toJson(bool allCriteria) const {
    QJsonObject o;
    o.insert(QStringLiteral("year"), year);
    o.insert(QStringLiteral("procedure"), procedureKindCode(kind));
    o.insert(QStringLiteral("grade"), grade);
    o.insert(QStringLiteral("subject"), subject);
    o.insert(QStringLiteral("school_code"), schoolCode);
    o.insert(QStringLiteral("school_name"), schoolName);
    o.insert(QStringLiteral("municipality"), municipality);
    o.insert(QStringLiteral("n"), n);
    if (insufficient)
        o.insert(QStringLiteral("status"), QStringLiteral("недостаточно данных"));
    QJsonObject metricsJson = metrics.toJson();
    metricsJson.insert(QStringLiteral("position"), num(std::round(position * 1000) / 1000));
    metricsJson.insert(QStringLiteral("region"), referenceJson(region));
    metricsJson.insert(QStringLiteral("municipality"), referenceJson(municipal));
    o.insert(QStringLiteral("metrics"), metricsJson);
    QJsonArray flagsJson;
    for (const auto &f : findings) {
        if (!f.flagged)
            continue;
        QJsonObject fj;
        fj.insert(QStringLiteral("criterion"), f.code);
        if (!f.label.isEmpty())
            fj.insert(QStringLiteral("part"), f.label);
        fj.insert(QStringLiteral("kind"), criterionKindCode(f.kind()));
        fj.insert(QStringLiteral("p_value"), num(f.pValue));
        fj.insert(QStringLiteral("q_value"), num(f.qValue));
        fj.insert(QStringLiteral("explanation"), f.explanation);
        if (!f.participants.isEmpty())
            fj.insert(QStringLiteral("participants"), QJsonArray::fromStringList(f.participants));
        flagsJson.append(fj);
    }
    o.insert(QStringLiteral("flags"), flagsJson);
    if (!scale.isEmpty())
        o.insert(QStringLiteral("scale"), scale);
    if (scaleSource != ScaleSource::None)
        o.insert(QStringLiteral("scale_source"), scaleSourceCode(scaleSource));
    if (taskLevels != TaskLevelSource::None)
        o.insert(QStringLiteral("task_levels"), taskLevelSourceCode(taskLevels));
    if (maximaFromData)
        o.insert(QStringLiteral("maxima_from_data"), true);
    if (marksFromScale > 0)
        o.insert(QStringLiteral("marks_from_scale"), marksFromScale);
    if (marksMissing > 0)
        o.insert(QStringLiteral("marks_missing"), marksMissing);
    if (!journalScale.isEmpty())
        o.insert(QStringLiteral("marks_from_journals"), journalScale);
    if (!hardTasks.isEmpty())
        o.insert(QStringLiteral("hard_tasks"), QJsonArray::fromStringList(hardTasks));
    if (allCriteria) {
        QJsonArray all;
        for (const auto &f : findings) {
            QJsonObject fj;
            fj.insert(QStringLiteral("criterion"), f.code);
            if (!f.label.isEmpty())
                fj.insert(QStringLiteral("part"), f.label);
            fj.insert(QStringLiteral("kind"), criterionKindCode(f.kind()));
            fj.insert(QStringLiteral("tested"), f.tested());
            fj.insert(QStringLiteral("statistic"), num(f.statistic));
            fj.insert(QStringLiteral("p_value"), num(f.pValue));
            fj.insert(QStringLiteral("q_value"), num(f.qValue));
            fj.insert(QStringLiteral("effect_size"), num(f.effectSize));
            fj.insert(QStringLiteral("threshold"), num(f.threshold));
            fj.insert(QStringLiteral("effect"), f.effect);
            fj.insert(QStringLiteral("flagged"), f.flagged);
            fj.insert(QStringLiteral("reason"), f.reason);
            fj.insert(QStringLiteral("reason_text"), f.reasonText);
            if (!f.explanation.isEmpty())
                fj.insert(QStringLiteral("explanation"), f.explanation);
            all.append(fj);
        }
        o.insert(QStringLiteral("criteria"), all);
    }
    return o;
}

QJsonObject SchoolSummary::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("school_code"), schoolCode);
    o.insert(QStringLiteral("school_name"), schoolName);
    o.insert(QStringLiteral("municipality"), municipality);
    o.insert(QStringLiteral("markers"), markers);
    o.insert(QStringLiteral("current_assessment_markers"), currentAssessment);
    o.insert(QStringLiteral("years_in_a_row"), yearsInRow);
    QJsonObject by;
    for (auto it = markersByYear.begin(); it != markersByYear.end(); ++it)
        by.insert(QString::number(it.key()), it.value());
    o.insert(QStringLiteral("markers_by_year"), by);
    if (!officialByYear.isEmpty()) {
        QJsonObject off;
        for (auto it = officialByYear.begin(); it != officialByYear.end(); ++it)
            off.insert(QString::number(it.key()), it.value());
        o.insert(QStringLiteral("official_markers_by_year"), off);
    }
    return o;
}

QList<const UnitReport *> AnalysisReport::flaggedUnits() const {
    QList<const UnitReport *> out;
    for (const auto &u : units)
        for (const auto &f : u.findings)
            if (f.flagged) {
                out.append(&u);
                break;
            }
    return out;
}

QJsonObject AnalysisReport::toJson(bool onlyFlagged) const {
    QJsonArray unitsJson;
    for (const auto &u : units) {
        if (onlyFlagged && u.flags().isEmpty())
            continue;
        unitsJson.append(u.toJson(!onlyFlagged));
    }
    QJsonArray schoolsJson;
    for (const auto &s : schools)
        schoolsJson.append(s.toJson());
    QJsonObject thresholds;
    for (const auto &d : AnalysisSettings::definitions())
        thresholds.insert(d.key, settings.value(d.key));
    QJsonObject o;
    o.insert(QStringLiteral("units"), unitsJson);
    o.insert(QStringLiteral("schools"), schoolsJson);
    o.insert(QStringLiteral("settings"), thresholds);
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    return o;
}

} // namespace objectivity::core
