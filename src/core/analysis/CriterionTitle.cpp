#include "objectivity/core/analysis/CriterionTitle.h"

#include <QHash>
#include <QLocale>

#include <cmath>

namespace objectivity::core {

QString findingTitle(const CriterionFinding &f) {
    return f.label.isEmpty() ? criterionTitle(f.code)
                             : criterionTitle(f.code) + QStringLiteral(", ") + f.label;
}

bool checksARule(const QString &code) {
    return code == u"medals_unsupported";
}

QString probabilityText(const CriterionFinding &f, double value) {
    if (std::isnan(value))
        return QStringLiteral("—");
    if (checksARule(f.code))
        return QStringLiteral("по правилу");
    if (value < 0.0001)
        return QStringLiteral("< 0,0001");
    return QLocale(QLocale::Russian).toString(value, 'f', 4);
}

QString criterionTitle(const QString &code) {
    static const QHash<QString, QString> titles = {
        {QStringLiteral("high_results_unconfirmed"),
         QStringLiteral("Высокие результаты не подтверждены")},
        {QStringLiteral("difficulty_inversion"),
         QStringLiteral("Лёгкие задания хуже, сложные лучше")},
        {QStringLiteral("boundary_bunching"), QStringLiteral("Скопление баллов у границ отметок")},
        {QStringLiteral("journal_mismatch_lenient"),
         QStringLiteral("Много «понизили» (журнал выше)")},
        {QStringLiteral("journal_mismatch_inflated"),
         QStringLiteral("Много «повысили» при высоком результате")},
        {QStringLiteral("journal_mismatch_strict"),
         QStringLiteral("Много «повысили»: журнал строже результата")},
        {QStringLiteral("journal_mismatch_scatter"),
         QStringLiteral("Отметки по журналу не следуют работе")},
        {QStringLiteral("cohort_drop"), QStringLiteral("4 класс не подтвердился в 5 классе")},
        {QStringLiteral("cohort_unconfirmed"),
         QStringLiteral("Не подтвердилось у тех же учеников через год")},
        {QStringLiteral("gia_vs_annual"), QStringLiteral("ГИА не подтверждает годовые отметки")},
        {QStringLiteral("medals_unsupported"), QStringLiteral("Медали без подтверждения ЕГЭ")},
        {QStringLiteral("mark_scale_mismatch"), QStringLiteral("Отметки не соответствуют шкале")},
        {QStringLiteral("person_fit"), QStringLiteral("Много работ «сложное решено, лёгкое нет»")},
    };
    return titles.value(code, code);
}

} // namespace objectivity::core
