#include "objectivity/core/analysis/PersonFitCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/ShareSpread.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

QString percentText(double share) {
    return NumberText::fixed(100.0 * share, 1) + QStringLiteral(" %");
}

} // namespace

CriterionFinding PersonFitCriterion::notApplicable() {
    CriterionFinding f;
    f.code = staticCode(criterion::PersonFit);
    f.skip(reason::NotApplicable,
           QStringLiteral("не проверялось: в процедуре меньше двух заданий с баллами по "
                          "заданиям или мало работ в регионе"));
    return f;
}

namespace {

// One unit or one class (`ofClass`: the spread is that of the region's classes).
CriterionFinding evaluateOne(const AnalysisSettings &settings, const PersonFitIndex::Counts &unit,
                             const PersonFitIndex::Counts &region, double spreadVariance,
                             bool ofClass) {
    CriterionFinding f;
    f.code = staticCode(criterion::PersonFit);
    f.threshold = settings.value(QStringLiteral("person_fit.min_excess_pp"));
    if (unit.works <= 0 || region.works <= 0) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: нет работ с баллами по "
                                                     "заданиям"));
        return f;
    }
    const double p0 = PersonFitCriterion::regionShare(region);
    const int k = unit.aberrant, n = unit.works;
    f.statistic = k;
    f.pValue = k > 0 ? ShareSpread::upperTail(k, n, p0, spreadVariance) : 1.0;
    const double share = double(k) / double(n);
    f.effectSize = 100.0 * (share - p0);
    const int minCount = settings.intValue(QStringLiteral("person_fit.min_count"));
    if (f.effectSize < f.threshold)
        return f;
    if (k < minCount) { // the share is high, the works are too few to speak of a class or school
        f.belowThreshold(
            QStringLiteral("нетипичных работ %1, нужно не меньше %2").arg(k).arg(minCount));
        return f;
    }
    f.effect = true;
    f.explanation =
        QStringLiteral("Работ с нетипичным профилем ответов — решены трудные шаги заданий при "
                       "нерешённых лёгких чаще, чем у %1 % участников региона с тем же "
                       "первичным баллом (полиномиальные ошибки Гуттмана): %2 из %3 (%4) при "
                       "%5 в остальных школах региона (+%6 п. п.). Так выглядят работы, в которых "
                       "часть трудных заданий выполнена с посторонней помощью или проверена "
                       "слишком щедро.")
            .arg(NumberText::fixed(settings.value(QStringLiteral("person_fit.percentile")), 0),
                 QString::number(k), QString::number(n), percentText(share), percentText(p0),
                 NumberText::fixed(f.effectSize, 1));
    if (spreadVariance > 0)
        f.explanation +=
            QStringLiteral(" В p учтён и обычный для региона разброс этой доли между %1 сверх "
                           "случайного (±%2 п. п.: учителя по-разному учат отдельным темам, и "
                           "задания, трудные для региона, бывают лёгкими для %3).")
                .arg(ofClass ? QStringLiteral("классами") : QStringLiteral("школами"),
                     NumberText::fixed(100.0 * std::sqrt(spreadVariance), 1),
                     ofClass ? QStringLiteral("класса") : QStringLiteral("школы"));
    return f;
}

} // namespace

double PersonFitCriterion::regionShare(const PersonFitIndex::Counts &region) {
    return std::min(1.0, std::max(0.5, double(region.aberrant)) / double(region.works));
}

CriterionFinding PersonFitCriterion::evaluate(const AnalysisSettings &settings,
                                              const PersonFitIndex::Counts &unit,
                                              const PersonFitIndex::Counts &region,
                                              double spreadVariance) {
    return evaluateOne(settings, unit, region, spreadVariance, false);
}

CriterionFinding PersonFitCriterion::evaluate(const AnalysisSettings &settings,
                                              const PersonFitIndex::Counts &unit,
                                              const PersonFitIndex::Counts &region,
                                              const std::vector<ClassCounts> &classes,
                                              double unitSpread, double classSpread) {
    const int minN = settings.intValue(QStringLiteral("min_participants"));
    if (unit.works > 0 && unit.works < minN) { // a unit whose other works have no task points
        CriterionFinding f;
        f.code = staticCode(criterion::PersonFit);
        f.threshold = settings.value(QStringLiteral("person_fit.min_excess_pp"));
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: баллы по заданиям в данных есть у %1 работ, нужно "
                              "не меньше %2")
                   .arg(unit.works)
                   .arg(minN));
        return f;
    }
    CriterionFinding whole = evaluate(settings, unit, region, unitSpread);
    if (!whole.tested())
        return whole;
    struct Tested {
        const ClassCounts *cls;
        CriterionFinding finding;
    };
    std::vector<Tested> tested;
    for (const ClassCounts &c : classes) {
        if (c.counts.works < minN)
            continue;
        CriterionFinding f = evaluateOne(settings, c.counts, region, classSpread, true);
        if (f.tested())
            tested.push_back({&c, f});
    }
    const std::size_t k = tested.size();
    if (k < 2)
        return whole; // one class: the parallel is that class
    std::size_t best = 0;
    for (std::size_t i = 1; i < k; ++i) {
        const CriterionFinding &a = tested[i].finding, &b = tested[best].finding;
        if (a.effect != b.effect ? a.effect : a.pValue < b.pValue)
            best = i;
    }
    const double pWhole = std::min(1.0, 2 * whole.pValue);
    // Šidák over the K classes, computed as −expm1(K·log1p(−p)) so that small p keep their digits
    const double pMin = tested[best].finding.pValue;
    const double sidak = pMin >= 1 ? 1.0 : -std::expm1(double(k) * std::log1p(-pMin));
    const double pClass = std::min(1.0, 2 * sidak);
    if (tested[best].finding.effect && (!whole.effect || pClass < pWhole)) {
        CriterionFinding f = tested[best].finding;
        f.pValue = pClass;
        if (!f.explanation.isEmpty()) // continues the sentence «В классе 5Б (…): работ …»
            f.explanation[0] = f.explanation[0].toLower();
        f.label = QStringLiteral("класс %1").arg(tested[best].cls->name);
        f.explanation =
            QStringLiteral("В классе %1 (%2 из %3 параллели): ")
                .arg(tested[best].cls->name, QString::number(tested[best].cls->counts.works),
                     NumberText::counted(unit.works, u"работы", u"работ", u"работ")) +
            f.explanation +
            QStringLiteral(" Поправка на выбор самого необычного из %1 классов (Шидак) и на "
                           "проверку параллели и класса (×2).")
                .arg(k);
        return f;
    }
    whole.pValue = pWhole;
    if (whole.effect)
        whole.explanation += QStringLiteral(" p умножено на 2 (поправка на проверку параллели и "
                                            "самого необычного из %1 её классов).")
                                 .arg(k);
    return whole;
}

} // namespace objectivity::core
