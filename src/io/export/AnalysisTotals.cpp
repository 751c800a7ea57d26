#include "objectivity/io/export/AnalysisTotals.h"

#include "objectivity/core/analysis/CriterionTitle.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace objectivity::io {

namespace {

using core::CriterionKind;

void addUnit(AnalysisTotals::Municipality &m, const core::UnitReport &u, bool results,
             bool current) {
    ++m.units;
    m.unitsInsufficient += u.insufficient ? 1 : 0;
    m.unitsWithResultsSigns += results ? 1 : 0;
    m.unitsWithCurrentSigns += current ? 1 : 0;
    m.works += u.n;
    m.journalPairs += u.metrics.journalPairs;
    m.lowered += u.metrics.lowered;
    m.confirmed += u.metrics.confirmed;
    m.raised += u.metrics.raised;
}

} // namespace

AnalysisTotals AnalysisTotals::compute(const core::AnalysisReport &report,
                                       const AnalysisScope &scope) {
    AnalysisTotals t;
    QMap<QString, Municipality> byMunicipality;
    QHash<QString, School> bySchool;
    QHash<QString, int> criterionIndex;
    QHash<QString, QSet<QString>> criterionSchools;
    QHash<QString, const core::SchoolSummary *> summaries;
    for (const auto &s : report.schools)
        summaries.insert(s.schoolCode, &s);
    QSet<int> years, grades;
    QSet<QString> procedures, subjects;
    QList<Finding> currentFindings;

    for (const core::UnitReport &u : report.units) {
        if (!scope.contains(u))
            continue;
        years.insert(u.year);
        grades.insert(u.grade);
        procedures.insert(core::procedureKindCode(u.kind));
        if (!u.subject.isEmpty())
            subjects.insert(u.subject);
        School &school = bySchool[u.schoolCode];
        school.code = u.schoolCode;
        school.name = u.schoolName;
        school.municipality = u.municipality;
        ++school.units;
        school.works += u.n;
        bool results = false, current = false;
        QSet<QString> unitCodes;
        for (const core::CriterionFinding &f : u.findings) {
            auto it = criterionIndex.constFind(f.code);
            if (it == criterionIndex.constEnd()) {
                it = criterionIndex.insert(f.code, int(t.criteria.size()));
                t.criteria.append({f.code, core::criterionTitle(f.code), f.kind()});
            }
            Criterion &c = t.criteria[*it];
            if (!unitCodes.contains(f.code) && f.tested())
                ++c.tested;
            if (!f.flagged) {
                unitCodes.insert(f.code);
                continue;
            }
            ++c.findings;
            const bool firstOfUnit = std::none_of(
                school.findings.cbegin(), school.findings.cend(),
                [&](const Finding &x) { return x.unit == &u && x.finding->code == f.code; });
            if (firstOfUnit)
                ++c.units;
            criterionSchools[f.code].insert(u.schoolCode);
            unitCodes.insert(f.code);
            const Finding finding{&u, &f};
            school.findings.append(finding);
            if (f.kind() == CriterionKind::Results) {
                results = true;
                ++school.resultsSigns;
                t.findings.append(finding);
            } else {
                current = true;
                ++school.currentSigns;
                currentFindings.append(finding);
            }
        }
        Municipality &m = byMunicipality[u.municipality];
        m.name = u.municipality;
        addUnit(m, u, results, current);
        addUnit(t.total, u, results, current);
    }
    t.findings += currentFindings;
    for (Criterion &c : t.criteria)
        c.schools = int(criterionSchools.value(c.code).size());

    for (auto it = bySchool.begin(); it != bySchool.end(); ++it) {
        School &s = it.value();
        if (const core::SchoolSummary *summary = summaries.value(s.code)) {
            s.yearsInRow = summary->yearsInRow;
            QStringList official;
            for (auto o = summary->officialByYear.begin(); o != summary->officialByYear.end(); ++o)
                if (scope.year == 0 || o.key() == scope.year)
                    official << QStringLiteral("%1: %2").arg(o.key()).arg(o.value());
            s.official = official.join(QStringLiteral("; "));
        }
        for (Municipality *m : {&byMunicipality[s.municipality], &t.total}) {
            ++m->schools;
            m->schoolsWithResultsSigns += s.resultsSigns > 0 ? 1 : 0;
            m->schoolsWithCurrentSigns += s.currentSigns > 0 ? 1 : 0;
            m->schoolsInOfficialList += s.official.isEmpty() ? 0 : 1;
        }
        t.schools.append(s);
    }
    std::sort(t.schools.begin(), t.schools.end(), [](const School &a, const School &b) {
        return std::tie(a.municipality, a.name, a.code) < std::tie(b.municipality, b.name, b.code);
    });
    t.municipalities = byMunicipality.values();
    t.years = years.values();
    std::sort(t.years.begin(), t.years.end());
    t.procedures = procedures.values();
    std::sort(t.procedures.begin(), t.procedures.end());
    t.subjects = subjects.values();
    std::sort(t.subjects.begin(), t.subjects.end());
    t.grades = int(grades.size());
    return t;
}

const AnalysisTotals::School *AnalysisTotals::school(const QString &code) const {
    for (const School &s : schools)
        if (s.code == code)
            return &s;
    return nullptr;
}

int AnalysisTotals::findingsOfKind(core::CriterionKind kind) const {
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [kind](const Finding &f) { return f.finding->kind() == kind; }));
}

} // namespace objectivity::io
