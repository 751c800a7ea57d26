#include "objectivity/core/analysis/AnalysisSettings.h"

namespace objectivity::core {

const QList<AnalysisSetting> &AnalysisSettings::definitions() {
    static const QList<AnalysisSetting> defs = {
        {QStringLiteral("min_participants"), 10,
         QStringLiteral("Минимальное число участников в единице анализа; меньше — «недостаточно "
                        "данных», признак не ставится"),
         true},
        {QStringLiteral("fdr_alpha"), 0.05,
         QStringLiteral("Уровень значимости после поправки Бенджамини–Хохберга (доля ложных "
                        "открытий) для каждого критерия")},
        {QStringLiteral("high_results.min_position"), 0,
         QStringLiteral("Высокие результаты: стандартизованная позиция школы на ВПР выше региона "
                        "не менее чем на столько стандартных отклонений (0 — выше среднего)")},
        {QStringLiteral("high_results.min_gap_sd"), 1,
         QStringLiteral("Высокие результаты не подтверждены: позиция на ВПР выше собственной "
                        "позиции школы на ОГЭ/ЕГЭ не менее чем на столько стандартных отклонений "
                        "между школами")},
        {QStringLiteral("high_results.gia_years"), 1,
         QStringLiteral("ГИА других когорт ищется в годы Y−k…Y+k (k — это значение), если ГИА той "
                        "же когорты в базе нет"),
         true},
        {QStringLiteral("high_results.flag_without_gia"), 0,
         QStringLiteral("1 — отмечать высокие результаты и при отсутствии данных ГИА (превышение "
                        "региона, с пометкой), 0 — не отмечать"),
         true},
        {QStringLiteral("high_results.min_diff_pp"), 12,
         QStringLiteral("Высокие результаты без данных ГИА (если их отмечать): средний процент "
                        "выполнения выше региона не менее чем на столько процентных пунктов")},
        {QStringLiteral("high_results.journal_min_z"), 3.5,
         QStringLiteral("Результаты не подтверждены журналом школы: отметки за работу выше отметок "
                        "по журналу больше обычного для других процедур той же школы не меньше "
                        "чем на столько обычных разбросов процедур внутри школ региона "
                        "(робастное z)")},
        {QStringLiteral("high_results.journal_min_rise"), 0.3,
         QStringLiteral("Результаты не подтверждены журналом школы: средний балл выше обычного для "
                        "школы и выше, чем у тех же учеников по другим предметам, не меньше чем на "
                        "столько стандартных отклонений участников")},
        {QStringLiteral("high_results.combined_min_z"), 1,
         QStringLiteral("Результаты не подтверждены по совокупности сравнений (с ГИА школы, с её "
                        "журналом, с результатом тех же учеников через год): каждое сравнение "
                        "показывает результат ВПР выше не меньше чем на столько z")},
        {QStringLiteral("difficulty.min_gap_pp"), 5,
         QStringLiteral("Инверсия трудности: баллы за задания П/В выше ожидаемых для участников "
                        "региона с тем же первичным баллом не менее чем на столько п. п. "
                        "максимума П/В")},
        {QStringLiteral("bunching.window"), 3,
         QStringLiteral("Граничные баллы: наибольшая ширина окна (баллов) ниже границы отметки; "
                        "проверяются все ширины от 1 до этой, с поправкой на их число"),
         true},
        {QStringLiteral("bunching.min_missing_share"), 0.5,
         QStringLiteral("Граничные баллы: недостаёт не меньше этой доли работ, ожидаемых на "
                        "1–w баллов ниже границы (при избытке ровно на границе)")},
        {QStringLiteral("bunching.min_count"), 8,
         QStringLiteral("Граничные баллы: минимальное число участников в окне у одной границы"),
         true},
        {QStringLiteral("bunching.weight_3"), 2,
         QStringLiteral("Граничные баллы: вес проверки границы «3» во взвешенной поправке "
                        "Бенджамини–Хохберга (дотягивают чаще всего до «3»; веса проверок "
                        "критерия приводятся к среднему 1, «все границы» — вес 1)")},
        {QStringLiteral("bunching.weight_4"), 1,
         QStringLiteral("Граничные баллы: вес проверки границы «4» во взвешенной поправке")},
        {QStringLiteral("bunching.weight_5"), 0.5,
         QStringLiteral("Граничные баллы: вес проверки границы «5» во взвешенной поправке "
                        "(до «5» дотягивают реже всего)")},
        {QStringLiteral("journal.min_robust_z"), 2,
         QStringLiteral("Расхождение с журналом: разность «повысили − понизили» школы отличается "
                        "от медианы школ региона в той же процедуре не меньше чем на столько "
                        "обычных разбросов между школами (робастное z)")},
        {QStringLiteral("journal.min_level_z"), 1.645,
         QStringLiteral("Расхождение с журналом: мягкий (строгий) журнал называется, только если "
                        "средняя отметка по журналу выше (ниже) обычной по региону не меньше чем "
                        "на столько стандартных ошибок — иначе сдвиг объясняется уровнем класса "
                        "(оценивание относительно класса)")},
        {QStringLiteral("journal.within_min_z"), 3.5,
         QStringLiteral("Расхождение с журналом по сравнению со школой: журнал процедуры мягче "
                        "обычного для других процедур той же школы не меньше чем на столько "
                        "обычных разбросов процедур внутри школ региона (робастное z)")},
        {QStringLiteral("journal.within_min_units"), 4,
         QStringLiteral("Расхождение с журналом по сравнению со школой: минимальное число других "
                        "процедур школы с отметками по журналу"),
         true},
        {QStringLiteral("journal.class_within_min_z"), 3,
         QStringLiteral("Расхождение с журналом класса по сравнению с этим же классом: журнал "
                        "класса мягче обычного для того же класса в других предметах и годах не "
                        "меньше чем на столько обычных разбросов таких разниц у классов региона "
                        "(для самого отклоняющегося из K классов параллели порог выше — по "
                        "поправке Шидака)")},
        {QStringLiteral("journal.scatter_min_z"), 3,
         QStringLiteral("Журнал не следует работе: разброс разницы «отметка за "
                        "работу − отметка по журналу» внутри классов больше обычного для школ "
                        "региона в той же процедуре не меньше чем на столько обычных разбросов "
                        "между школами (робастное z по логарифму дисперсии)")},
        {QStringLiteral("journal.inflated_position"), 0.5,
         QStringLiteral("Расхождение с журналом: много «повысили» при результате выше региона не "
                        "меньше чем на столько стандартных отклонений — «результат выше "
                        "журнала», иначе — «журнал строже результата»")},
        {QStringLiteral("cohort.min_position"), 0,
         QStringLiteral("Когорта: результат 4 класса (и ВПР 5–7 классов у связанных учеников) "
                        "выше региона не менее чем на столько стандартных отклонений (0 — не "
                        "ниже среднего по региону)")},
        {QStringLiteral("cohort.min_drop"), 0.5,
         QStringLiteral("Когорта: падение стандартизованной позиции от 4 к 5 классу (и у тех "
                        "же учеников от 5–7 класса к следующему) не меньше этого значения")},
        {QStringLiteral("gia_annual.min_diff_pp"), 15,
         QStringLiteral("ГИА и годовые: доля расхождений (годовая «5» — ГИА «3» и ниже; годовая "
                        "«4»–«5» — не сдал) выше региона не менее чем на столько п. п.")},
        {QStringLiteral("gia_annual.ege_low_score"), 50,
         QStringLiteral("ЕГЭ: тестовый балл ниже этого значения считается низким для годовой «5»"),
         true},
        {QStringLiteral("person_fit.percentile"), 99,
         QStringLiteral("Согласованность ответов: работа нетипична, если её нормированное число "
                        "ошибок Гуттмана выше этого процентиля работ региона с тем же первичным "
                        "баллом (0 — критерий не применяется)")},
        {QStringLiteral("person_fit.min_excess_pp"), 10,
         QStringLiteral("Согласованность ответов: доля нетипичных работ выше, чем в остальных "
                        "школах региона, не менее чем на столько процентных пунктов")},
        {QStringLiteral("person_fit.min_count"), 3,
         QStringLiteral("Согласованность ответов: минимальное число нетипичных работ в школе или "
                        "классе для признака"),
         true},
        {QStringLiteral("medals.min_count"), 1,
         QStringLiteral("Медали: минимальное число медалистов без подтверждения ЕГЭ для признака"),
         true},
        {QStringLiteral("scale_mismatch.min_count"), 3,
         QStringLiteral("Отметки не по шкале: минимальное число работ с отметкой выше шкалы "
                        "(одна описка признаком не считается)"),
         true},
        {QStringLiteral("scale_mismatch.min_share_pp"), 5,
         QStringLiteral("Отметки не по шкале: доля работ с отметкой выше шкалы больше, чем в "
                        "других школах региона, не менее чем на столько п. п.")},
    };
    return defs;
}

bool AnalysisSettings::isKnown(const QString &key) {
    for (const auto &d : definitions())
        if (d.key == key)
            return true;
    return false;
}

double AnalysisSettings::value(const QString &key) const {
    const auto it = m_values.constFind(key);
    if (it != m_values.constEnd())
        return it.value();
    for (const auto &d : definitions())
        if (d.key == key)
            return d.defaultValue;
    return 0;
}

bool AnalysisSettings::setFromText(const QString &assignment, QString *error) {
    const int eq = assignment.indexOf(QLatin1Char('='));
    const QString key = assignment.left(eq).trimmed();
    if (eq <= 0 || !isKnown(key)) {
        if (error)
            *error = QStringLiteral("Неизвестный порог «%1»")
                         .arg(assignment.left(eq < 0 ? assignment.size() : eq));
        return false;
    }
    bool ok = false;
    const double v =
        assignment.mid(eq + 1).trimmed().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    if (!ok) {
        if (error)
            *error = QStringLiteral("Значение порога «%1» не является числом").arg(key);
        return false;
    }
    setValue(key, v);
    return true;
}

} // namespace objectivity::core
