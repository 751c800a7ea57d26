#include "objectivity/core/analysis/MedalsCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/results/MedalRules.h"
#include "objectivity/core/stats/BinomialTest.h"

#include <QMap>

#include <algorithm>
#include <numeric>

namespace objectivity::core {

namespace {
struct SchoolYear {
    int medallists = 0;
    QStringList unsupported;
};
} // namespace

void MedalsCriterion::appendUnits(const AnalysisDataset &data, const AnalysisSettings &settings,
                                  int yearFilter, bool include, QList<UnitReport> &units) {
    if (!include)
        return;
    const auto &rows = data.egeRows();
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
        int medal = 0, russian = -1;
        QList<MedalRules::Score> others;
        for (std::size_t k = i; k < j; ++k) {
            const auto &r = rows[static_cast<std::size_t>(order[k])];
            medal = std::max(medal, r.medal);
            const Procedure &p = data.procedures()[r.procedure];
            if (r.testScore < 0)
                continue; // Математика (база): a mark, no test score
            if (p.subject == QStringLiteral("Русский язык"))
                russian = std::max(russian, r.testScore);
            else
                others.append({r.testScore, data.layout(r.procedure).minTestScore});
        }
        if (medal != 0) {
            // before 2024 there was one medal: whatever the file calls it, its rule applies
            const Medal kind =
                medal == 1 || !MedalRules::hasSilver(year) ? Medal::Gold : Medal::Silver;
            const bool ok = russian >= 0 && MedalRules::egeSupports(year, kind, russian, others);
            SchoolYear &sy = perSchoolYear[{first.school, year}];
            ++sy.medallists;
            ++perYear[year].first;
            if (!ok) {
                sy.unsupported << data.medallistCode(first.codeHash);
                ++perYear[year].second;
            }
        }
        i = j;
    }
    const double baseRate = settings.value(QStringLiteral("medals.base_rate"));
    const int minCount = settings.intValue(QStringLiteral("medals.min_count"));
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
        const double refRate =
            refMedallists > 0 ? static_cast<double>(refUnsupported) / refMedallists : 0;
        CriterionFinding f;
        f.code = QString::fromUtf16(criterion::MedalsUnsupported);
        const int k = static_cast<int>(sy.unsupported.size());
        f.pValue = BinomialTest::upperTail(k, sy.medallists, std::max(baseRate, refRate));
        f.statistic = k;
        f.effectSize = k;
        f.threshold = minCount;
        if (k >= minCount && k > 0) {
            f.effect = true;
            f.participants = sy.unsupported;
            f.explanation =
                QStringLiteral("Из %1 медалистов %2 года у %3 результаты ЕГЭ не соответствуют "
                               "условиям медали этого года (%4); по региону таких %5% медалистов. "
                               "Коды участников: %6.")
                    .arg(QString::number(sy.medallists), QString::number(year), QString::number(k),
                         year >= 2024
                             ? QStringLiteral("золото: русский язык ≥70 и ещё предмет ≥70; "
                                              "серебро: 60 и 60")
                             : QStringLiteral("русский язык ≥70 и не ниже минимума по всем "
                                              "предметам"),
                         NumberText::fixed(100.0 * refRate, 1),
                         sy.unsupported.join(QStringLiteral(", ")));
        }
        u.findings.append(f);
        units.append(u);
    }
}

} // namespace objectivity::core
