#include "objectivity/core/analysis/HighResultsCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/ZTest.h"

namespace objectivity::core {

bool HighResultsCriterion::exempt(const School &school, const QString &subject) {
    if (school.kind == SchoolKind::Gymnasium || school.kind == SchoolKind::Lyceum)
        return true;
    if (school.advancedSubjects.contains(subject))
        return true;
    return school.kind == SchoolKind::AdvancedStudy && school.advancedSubjects.isEmpty();
}

CriterionFinding HighResultsCriterion::evaluate(const CriterionInput &in, double position,
                                                const GiaEvidence &gia) {
    CriterionFinding f;
    f.code = QString::fromUtf16(criterion::HighResults);
    if (in.procedure.kind != ProcedureKind::VPR || exempt(in.school, in.procedure.subject))
        return f;
    const auto &m = in.metrics;
    const auto &r = in.regionMetrics;
    const TestResult t = ZTest::meansGreater(m.meanPercent, m.sdPercent * m.sdPercent, m.n,
                                             r.meanPercent, r.sdPercent * r.sdPercent, r.n);
    if (!t.valid)
        return f;
    f.pValue = t.pValue;
    const double diff = m.meanPercent - r.meanPercent;
    if (diff < in.settings.value(QStringLiteral("high_results.min_diff_pp")))
        return f;
    const double ratio = in.settings.value(QStringLiteral("high_results.gia_confirm_ratio"));
    QString giaText;
    if (gia.found) {
        if (gia.position >= ratio * position)
            return f; // confirmed by the school's own ГИА
        giaText = QStringLiteral("Результаты ГИА школы по предмету (%1) их не подтверждают: "
                                 "стандартизованное отклонение от региона %2 против %3 на ВПР.")
                      .arg(gia.description, NumberText::fixed(gia.position, 2),
                           NumberText::fixed(position, 2));
    } else {
        if (in.settings.value(QStringLiteral("high_results.flag_without_gia")) == 0)
            return f;
        giaText = QStringLiteral("Данных ОГЭ/ЕГЭ школы по этому предмету в базе нет — "
                                 "подтверждение результатами ГИА не проверено.");
    }
    f.effect = true;
    f.explanation =
        QStringLiteral("Средний процент выполнения %1% при %2% по региону (на %3 п. п. выше, "
                       "качество %4% против %5%); школа не гимназия, не лицей и не школа с "
                       "углублённым изучением предмета. ")
            .arg(NumberText::fixed(m.meanPercent, 1), NumberText::fixed(r.meanPercent, 1),
                 NumberText::fixed(diff, 1), NumberText::fixed(m.qualityPct, 1),
                 NumberText::fixed(r.qualityPct, 1)) +
        giaText;
    return f;
}

} // namespace objectivity::core
