#include "objectivity/core/analysis/AnalysisReport.h"

#include "objectivity/core/common/RunOnThreads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

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

// A unit's indented document inside the "units" array: Qt's indented output is four spaces a
// level and no string holds a raw line break, so the unit's own document indented by two levels
// is its text there.
QString unitJsonText(const UnitReport &u, bool allCriteria) {
    const QByteArray text = QJsonDocument(u.toJson(allCriteria)).toJson(QJsonDocument::Indented);
    QByteArray indented;
    indented.reserve(text.size() + text.count('\n') * 8);
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype to = text.indexOf('\n', from);
        if (to < 0)
            to = text.size();
        indented.append("        ").append(text.constData() + from, to - from);
        if (to + 1 < text.size())
            indented.append('\n');
        from = to + 1;
    }
    return QString::fromUtf8(indented);
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
    QJsonObject o = headJson();
    QJsonArray unitsJson;
    for (const auto &u : units) {
        if (onlyFlagged && u.flags().isEmpty())
            continue;
        unitsJson.append(u.toJson(!onlyFlagged));
    }
    o.insert(QStringLiteral("units"), unitsJson);
    return o;
}

QJsonObject AnalysisReport::headJson() const {
    QJsonArray schoolsJson;
    for (const auto &s : schools)
        schoolsJson.append(s.toJson());
    QJsonObject thresholds;
    for (const auto &d : AnalysisSettings::definitions())
        thresholds.insert(d.key, settings.value(d.key));
    QJsonObject o;
    o.insert(QStringLiteral("schools"), schoolsJson);
    o.insert(QStringLiteral("settings"), thresholds);
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    // (a key that sorts before "units": writeJson puts the units after the head)
    if (yearsInRowOverHistory)
        o.insert(QStringLiteral("in_a_row_over_earlier_years"), true);
    return o;
}

void AnalysisReport::writeJson(QTextStream &out, bool onlyFlagged) const {
    // QJsonObject keeps its keys sorted and "units" sorts after "cancelled", "schools" and
    // "settings": the head's text without its closing brace, then the units array.
    QByteArray head = QJsonDocument(headJson()).toJson(QJsonDocument::Indented);
    head.chop(3); // "\n}\n"
    out << QString::fromUtf8(head) << QStringLiteral(",\n    \"units\": [\n");
    // The units' text is made in batches on every core (up to four; the text of 30,000 units
    // with every criterion is most of `analyze --json --all-units`), then written in order; a
    // batch bounds the memory.
    constexpr qsizetype kBatch = 1024;
    const int threads = std::clamp(int(std::thread::hardware_concurrency()), 1, 4);
    QList<const UnitReport *> batch;
    batch.reserve(kBatch);
    std::vector<QString> texts(kBatch); // a slot per unit of the batch, written by one thread
    bool first = true;
    auto writeBatch = [&] {
        const qsizetype n = batch.size();
        std::atomic<qsizetype> next = 0;
        runOnThreads(n >= 64 ? threads : 1, [&] {
            for (qsizetype i = next++; i < n; i = next++)
                texts[i] = unitJsonText(*batch.at(i), !onlyFlagged);
        });
        for (qsizetype i = 0; i < n; ++i) {
            if (!first)
                out << QStringLiteral(",\n");
            first = false;
            out << texts[i];
            texts[i].clear();
        }
        batch.clear();
    };
    for (const auto &u : units) {
        if (onlyFlagged && u.flags().isEmpty())
            continue;
        batch.append(&u);
        if (batch.size() == kBatch)
            writeBatch();
    }
    writeBatch();
    out << (first ? QStringLiteral("    ]\n}\n") : QStringLiteral("\n    ]\n}\n"));
}

} // namespace objectivity::core
