#include "objectivity/core/analysis/HighResultsCriterion.h"

#include "objectivity/core/analysis/GiaEvidenceIndex.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/NormalDistribution.h"
#include "objectivity/core/stats/StudentT.h"
#include "objectivity/core/stats/ZTest.h"

#include <cmath>

namespace objectivity::core {

namespace {

// ГИА significantly above the region (one-sided 2.5 %) confirms high results
constexpr double kConfirmedZ = 1.96;

// «сдавали 7 участников», «сдавал 1 участник»: the verb agrees with the count
QString satBy(int n) {
    const bool one = n % 10 == 1 && n % 100 != 11;
    return (one ? QStringLiteral("сдавал ") : QStringLiteral("сдавали ")) +
           NumberText::counted(n, u"участник", u"участника", u"участников");
}

QString signedFixed(double v, int decimals) {
    const QString text = NumberText::fixed(v, decimals);
    return v > 0 && !text.startsWith(QLatin1Char('-')) ? QLatin1Char('+') + text : text;
}

// Why the school's ГИА cannot confirm or refute its ВПР (GiaEvidence::found is false).
QString missingGia(const GiaEvidence &gia) {
    const bool few = gia.smallParticipants > 0;
    if (gia.otherSubjects)
        return few ? QStringLiteral("ОГЭ по этому предмету — по выбору, а ОГЭ школы по русскому "
                                    "языку и математике %1 — меньше %2")
                         .arg(satBy(gia.smallParticipants))
                         .arg(gia.minimum)
                   : QStringLiteral("ОГЭ по этому предмету — по выбору, а ОГЭ школы по русскому "
                                    "языку и математике в базе нет");
    if (few)
        return QStringLiteral("ОГЭ/ЕГЭ школы по предмету %1 — меньше %2")
            .arg(satBy(gia.smallParticipants))
            .arg(gia.minimum);
    return gia.elective ? QStringLiteral("ГИА по этому предмету — по выбору, уровень школы по ней "
                                         "не сравнивается")
                        : QStringLiteral("нет ГИА по предмету");
}

// what the ВПР is compared with: the school's ГИА in the subject, or (a subject whose ОГЭ is
// chosen) its ОГЭ in Русский язык and Математика
QString giaBasis(const GiaEvidence &gia) {
    return gia.otherSubjects ? QStringLiteral("ОГЭ школы по русскому языку и математике")
                             : QStringLiteral("ГИА школы по предмету");
}

// Both comparisons look at ВПР of ordinary schools only: marks `f` not tested otherwise.
bool notTested(const CriterionInput &in, CriterionFinding &f) {
    if (in.procedure.kind != ProcedureKind::VPR) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: только для ВПР"));
        return true;
    }
    if (HighResultsCriterion::exempt(in.school, in.procedure.subject)) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: гимназия, лицей или "
                                                     "углублённое изучение предмета"));
        return true;
    }
    return false;
}

} // namespace

bool HighResultsCriterion::exempt(const School &school, const QString &subject) {
    if (school.kind == SchoolKind::Gymnasium || school.kind == SchoolKind::Lyceum)
        return true;
    if (school.advancedSubjects.contains(subject))
        return true;
    return school.kind == SchoolKind::AdvancedStudy && school.advancedSubjects.isEmpty();
}

bool HighResultsCriterion::confirmedAbove(const GiaEvidence &gia) {
    return gia.found && gia.position >= kConfirmedZ * gia.standardError;
}

QString HighResultsCriterion::confirmedAboveText(const GiaEvidence &gia) {
    return QStringLiteral("подтверждено %1 (%2): %3 при ст. ошибке %4 — выше региона")
        .arg(giaBasis(gia), gia.description, signedFixed(gia.position, 2),
             NumberText::fixed(gia.standardError, 2));
}

