#include "objectivity/core/analysis/MedalsCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/results/MedalRules.h"
#include "objectivity/core/results/SubjectCatalog.h"

#include <QMap>

#include <algorithm>
#include <numeric>

namespace objectivity::core {

namespace {
struct SchoolYear {
    int medallists = 0;
    QStringList unsupported; // codes
    QStringList reasons; // «участник 123456: русский язык 62 балла при пороге 70 …»
    int missing = 0; // of them: an ЕГЭ result the rule needs is not in the data
};
} // namespace

void MedalsCriterion::appendUnits(const AnalysisDataset &data, const AnalysisSettings &settings,
                                  int yearFilter, bool include, QList<UnitReport> &units) {
    if (!include)
        return;
    const auto &rows = data.egeRows();
    std::vector<bool> basicMathProcedure;
    for (const Procedure &p : data.procedures())
        basicMathProcedure.push_back(p.kind == ProcedureKind::EGE &&
                                     SubjectCatalog::isBasicMath(p.subject));
    std::vector<int> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    auto yearOf = [&](int i) {
        return data.procedures()[rows[static_cast<std::size_t>(i)].procedure].year;
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto &x = rows[static_cast<std::size_t>(a)];
        const auto &y = rows[static_cast<std::size_t>(b)];
        if (x.school != y.school)
            return x.school < y.school;
        if (yearOf(a) != yearOf(b))
            return yearOf(a) < yearOf(b);
        return x.codeHash < y.codeHash;
    });
    QMap<std::pair<int, int>, SchoolYear> perSchoolYear; // (school, year)
    QMap<int, std::pair<int, int>> perYear;              // year -> (medallists, unsupported)
    std::size_t i = 0;
    while (i < order.size()) {
        std::size_t j = i;
        const auto &first = rows[static_cast<std::size_t>(order[i])];
        const int year = yearOf(order[i]);
        while (j < order.size() &&
               rows[static_cast<std::size_t>(order[j])].school == first.school &&
               yearOf(order[j]) == year &&
               rows[static_cast<std::size_t>(order[j])].codeHash == first.codeHash)
            ++j;
        int medal = 0, russian = -1, basicMath = 0;
        QList<MedalRules::Score> others;
        for (std::size_t k = i; k < j; ++k) {
            const auto &r = rows[static_cast<std::size_t>(order[k])];
            medal = std::max(medal, r.medal);
            // Математика (база) has a mark and no test score (a file may still fill one in)
            if (basicMathProcedure[static_cast<std::size_t>(r.procedure)]) {
                basicMath = std::max(basicMath, r.mark);
                continue;
            }
            if (r.testScore < 0)
                continue;
            const Procedure &p = data.procedures()[r.procedure];
            if (p.subject == QStringLiteral("Русский язык"))
                russian = std::max(russian, r.testScore);
            else
                others.append({r.testScore, data.layout(r.procedure).minTestScore, p.subject});
        }
        if (medal != 0) {
            // before 2024 there was one medal: whatever the file calls it, its rule applies
            const Medal kind =
                medal == 1 || !MedalRules::hasSilver(year) ? Medal::Gold : Medal::Silver;
            const MedalRules::Check check =
                MedalRules::check(year, kind, russian, others, basicMath);
            SchoolYear &sy = perSchoolYear[{first.school, year}];
            ++sy.medallists;
            ++perYear[year].first;
            if (!check.supported) {
                const QString code = data.medallistCode(first.codeHash);
                sy.unsupported << code;
                sy.reasons << QStringLiteral("участник %1: %2").arg(code, check.reason);
                sy.missing += check.missingExam ? 1 : 0;
                ++perYear[year].second;
            }
        }
        i = j;
    }
    const int minCount = std::max(1, settings.intValue(QStringLiteral("medals.min_count")));
    for (auto it = perSchoolYear.begin(); it != perSchoolYear.end(); ++it) {
        const int year = it.key().second;
        if (yearFilter && year != yearFilter)
            continue;
        const School &school = data.schools()[it.key().first];
        const SchoolYear &sy = it.value();
        UnitReport u;
        u.year = year;
        u.kind = ProcedureKind::EGE;
        u.grade = 11;
        u.schoolCode = school.code;
        u.schoolName = school.name;
        u.municipality = school.municipality;
        u.n = sy.medallists;
        const auto total = perYear.value(year);
        const int refMedallists = total.first - sy.medallists;
        const int refUnsupported = total.second - static_cast<int>(sy.unsupported.size());
        CriterionFinding f;
        f.code = staticCode(criterion::MedalsUnsupported);
        const int k = static_cast<int>(sy.unsupported.size());
        // a fact, not a statistic: every medallist is checked against the rules of the year
        f.statistic = k;
        f.effectSize = k;
        f.threshold = minCount;
        f.effect = k >= minCount;
        f.pValue = f.effect ? 0.0 : 1.0;
        if (k == 0) {
            f.reason = staticCode(reason::Confirmed);
            f.reasonText = QStringLiteral("условия медали выполнены у всех медалистов (%1)")
                               .arg(sy.medallists);
        }
        if (f.effect) {
            f.participants = sy.unsupported;
            QString missingText;
            if (sy.missing > 0)
                missingText = QStringLiteral(" Нужного результата ЕГЭ нет в базе у %1 из них: "
                                             "проверьте, не сдавал ли медалист ЕГЭ в другом месте "
                                             "или под другим кодом.")
                                  .arg(sy.missing);
            // a rule's text may end with «2023 г.»: no second full stop after it
            QString broken = sy.reasons.join(QStringLiteral("; "));
            if (!broken.endsWith(QLatin1Char('.')))
                broken += QLatin1Char('.');
            f.explanation =
                QStringLiteral("Из %1 %2 г. условия медали своего года по ЕГЭ не "
                               "выполнены у %3: %4%5 Для сравнения: в остальных школах региона "
                               "таких %6 из %7 (%8 %).")
                    .arg(NumberText::counted(sy.medallists, u"медалиста", u"медалистов",
                                             u"медалистов"),
                         QString::number(year), QString::number(k), broken, missingText,
                         QString::number(refUnsupported),
                         NumberText::counted(refMedallists, u"медалиста", u"медалистов",
                                             u"медалистов"),
                         NumberText::fixed(
                             refMedallists > 0 ? 100.0 * refUnsupported / refMedallists : 0.0, 1));
        }
        u.findings.append(f);
        units.append(u);
    }
}

} // namespace objectivity::core
