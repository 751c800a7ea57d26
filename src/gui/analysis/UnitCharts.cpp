#include "objectivity/gui/analysis/UnitCharts.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/io/export/ChartPalette.h"

#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace objectivity::gui {

namespace {

using io::ChartPalette;
const QColor kSchool(ChartPalette::results);         // the school: red
const QColor kRegion(ChartPalette::region);          // the other schools: grey
const QColor kMunicipal(ChartPalette::municipality); // the municipality: blue

QChart *makeChart(const QString &title) {
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    chart->setTitleFont(font);
    chart->setLocale(QLocale(QLocale::Russian, QLocale::Russia));
    chart->setLocalizeNumbers(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(true);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    return chart;
}

// A chart of lines and points only: each legend entry drawn as its series is (a line as a line,
// the dashed boundaries dashed; circle ВПР, square ОГЭ, triangle ЕГЭ, the ring of the unit), as
// the hint under the chart names them. Not for bars: Qt draws a bar's marker from the series
// as an empty box.
void legendFromSeries(QChart *chart) {
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
}

QValueAxis *valueAxis(const QString &title, double min, double max, const QString &format) {
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(min, max);
    axis->setLabelFormat(format);
    return axis;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

double share(int count, int total) {
    return total > 0 ? 100.0 * count / total : 0;
}

// A percentage axis from 0 with room above `top` and round ticks (every 5, 10 or 20 %).
QValueAxis *percentAxis(const QString &title, double top) {
    const double room = std::min(100.0, top * 1.12);
    const double step = room <= 25 ? 5 : room <= 60 ? 10 : 20;
    const double max = std::max(step, std::ceil(room / step) * step);
    QValueAxis *axis = valueAxis(title, 0, max, QStringLiteral("%.0f"));
    axis->setTickCount(static_cast<int>(std::lround(max / step)) + 1);
    return axis;
}

} // namespace

UnitCharts::Chart UnitCharts::distribution(const UnitCardData &d) {
    const auto &dist = d.distribution;
    const int schoolTotal = dist.schoolTotal(), regionTotal = dist.regionTotal();
    if (d.isMedals()) // no procedure of its own: nothing to say
        return {};
    if (!d.hasProcedure || schoolTotal == 0)
        return {nullptr, QStringLiteral("Распределение баллов: нет результатов школы в этой "
                                        "процедуре.")};
    QChart *chart = makeChart(QStringLiteral("Распределение первичных баллов: школа и регион"));
    legendFromSeries(chart);
    auto *x = valueAxis(QStringLiteral("Первичный балл"), -0.5, dist.maxPrimary + 0.5,
                        QStringLiteral("%.0f"));
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(dist.maxPrimary <= 20 ? 1 : dist.maxPrimary <= 50 ? 5 : 10);
    double top = 0;
    auto *school = new QLineSeries;
    school->setName(QStringLiteral("Школа (%1)").arg(schoolTotal));
    auto *region = new QLineSeries;
    region->setName(QStringLiteral("Другие школы (%1)").arg(regionTotal));
    for (int p = 0; p <= dist.maxPrimary; ++p) {
        const double s = share(dist.school.value(p), schoolTotal);
        const double r = share(dist.region.value(p), regionTotal);
        school->append(p, s);
        region->append(p, r);
        top = std::max({top, s, r});
    }
    auto *y = percentAxis(QStringLiteral("Доля участников, %"), top);
    const double yMax = y->max();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    QPen regionPen(kRegion, 2);
    region->setPen(regionPen);
    QPen schoolPen(kSchool, 2.5);
    school->setPen(schoolPen);
    school->setPointsVisible(true);
    attach(chart, region, x, y);
    attach(chart, school, x, y);
    QStringList bounds;
    for (int k = 0; k < 3; ++k) {
        const int b = dist.minFor[k];
        if (b <= 0)
            continue;
        auto *line = new QLineSeries;
        line->setName(QStringLiteral("«%1» от %2").arg(k + 3).arg(b));
        line->append(b - 0.5, 0);
        line->append(b - 0.5, yMax);
        QPen pen(QColor(ChartPalette::official), 1.5, Qt::DashLine);
        line->setPen(pen);
        attach(chart, line, x, y);
        // one legend entry for all the boundaries
        const auto markers = chart->legend()->markers(line);
        for (QLegendMarker *m : markers) {
            m->setLabel(QStringLiteral("Границы отметок"));
            m->setVisible(bounds.isEmpty());
        }
        bounds << QStringLiteral("«%1» от %2").arg(k + 3).arg(b);
    }
    QString hint =
        QStringLiteral("Красная линия — доли участников школы с каждым первичным баллом, серая — "
                       "остальных школ "
                       "региона (в скобках — число участников). Пунктир — границы отметок%1. "
                       "Смотрите, нет ли у школы «пика» сразу справа от "
                       "границы и «провала» слева от неё: так выглядит дотягивание работ до "
                       "следующей отметки.")
            .arg(bounds.isEmpty() ? QString()
                                  : QStringLiteral(" (%1 %2)")
                                        .arg(dist.fromScale ? QStringLiteral("по шкале перевода:")
                                                            : QStringLiteral("по данным:"),
                                             bounds.join(QStringLiteral(", "))));
    return {chart, hint};
}

UnitCharts::Chart UnitCharts::journal(const UnitCardData &d) {
    const core::UnitReport &u = d.unit;
    if (d.isMedals())
        return {};
    if (u.metrics.journalPairs == 0)
        return {nullptr,
                u.marksMissing > 0 && u.marksMissing == u.n
                    ? QStringLiteral("Понизили / подтвердили / повысили: в данных школы нет "
                                     "отметок за работу, а шкалы перевода баллов в отметку для "
                                     "этой процедуры нет (её можно ввести: «Результаты» → "
                                     "«Шкалы отметок»).")
                    : QStringLiteral("Понизили / подтвердили / повысили: в данных школы нет "
                                     "отметок по журналу для этой процедуры.")};
    QChart *chart = makeChart(QStringLiteral("Отметка за работу и отметка по журналу"));
    auto *series = new QHorizontalStackedBarSeries;
    // Each share is two sets of one colour: the label of a segment too narrow for its figure
    // («1,8» in 2 % of the bar ran over the axis and lost its first digit) is not drawn; the
    // segment's set, with a transparent label and no legend entry, stands beside the labelled one.
    struct Share {
        QBarSet *labelled;
        QBarSet *narrow;
    };
    auto share = [&](const QString &name, std::uint32_t colour) {
        Share set{new QBarSet(name), new QBarSet(name)};
        for (QBarSet *b : {set.labelled, set.narrow})
            b->setColor(QColor(colour));
        set.narrow->setLabelColor(Qt::transparent);
        return set;
    };
    const Share lowered =
        share(QStringLiteral("Понизили (ниже, чем по журналу)"), ChartPalette::lowered);
    const Share confirmed = share(QStringLiteral("Подтвердили"), ChartPalette::confirmed);
    const Share raised =
        share(QStringLiteral("Повысили (выше, чем по журналу)"), ChartPalette::raised);
    constexpr double kNarrowPct = 7; // a label «12,3» needs about this much of the bar
    QStringList categories;
    auto add = [&](const QString &name, const core::UnitMetrics &m) {
        if (m.journalPairs == 0)
            return;
        categories << QStringLiteral("%1 (%2)").arg(name).arg(m.journalPairs);
        for (const auto &[set, pct] :
             {std::pair{lowered, m.loweredPct}, std::pair{confirmed, m.confirmedPct},
              std::pair{raised, m.raisedPct}}) {
            const double value = std::round(pct * 10) / 10;
            const bool narrow = value < kNarrowPct;
            *set.labelled << (narrow ? 0.0 : value);
            *set.narrow << (narrow ? value : 0.0);
        }
    };
    // the first category is drawn at the bottom: the school comes last, on top
    add(QStringLiteral("Регион, др. школы"), u.region);
    add(QStringLiteral("Муниципалитет, др. школы"), u.municipal);
    add(QStringLiteral("Школа"), u.metrics);
    series->append({lowered.labelled, lowered.narrow, confirmed.labelled, confirmed.narrow,
                    raised.labelled, raised.narrow});
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setTitleText(QStringLiteral("С обеими отметками")); // the counts in brackets
    auto *x = valueAxis(QStringLiteral("Доля участников с отметкой по журналу, %"), 0, 100,
                        QStringLiteral("%.0f"));
    x->setTickCount(11);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
    for (QLegendMarker *m : chart->legend()->markers(series)) {
        const QBarSet *set = static_cast<QBarLegendMarker *>(m)->barset();
        m->setVisible(set != lowered.narrow && set != confirmed.narrow && set != raised.narrow);
    }
    QString hint =
        QStringLiteral("Доли участников, у которых отметка за работу ниже отметки по журналу "
                       "(понизили), такая же (подтвердили) или выше (повысили); в скобках — число "
                       "участников с обеими отметками. Много «понизили» у школы при обычной "
                       "картине у других школ — завышенные отметки в журнале; почти 100 % "
                       "«подтвердили» при слабых результатах — повод проверить саму работу.");
    if (u.marksFromScale > 0 && u.journalScale.isEmpty())
        hint += QStringLiteral(" Отметки за работу в данных нет у %1 из %2 участников школы: взята "
                               "отметка по шкале перевода для их первичного балла.")
                    .arg(u.marksFromScale)
                    .arg(u.n);
    else if (u.marksFromScale > 0)
        hint += QStringLiteral(" Отметок за работу и шкалы перевода в данных нет: за отметку взята "
                               "та, которую при таком первичном балле ставят по журналу "
                               "большинство школ региона (%1).")
                    .arg(u.journalScale);
    return {chart, hint};
}

QList<int> UnitCharts::taskOrder(const core::UnitMetrics &region) {
    QList<int> order(static_cast<int>(region.taskPercent.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return region.taskPercent[static_cast<std::size_t>(a)] >
               region.taskPercent[static_cast<std::size_t>(b)];
    });
    return order;
}

UnitCharts::Chart UnitCharts::tasks(const UnitCardData &d) {
    const core::UnitReport &u = d.unit;
    const std::size_t count = u.metrics.taskPercent.size();
    if (d.isMedals())
        return {};
    if (count == 0 || u.region.taskPercent.size() != count)
        return {nullptr, QStringLiteral("Выполнение заданий: в данных нет баллов по заданиям.")};
    QChart *chart = makeChart(QStringLiteral("Выполнение заданий: школа и регион"));
    auto *school = new QBarSet(QStringLiteral("Школа"));
    auto *region = new QBarSet(QStringLiteral("Остальные школы региона"));
    school->setColor(kSchool);
    region->setColor(kRegion);
    QStringList categories;
    bool levels = false;
    // levels not given: the tasks the analysis took as hard (the region solves them worst)
    const bool inferred = u.taskLevels == core::TaskLevelSource::Inferred;
    for (int i : taskOrder(u.region)) {
        const auto k = static_cast<std::size_t>(i);
        QString label =
            i < d.procedure.tasks.size() ? d.procedure.tasks[i].label : QString::number(i + 1);
        if (i < d.procedure.tasks.size() &&
            d.procedure.tasks[i].level != core::TaskLevel::Unknown) {
            label += QLatin1Char(' ') + core::taskLevelCode(d.procedure.tasks[i].level);
            levels = true;
        } else if (inferred && u.hardTasks.contains(label)) {
            label += QStringLiteral(" сл.");
        }
        categories << label;
        *school << std::round(u.metrics.taskPercent[k] * 10) / 10;
        *region << std::round(u.region.taskPercent[k] * 10) / 10;
    }
    auto *series = new QBarSeries;
    series->append({school, region});
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(levels     ? QStringLiteral("Задание и уровень: Б — базовый, П — повышенный, "
                                                    "В — высокий")
                    : inferred ? QStringLiteral("Задание («сл.» — сложное по выполнению в регионе: "
                                                "уровней в данных нет)")
                               : QStringLiteral("Задание"));
    if (categories.size() > 10)
        x->setLabelsAngle(-90);
    auto *y = valueAxis(QStringLiteral("Выполнили, %"), 0, 100, QStringLiteral("%.0f"));
    y->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
    return {chart, QStringLiteral(
                       "Процент выполнения каждого задания; задания упорядочены по трудности для "
                       "региона — слева самые лёгкие. Обычно школа, как и регион, выполняет "
                       "лёгкие задания лучше трудных. Если школа проваливает лёгкие задания и "
                       "при этом хорошо решает трудные (уровни П и В), это признак подсказок "
                       "или списывания.")};
}

UnitCharts::Chart UnitCharts::positions(const UnitCardData &d) {
    if (d.positions.isEmpty())
        return {nullptr, QStringLiteral("Положение школы: нет результатов школы.")};
    QChart *chart = makeChart(QStringLiteral("Положение школы среди школ региона по годам"));
    legendFromSeries(chart);
    int minYear = d.positions.first().year, maxYear = minYear;
    double extent = 1.5;
    for (const auto &p : d.positions) {
        minYear = std::min(minYear, p.year);
        maxYear = std::max(maxYear, p.year);
        extent = std::max(extent, std::abs(p.position) * 1.1);
    }
    const double tick = extent <= 3 ? 0.5 : 1; // round ticks: every half or whole deviation
    extent = std::ceil(extent / tick) * tick;
    auto *x = new QCategoryAxis;
    x->setTitleText(QStringLiteral("Год (внутри года точки сдвинуты по классам: слева 4-й, справа "
                                   "11-й)"));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setStartValue(minYear - 0.5);
    for (int yr = minYear; yr <= maxYear; ++yr)
        x->append(QString::number(yr), yr);
    x->setRange(minYear - 0.5, maxYear + 0.5);
    auto *y =
        valueAxis(QStringLiteral("Положение, ст. откл."), -extent, extent, QStringLiteral("%.1f"));
    y->setTickCount(static_cast<int>(std::lround(2 * extent / tick)) + 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto *zero = new QLineSeries;
    zero->setName(QStringLiteral("Средний уровень региона"));
    zero->append(minYear - 0.5, 0);
    zero->append(maxYear + 0.5, 0);
    zero->setPen(QPen(kRegion, 1.5, Qt::DashLine));
    attach(chart, zero, x, y);
    struct Kind {
        core::ProcedureKind kind;
        QScatterSeries::MarkerShape shape;
        QColor color;
    };
    const Kind kinds[] = {
        {core::ProcedureKind::VPR, QScatterSeries::MarkerShapeCircle, QColor(0x34, 0x98, 0xDB)},
        {core::ProcedureKind::OGE, QScatterSeries::MarkerShapeRectangle, QColor(0x8E, 0x44, 0xAD)},
        {core::ProcedureKind::EGE, QScatterSeries::MarkerShapeTriangle, QColor(0x16, 0xA0, 0x85)}};
    auto xOf = [](const storage::SchoolPosition &p) { return p.year + (p.grade - 7.5) * 0.05; };
    for (const Kind &k : kinds) {
        auto *s = new QScatterSeries;
        s->setName(core::procedureKindCode(k.kind));
        s->setMarkerShape(k.shape);
        s->setMarkerSize(9);
        s->setColor(k.color);
        s->setBorderColor(k.color.darker(130));
        QList<storage::SchoolPosition> points;
        for (const auto &p : d.positions)
            if (p.kind == k.kind) {
                s->append(xOf(p), p.position);
                points << p;
            }
        if (points.isEmpty()) {
            delete s;
            continue;
        }
        attach(chart, s, x, y);
        QObject::connect(
            s, &QScatterSeries::hovered, s, [points, xOf](const QPointF &at, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                for (const auto &p : points)
                    if (std::abs(xOf(p) - at.x()) < 1e-6 && std::abs(p.position - at.y()) < 1e-6) {
                        QToolTip::showText(QCursor::pos(),
                                           QStringLiteral("%1 %2, %3, %4 класс: %5 (%6 уч.)")
                                               .arg(core::procedureKindCode(p.kind))
                                               .arg(p.year)
                                               .arg(p.subject)
                                               .arg(p.grade)
                                               .arg(core::NumberText::fixed(p.position, 2))
                                               .arg(p.n));
                        return;
                    }
            });
    }
    const core::UnitReport &u = d.unit;
    for (const auto &p : d.positions)
        if (!d.isMedals() && p.kind == u.kind && p.year == u.year && p.grade == u.grade &&
            p.subject == u.subject) {
            auto *mine = new QScatterSeries;
            mine->setName(QStringLiteral("Эта единица"));
            mine->setMarkerSize(16);
            mine->setColor(Qt::transparent);
            mine->setBorderColor(kSchool);
            QPen pen(kSchool, 2.5);
            mine->setPen(pen);
            mine->append(xOf(p), p.position);
            attach(chart, mine, x, y);
        }
    return {chart,
            QStringLiteral(
                "Каждая точка — одна процедура школы (предмет и класс): насколько средний "
                "результат школы выше (больше 0) или ниже (меньше 0) среднего по остальным школам, "
                "в стандартных отклонениях; кружки — ВПР, квадраты — ОГЭ, треугольники — ЕГЭ "
                "(подробности — при наведении). Высокие ВПР при средних или низких ОГЭ и ЕГЭ, "
                "скачок в одном году — повод проверить; ровно высокие результаты во всех "
                "процедурах — скорее сильная школа.")};
}

UnitCharts::Chart UnitCharts::medals(const UnitCardData &d) {
    if (!d.isMedals())
        return {};
    if (d.medallists.isEmpty())
        return {nullptr, QStringLiteral("Медалисты: в данных ЕГЭ этого года у школы нет "
                                        "медалистов.")};
    const int year = d.unit.year;
    const bool since2024 = year >= 2024;
    QChart *chart = makeChart(QStringLiteral("Медалисты %1 года: баллы ЕГЭ и пороги").arg(year));
    auto *russian = new QBarSet(QStringLiteral("Русский язык"));
    auto *other = new QBarSet(since2024 ? QStringLiteral("Лучший другой предмет")
                                        : QStringLiteral("Худший другой предмет"));
    russian->setColor(QColor(0x29, 0x80, 0xB9));
    other->setColor(QColor(0xF3, 0x9C, 0x12));
    QStringList categories;
    QSet<int> medalKinds;
    int broken = 0;
    for (const auto &m : d.medallists) {
        const core::MedalRules::Check check =
            core::MedalRules::check(year, m.medal, m.russian, m.others, m.basicMath);
        broken += check.supported ? 0 : 1;
        medalKinds.insert(static_cast<int>(m.medal));
        // base maths has a mark, not a score: the label carries it when it is the second subject
        const QString basicMath = m.others.isEmpty() && m.basicMath > 0
                                      ? QStringLiteral("<br>база «%1»").arg(m.basicMath)
                                      : QString();
        categories << QStringLiteral("%1 %2 %3%4")
                          .arg(m.code,
                               m.medal == core::Medal::Silver ? QStringLiteral("сер.")
                                                              : QStringLiteral("зол."),
                               check.supported ? QStringLiteral("✔") : QStringLiteral("✘"),
                               basicMath);
        *russian << std::max(0, m.russian);
        int value = 0;
        if (since2024) {
            if (const auto *best = m.bestOther())
                value = best->testScore;
        } else if (!m.others.isEmpty()) {
            value = std::min_element(m.others.cbegin(), m.others.cend(),
                                     [](const auto &a, const auto &b) {
                                         return a.testScore - a.minimum < b.testScore - b.minimum;
                                     })
                        ->testScore;
        }
        *other << value;
    }
    auto *series = new QBarSeries;
    series->append({russian, other});
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(QStringLiteral("Медалист (✔ — баллы ЕГЭ подтверждают медаль, ✘ — нет)"));
    if (categories.size() > 8)
        x->setLabelsAngle(-90);
    auto *y = valueAxis(QStringLiteral("Тестовый балл ЕГЭ"), 0, 100, QStringLiteral("%.0f"));
    y->setTickCount(11);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
    const double right = categories.size() - 0.5;
    for (core::Medal medal : {core::Medal::Gold, core::Medal::Silver}) {
        if (!medalKinds.contains(static_cast<int>(medal)))
            continue;
        const int t = core::MedalRules::russianThreshold(year, medal);
        auto *line = new QLineSeries;
        line->setName(!since2024                   ? QStringLiteral("Порог: %1").arg(t)
                      : medal == core::Medal::Gold ? QStringLiteral("Порог: золото, %1").arg(t)
                                                   : QStringLiteral("Порог: серебро, %1").arg(t));
        line->append(-0.5, t);
        line->append(right, t);
        line->setPen(
            QPen(medal == core::Medal::Gold ? QColor(0xB7, 0x95, 0x0B) : QColor(0x70, 0x7B, 0x7C),
                 2, Qt::DashLine));
        attach(chart, line, x, y);
    }
    return {chart,
            QStringLiteral("Баллы ЕГЭ каждого медалиста. %1 Медалистов, чьи баллы не подтверждают "
                           "медаль: %2 из %3.")
                .arg(since2024
                         ? QStringLiteral("Для золотой медали нужно не меньше %1 баллов по "
                                          "русскому языку и по одному из других предметов, для "
                                          "серебряной — не меньше %2 (пунктир); кто сдавал "
                                          "только русский язык и базовую математику, — «5» по "
                                          "базовой математике.")
                               .arg(core::MedalRules::russianThreshold(year, core::Medal::Gold))
                               .arg(core::MedalRules::russianThreshold(year, core::Medal::Silver))
                         : QStringLiteral("До 2024 года для медали нужно не меньше %1 баллов по "
                                          "русскому языку (пунктир) и не ниже минимального балла "
                                          "по каждому другому предмету (показан худший из них "
                                          "относительно его минимума).")
                               .arg(core::MedalRules::russianThreshold(year, core::Medal::Gold)))
                .arg(broken)
                .arg(d.medallists.size())};
}

} // namespace objectivity::gui