CriterionFinding HighResultsCriterion::evaluate(const CriterionInput &in, const GiaEvidence &gia) {
    CriterionFinding f;
    f.code = staticCode(criterion::HighResults);
    if (notTested(in, f))
        return f;
    const auto &m = in.metrics;
    const auto &r = in.regionMetrics;
    const QString vprText =
        QStringLiteral("Средний процент выполнения ВПР %1 % при %2 % по региону (качество %3 % "
                       "против %4 %); школа не гимназия, не лицей и не школа с углублённым "
                       "изучением предмета. ")
            .arg(NumberText::fixed(m.meanPercent, 1), NumberText::fixed(r.meanPercent, 1),
                 NumberText::fixed(m.qualityPct, 1), NumberText::fixed(r.qualityPct, 1));
    if (!gia.found) {
        // nothing confirms or refutes: the ФИОКО wording needs the school's ГИА
        const bool few = gia.smallParticipants > 0;
        const QString missing = missingGia(gia);
        if (in.settings.value(QStringLiteral("high_results.flag_without_gia")) == 0) {
            f.skip(few ? reason::GiaTooFew : reason::NoGia,
                   QStringLiteral("не проверялось: ") + missing);
            return f;
        }
        f.threshold = in.settings.value(QStringLiteral("high_results.min_diff_pp"));
        const TestResult t = ZTest::meansGreater(m.meanPercent, m.sdPercent * m.sdPercent, m.n,
                                                 r.meanPercent, r.sdPercent * r.sdPercent, r.n);
        if (!t.valid) {
            f.skip(reason::NotApplicable,
                   QStringLiteral("не проверялось: нет разброса результатов"));
            return f;
        }
        f.pValue = t.pValue;
        f.statistic = t.statistic;
        const double diff = m.meanPercent - r.meanPercent;
        f.effectSize = diff;
        if (diff < f.threshold)
            return f;
        f.effect = true;
        f.explanation =
            vprText +
            QStringLiteral("Превышение региона на %1 п. п. ").arg(NumberText::fixed(diff, 1)) +
            (few ? QStringLiteral("ОГЭ/ЕГЭ школы по этому предмету %1 — "
                                  "меньше %2, нужных для сравнения: подтверждение результатами "
                                  "ГИА не проверено.")
                       .arg(satBy(gia.smallParticipants))
                       .arg(gia.minimum)
                 : QStringLiteral("Результатов ОГЭ/ЕГЭ школы по этому предмету в базе нет — "
                                  "подтверждение результатами ГИА не проверено."));
        return f;
    }
    f.threshold = in.settings.value(QStringLiteral("high_results.min_gap_sd"));
    const auto [rawVpr, rawSe] = GiaEvidenceIndex::vprPosition(m, r, gia.vprWithin);
    if (std::isnan(rawSe) || std::isnan(gia.standardError) || !(gia.vprSpread > 0)) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: нет разброса результатов"));
        return f;
    }
    // both positions in units of their procedure's spread between schools
    const double vpr = rawVpr / gia.vprSpread, vprSe = rawSe / gia.vprSpread;
    // the same pupils linked by code: their own gap, without the composition of either group
    const bool linked = gia.linkedPupils > 0;
    const TestResult t =
        linked ? ZTest::differenceGreater(gia.linkedGap, gia.linkedSe, 0, 0)
               : ZTest::differenceGreater(vpr, std::sqrt(vprSe * vprSe + gia.excessVariance),
                                          gia.position, gia.standardError);
    if (!t.valid) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: нет разброса результатов"));
        return f;
    }
    f.pValue = t.pValue;
    f.statistic = t.statistic;
    const double gap = linked ? gia.linkedGap : vpr - gia.position;
    f.effectSize = gap;
    if (rawVpr < in.settings.value(QStringLiteral("high_results.min_position"))) {
        f.reason = staticCode(reason::NotApplicable);
        f.reasonText = QStringLiteral("результат ВПР не выше региона");
        return f;
    }
    // what the ВПР was compared with: the school's ГИА in the subject, or (a subject whose ОГЭ is
    // chosen) its ОГЭ in Русский язык and Математика
    const QString basis = giaBasis(gia);
    if (gap < f.threshold) {
        f.reason = staticCode(reason::Confirmed);
        f.reasonText = QStringLiteral("подтверждено %1 (%2): разрыв %3 меньше порога %4")
                           .arg(basis, gia.description, NumberText::fixed(gap, 2),
                                NumberText::fixed(f.threshold, 2));
        return f;
    }
    // a school clearly above the region on its own ГИА has its high results confirmed, even if
    // the ВПР puts it higher still (tests compress the top differently)
    if (confirmedAbove(gia)) {
        f.reason = staticCode(reason::Confirmed);
        f.reasonText = confirmedAboveText(gia);
        return f;
    }
    f.effect = true;
    const bool other = gia.otherSubjects;
    f.explanation =
        vprText +
        (other ? QStringLiteral("ОГЭ по этому предмету — по выбору, поэтому уровень школы взят по "
                                "ОГЭ, который сдают все, — по русскому языку и математике. ")
               : QString()) +
        QStringLiteral("Позиция школы против региона в стандартных отклонениях между школами: "
                       "на ВПР %1 (ст. ошибка %2), на %3 %4 (ст. ошибка %5; %6%7): "
                       "результат ВПР выше %8 на %9 (z = %10).")
            .arg(signedFixed(vpr, 2), NumberText::fixed(vprSe, 2),
                 other ? QStringLiteral("ОГЭ по русскому языку и математике")
                       : QStringLiteral("ГИА по предмету"),
                 signedFixed(gia.position, 2), NumberText::fixed(gia.standardError, 2),
                 gia.description, gia.sameCohort ? QStringLiteral(" — те же ученики") : QString(),
                 other ? QStringLiteral("общего уровня школы")
                       : QStringLiteral("собственного уровня школы на ГИА"),
                 NumberText::fixed(gap, 2), NumberText::fixed(t.statistic, 1));
    if (linked)
        f.explanation =
            f.explanation.chopped(1) + // «…(z = 3,1)» + the linked pupils
            QStringLiteral(", по работам одних и тех же учеников (%1 уч., ВПР и ОГЭ "
                           "связаны кодом участника; ст. ошибка разрыва %2; по региону "
                           "две работы ученика согласуются с корреляцией %3).")
                .arg(gia.linkedPupils)
                .arg(NumberText::fixed(gia.linkedSe, 2), NumberText::fixed(gia.linkCorrelation, 2));
    if (gia.excessVariance > 0)
        f.explanation +=
            QStringLiteral(" В z учтён и обычный для региона разброс такого разрыва между школами "
                           "сверх случайного состава учеников (±%1%2: %3).")
                .arg(NumberText::fixed(std::sqrt(gia.excessVariance), 2),
                     gia.oneClass && !linked ? QStringLiteral(" у школ с одним классом в параллели")
                                             : QString(),
                     other ? QStringLiteral("предметы и учителя в школе сильны по-разному")
                           : QStringLiteral("учителя и классы разных лет различаются"));
    return f;
}

