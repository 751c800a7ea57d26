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
    f.threshold = in.settings.value(QStringLiteral("high_results.min_diff_pp"));
    if (in.procedure.kind != ProcedureKind::VPR) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: только для ВПР"));
        return f;
    }
    if (exempt(in.school, in.procedure.subject)) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: гимназия, лицей или "
                                                     "углублённое изучение предмета"));
        return f;
    }
    const auto &m = in.metrics;
    const auto &r = in.regionMetrics;
    const TestResult t = ZTest::meansGreater(m.meanPercent, m.sdPercent * m.sdPercent, m.n,
                                             r.meanPercent, r.sdPercent * r.sdPercent, r.n);
    if (!t.valid) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: нет разброса результатов"));
        return f;
    }
    f.pValue = t.pValue;
    f.statistic = t.statistic;
    const double diff = m.meanPercent - r.meanPercent;
    f.effectSize = diff;
    if (diff < f.threshold)
        return f;
    const double ratio = in.settings.value(QStringLiteral("high_results.gia_confirm_ratio"));
    QString giaText;
    if (gia.found) {
        if (gia.position >= ratio * position) { // confirmed by the school's own ГИА
            f.reason = QString::fromUtf16(reason::Confirmed);
            f.reasonText =
                QStringLiteral("подтверждено ГИА школы по предмету (%1)").arg(gia.description);
            return f;
        }
        giaText = QStringLiteral("Результаты ГИА школы по предмету (%1) их не подтверждают: "
                                 "стандартизованное отклонение от региона %2 против %3 на ВПР.")
                      .arg(gia.description, NumberText::fixed(gia.position, 2),
                           NumberText::fixed(position, 2));
    } else {
        const QString missing =
            gia.smallParticipants > 0
                ? QStringLiteral("ГИА по предмету — %1 участников, нужно не меньше %2")
                      .arg(gia.smallParticipants)
                      .arg(gia.minimum)
                : QStringLiteral("нет ГИА по предмету");
        if (in.settings.value(QStringLiteral("high_results.flag_without_gia")) == 0) {
            f.skip(gia.smallParticipants > 0 ? reason::GiaTooFew : reason::NoGia,
                   QStringLiteral("не проверялось: ") + missing);
            return f;
        }
        giaText = gia.smallParticipants > 0
                      ? QStringLiteral("ОГЭ/ЕГЭ школы по этому предмету сдавали %1 участников — "
                                       "меньше %2, нужных для сравнения: подтверждение "
                                       "результатами ГИА не проверено.")
                            .arg(gia.smallParticipants)
                            .arg(gia.minimum)
                      : QStringLiteral("Данных ОГЭ/ЕГЭ школы по этому предмету в базе нет — "
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