CriterionFinding HighResultsCriterion::evaluateAgainstJournal(const CriterionInput &in,
                                                              const JournalSchoolBaseline &baseline,
                                                              int entry) {
    CriterionFinding f;
    f.code = staticCode(criterion::HighResults);
    f.label = QStringLiteral("по сравнению с журналом школы");
    f.family = QStringLiteral("journal");
    const double minZ = in.settings.value(QStringLiteral("high_results.journal_min_z"));
    f.threshold = minZ;
    if (notTested(in, f))
        return f;
    if (entry < 0) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: нет отметок по журналу (или в процедуре мало школ "
                              "с ними)"));
        return f;
    }
    const QString why = baseline.whyNotTested(
        entry, in.settings.intValue(QStringLiteral("journal.within_min_units")));
    if (!why.isEmpty()) {
        f.skip(reason::NotApplicable, why);
        return f;
    }
    const auto index = static_cast<std::size_t>(entry);
    const JournalSchoolBaseline::Within &w = baseline.within(index);
    if (w.cohortOthers == 0) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: те же ученики в этом году не писали ВПР по другим "
                              "предметам (с отметками по журналу) — рост результата нельзя "
                              "отделить от более сильного набора учеников"));
        return f;
    }
    // the journal witnesses a result only where it follows results: at a school grading relative
    // to the class a good teacher's result rises and the journal stays where it was
    const double regionSlope = baseline.levelSlope();
    if (regionSlope > 0 && w.levelSlope + StudentT::quantile(0.99, w.others - 2) * w.levelSlopeSe <
                               kMinJournalFollow * regionSlope) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: отметки по журналу в этой школе не следуют её "
                              "результатам (%1 ± %2 отметки на стандартное отклонение результата "
                              "по другим процедурам школы при %3 в школах региона) — так ставят "
                              "отметки относительно класса, и журнал не может ни подтвердить, ни "
                              "опровергнуть результат")
                   .arg(signedFixed(w.levelSlope, 2), NumberText::fixed(w.levelSlopeSe, 2),
                        signedFixed(regionSlope, 2)));
        return f;
    }
    const double z = baseline.zStrict(index), t = baseline.tStrict(index);
    if (std::isnan(z) || std::isnan(t)) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: разброс процедур внутри школ не определён"));
        return f;
    }
    // p from z, with the honest spread of units inside schools: a unit as far from its school's
    // usual as honest units often are is no discovery (t alone would make most units «significant»)
    f.pValue = NormalDistribution::sf(z);
    f.statistic = t;
    f.effectSize = z;
    if (z < minZ)
        return f;
    const double position = baseline.entry(index).position;
    const double minRise = in.settings.value(QStringLiteral("high_results.journal_min_rise"));
    const double rise = position - w.positionBaseline;
    const double cohortRise = position - w.cohortPositionBaseline;
    if (rise < minRise) {
        f.belowThreshold(QStringLiteral("результат ВПР не выше обычного для школы: позиция %1 "
                                        "при %2 в других процедурах (нужно выше на %3) — журнал "
                                        "строже обычного, а не результат выше")
                             .arg(signedFixed(position, 2), signedFixed(w.positionBaseline, 2),
                                  NumberText::fixed(minRise, 2)));
        return f;
    }
    if (cohortRise < minRise) {
        f.belowThreshold(
            QStringLiteral("те же ученики и по другим предметам ВПР этого года выше обычного для "
                           "школы (позиция %1 при %2 здесь): сильнее набор учеников, а не "
                           "результат одной работы")
                .arg(signedFixed(w.cohortPositionBaseline, 2), signedFixed(position, 2)));
        return f;
    }
    f.effect = true;
    const auto &m = in.metrics;
    f.explanation =
        QStringLiteral(
            "Результат ВПР выше обычного для этой школы, а отметки по журналу этого не "
            "подтверждают. Средний балл против региона (в стандартных отклонениях участников) "
            "%1 при %2 в других процедурах школы (медиана по %3) и %4 у тех же учеников по другим "
            "предметам ВПР этого года (медиана по %5): выше на %6 и %7 (порог %8). "
            "Разница «отметка за работу − отметка по журналу» больше, чем обычно в этой школе "
            "при таком результате, на %9 отметки (отклонение %10 с учётом обычного разброса "
            "процедур внутри школ региона, "
            "порог %11). Повысили (отметка за работу выше отметки по журналу): %12 из %13, "
            "понизили: %14. Учителя школы оценивают этих учеников как обычно, а работа "
            "показывает их сильнее, чем они выглядят в других предметах и годах: так выглядит "
            "завышенный результат ВПР (подсказки, мягкая проверка).")
            .arg(signedFixed(position, 2), signedFixed(w.positionBaseline, 2),
                 QString::number(w.others), signedFixed(w.cohortPositionBaseline, 2),
                 QString::number(w.cohortOthers), NumberText::fixed(rise, 2),
                 NumberText::fixed(cohortRise, 2), NumberText::fixed(minRise, 2),
                 signedFixed(baseline.centre() - w.difference, 2))
            .arg(signedFixed(z, 1), NumberText::fixed(minZ, 1), QString::number(m.raised),
                 NumberText::counted(m.journalPairs, u"участника", u"участников", u"участников"),
                 QString::number(m.lowered));
    return f;
}

} // namespace objectivity::core
