#include "objectivity/io/export/AnalysisXlsxWriter.h"

#include "export/XlsxPrintLayout.h"
#include "export/XlsxReportSheet.h"
#include "export/XlsxWriteErrorText.h"

#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/io/export/AnalysisTotals.h"
#include "objectivity/io/export/ChartPalette.h"

#include <QFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

namespace objectivity::io {

namespace {

using core::CriterionKind;
using core::NumberText;
using Sheet = XlsxReportSheet;

struct Formats {
    lxw_format *title, *text, *wrap, *bold, *head, *up, *number, *pct, *hundredths, *pValue, *total,
        *totalPct, *kind;
    Formats(lxw_workbook *wb, double pt) {
        auto make = [&](bool isBold = false, bool isWrap = false) {
            lxw_format *f = workbook_add_format(wb);
            format_set_font_name(f, "Arial");
            format_set_font_size(f, pt);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            if (isBold)
                format_set_bold(f);
            if (isWrap)
                format_set_text_wrap(f);
            return f;
        };
        title = make(true);
        format_set_font_size(title, 14);
        text = make();
        wrap = make(false, true);
        bold = make(true, true);
        head = make(true, true);
        format_set_bg_color(head, 0xDDEBF7);
        format_set_border(head, LXW_BORDER_THIN);
        up = make(true, true); // headings of narrow number columns, written upwards
        format_set_bg_color(up, 0xDDEBF7);
        format_set_border(up, LXW_BORDER_THIN);
        format_set_rotation(up, 90);
        format_set_align(up, LXW_ALIGN_CENTER);
        format_set_align(up, LXW_ALIGN_VERTICAL_BOTTOM);
        number = make();
        format_set_num_format(number, "#,##0");
        pct = make();
        format_set_num_format(pct, "0.0");
        hundredths = make();
        format_set_num_format(hundredths, "0.00");
        pValue = make();
        format_set_num_format(pValue, "[<0.0001]\"< 0,0001\";0.0000");
        total = make(true);
        format_set_num_format(total, "#,##0");
        format_set_top(total, LXW_BORDER_THIN);
        totalPct = make(true);
        format_set_num_format(totalPct, "0.0");
        format_set_top(totalPct, LXW_BORDER_THIN);
        kind = make(true, true);
        format_set_bg_color(kind, 0xF2F2F2);
    }
};

QString unitText(const core::UnitReport &u) {
    QString s = QStringLiteral("%1, %2").arg(u.year).arg(core::procedureKindCode(u.kind));
    if (!u.subject.isEmpty())
        s += QStringLiteral(", %1 кл., %2").arg(u.grade).arg(u.subject);
    else
        s += QStringLiteral(", медали");
    return s;
}

// Words for the kinds in narrow columns.
QString kindShort(CriterionKind kind) {
    return kind == CriterionKind::Results ? QStringLiteral("результаты")
                                          : QStringLiteral("текущее оценивание");
}

QString documentTitle(const AnalysisScope &scope, const AnalysisTotals &t) {
    QString title =
        QStringLiteral("Анализ объективности результатов %1").arg(scope.subjectPhrase(t.years));
    if (!scope.municipality.isEmpty())
        title += QStringLiteral(": %1").arg(scope.municipality);
    return title;
}

int writeMunicipalities(Sheet &s, const Formats &f, const AnalysisTotals &t, int row) {
    s.heading(row,
              {QStringLiteral("Муниципалитет"), QStringLiteral("Школ"),
               QStringLiteral("Школ с признаками необъективности результатов"),
               QStringLiteral("Доля, %"),
               QStringLiteral("Школ с признаками необъективности текущего оценивания"),
               QStringLiteral("Доля, %"), QStringLiteral("В официальном списке"),
               QStringLiteral("Работ участников"), QStringLiteral("Понизили, %"),
               QStringLiteral("Подтвердили, %"), QStringLiteral("Повысили, %")},
              f.head, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, f.up, 125);
    ++row;
    auto line = [&](const AnalysisTotals::Municipality &m, const QString &name, bool isTotal) {
        lxw_format *n = isTotal ? f.total : f.number;
        lxw_format *p = isTotal ? f.totalPct : f.pct;
        s.text(row, 0, name, isTotal ? f.total : f.wrap);
        s.number(row, 1, m.schools, n);
        s.number(row, 2, m.schoolsWithResultsSigns, n);
        s.number(row, 3, m.resultsShare(), p);
        s.number(row, 4, m.schoolsWithCurrentSigns, n);
        s.number(row, 5, m.currentShare(), p);
        s.number(row, 6, m.schoolsInOfficialList, n);
        s.number(row, 7, double(m.works), n);
        const double none = std::nan("");
        s.number(row, 8, m.journalPairs ? m.share(m.lowered) : none, p);
        s.number(row, 9, m.journalPairs ? m.share(m.confirmed) : none, p);
        s.number(row, 10, m.journalPairs ? m.share(m.raised) : none, p);
        s.fit(row, {{0, name}});
        ++row;
    };
    for (const auto &m : t.municipalities)
        line(m, m.name, false);
    line(t.total, QStringLiteral("Всего"), true);
    return row;
}

int writeCriteria(Sheet &s, const Formats &f, const AnalysisTotals &t, int row) {
    s.heading(row,
              {QStringLiteral("Критерий"), QString(), QString(), QString(), QString(),
               QStringLiteral("Проверено единиц анализа"), QStringLiteral("Единиц с признаком"),
               QStringLiteral("Школ с признаком"), QStringLiteral("Признаков (с границами)")},
              f.head, {5, 6, 7, 8}, f.up, 90);
    worksheet_merge_range(s.ws(), static_cast<lxw_row_t>(row), 0, static_cast<lxw_row_t>(row), 4,
                          "Критерий", f.head);
    ++row;
    for (const CriterionKind kind : {CriterionKind::Results, CriterionKind::CurrentAssessment}) {
        s.merge(row, 0, 8,
                core::criterionKindTitle(kind) + QStringLiteral(". ") +
                    core::criterionKindMeaning(kind),
                f.kind);
        ++row;
        for (const auto &c : t.criteria) {
            if (c.kind != kind)
                continue;
            s.merge(row, 0, 4, c.title, f.wrap);
            s.number(row, 5, c.tested, f.number);
            s.number(row, 6, c.units, f.number);
            s.number(row, 7, c.schools, f.number);
            s.number(row, 8, c.findings, f.number);
            ++row;
        }
    }
    return row;
}

void writeSummary(Sheet &s, const Formats &f, const core::AnalysisReport &report,
                  const AnalysisScope &scope, const AnalysisTotals &t, const QString &title,
                  int *municipalFirst, int *municipalLast) {
    s.widths({22, 7, 9, 7, 9, 7, 8, 8, 8, 8, 8});
    s.text(0, 0, title, f.title);
    s.setHeight(0, 20);
    int row = 1;
    auto line = [&](const QString &text, lxw_format *format) {
        s.merge(row, 0, 10, text, format);
        ++row;
    };
    line(QStringLiteral("Дата формирования: %1")
             .arg(scope.documentDate().toString(QStringLiteral("dd.MM.yyyy"))),
         f.text);
    QStringList years;
    for (int y : t.years)
        years << QString::number(y);
    // «label — number»: reads right for any count («муниципалитетов — 1»)
    line(QStringLiteral("Проанализировано: работ участников — %1, школ — %2, муниципалитетов — %3; "
                        "единиц анализа (год, процедура, класс, предмет, школа) — %4, из них с "
                        "недостаточными данными — %5. Процедуры: %6; годы: %7; предметов: %8.")
             .arg(core::NumberText::grouped(t.total.works),
                  core::NumberText::grouped(t.total.schools),
                  core::NumberText::grouped(qint64(t.municipalities.size())),
                  core::NumberText::grouped(t.total.units),
                  core::NumberText::grouped(t.total.unitsInsufficient))
             .arg(t.procedures.join(QStringLiteral(", ")), years.join(QStringLiteral(", ")))
             .arg(t.subjects.size()),
         f.wrap);
    line(QStringLiteral("Фильтры: %1.").arg(scope.filtersText()), f.wrap);
    QStringList changed;
    for (const auto &d : core::AnalysisSettings::definitions())
        if (report.settings.value(d.key) != d.defaultValue)
            changed << QStringLiteral("%1 — %2 (по умолчанию %3)")
                           .arg(d.description,
                                QString::number(report.settings.value(d.key))
                                    .replace(QLatin1Char('.'), QLatin1Char(',')),
                                QString::number(d.defaultValue)
                                    .replace(QLatin1Char('.'), QLatin1Char(',')));
    line(changed.isEmpty()
             ? QStringLiteral("Пороговые значения: по умолчанию (лист «Пороговые значения»).")
             : QStringLiteral("Изменённые пороговые значения: %1.")
                   .arg(changed.join(QStringLiteral("; "))),
         f.wrap);
    line(QStringLiteral("Признак — повод для проверки, а не вывод о нарушении. Школа относится "
                        "к школам с признаками необъективных результатов только по признакам "
                        "первого вида."),
         f.wrap);
    ++row;
    line(QStringLiteral("Итоги по муниципалитетам"), f.bold);
    *municipalFirst = row + 1;
    row = writeMunicipalities(s, f, t, row);
    *municipalLast = row - 2; // the «Всего» row is not charted
    ++row;
    // The criteria's caption and table start a page: a sheet cannot keep a row with the next, and
    // Calc printed the caption alone at the foot of page 1, its table on page 2.
    lxw_row_t breaks[] = {static_cast<lxw_row_t>(row), 0};
    worksheet_set_h_pagebreaks(s.ws(), breaks);
    line(QStringLiteral("Итоги по критериям"), f.bold);
    writeCriteria(s, f, t, row);
}

lxw_chart_font chartFont(double size, bool bold = false) {
    lxw_chart_font font{};
    font.name = const_cast<char *>(
        "Arial"); // as the cells (Calibri, the default, is DejaVu Sans in LibreOffice)
    font.size = size;
    font.bold = bold ? LXW_TRUE : LXW_FALSE;
    return font;
}

lxw_chart *barChart(lxw_workbook *wb, uint8_t type, const QString &title) {
    lxw_chart *chart = workbook_add_chart(wb, type);
    const QByteArray name = title.toUtf8();
    chart_title_set_name(chart, name.constData());
    lxw_chart_font titleFont = chartFont(12, true);
    chart_title_set_name_font(chart, &titleFont);
    lxw_chart_font axisFont = chartFont(10);
    chart_axis_set_num_font(chart->x_axis, &axisFont);
    chart_axis_set_num_font(chart->y_axis, &axisFont);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_legend_set_font(chart, &axisFont);
    // a bar chart lists its categories from the bottom: reversed, they read top-down as the table
    chart_axis_set_reverse(chart->y_axis);
    return chart;
}

void addSeries(lxw_chart *chart, const Sheet &summary, int first, int last, int col,
               const QString &name, uint32_t color) {
    const QByteArray sheet = summary.name().toUtf8();
    lxw_chart_series *series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet.constData(), static_cast<lxw_row_t>(first), 0,
                                static_cast<lxw_row_t>(last), 0);
    chart_series_set_values(series, sheet.constData(), static_cast<lxw_row_t>(first),
                            static_cast<lxw_col_t>(col), static_cast<lxw_row_t>(last),
                            static_cast<lxw_col_t>(col));
    chart_series_set_name(series, name.toUtf8().constData());
    lxw_chart_fill fill{};
    fill.color = color;
    chart_series_set_fill(series, &fill);
}

void writeCharts(lxw_workbook *wb, Sheet &charts, const Sheet &summary, int first, int last,
                 const QString &title) {
    charts.width(0, 10);
    // rows of 15 pt (20 px) in Excel and LibreOffice alike, whatever the Normal font: the second
    // chart's page break is counted in them
    worksheet_set_default_row(charts.ws(), 15, LXW_FALSE);
    const int count = std::max(1, last - first + 1);
    // A4 landscape at 100 % is about 1,000 × 640 pixels; a bar of a municipality takes 24 px.
    // The chart is anchored to cells, which Excel and LibreOffice draw alike in Arial.
    const double height = std::clamp(160.0 + 40.0 * count, 340.0, 600.0);
    lxw_chart_options options{};
    options.x_scale = 960.0 / 480.0;
    options.y_scale = height / 288.0;
    // shares of each municipality's schools, not counts: a large municipality has more schools
    // with signs only because it has more schools (the counts are in the table)
    lxw_chart *signs = barChart(wb, LXW_CHART_BAR,
                                QStringLiteral("Доля школ с признаками необъективности по "
                                               "муниципалитетам, %"));
    addSeries(signs, summary, first, last, 3, QStringLiteral("признаки результатов"),
              ChartPalette::results);
    addSeries(signs, summary, first, last, 5, QStringLiteral("признаки текущего оценивания"),
              ChartPalette::current);
    chart_axis_set_min(signs->x_axis, 0);
    chart_axis_set_num_format(signs->x_axis, "0");
    worksheet_insert_chart_opt(charts.ws(), 0, 0, signs, &options);

    lxw_chart *journal = barChart(wb, LXW_CHART_BAR_STACKED_PERCENT,
                                  QStringLiteral("Отметки за работу и отметки по журналу: "
                                                 "понизили, подтвердили, повысили"));
    addSeries(journal, summary, first, last, 8, QStringLiteral("понизили"), ChartPalette::lowered);
    addSeries(journal, summary, first, last, 9, QStringLiteral("подтвердили"),
              ChartPalette::confirmed);
    addSeries(journal, summary, first, last, 10, QStringLiteral("повысили"), ChartPalette::raised);
    chart_set_series_overlap(journal, 100);
    // the second chart starts on the next page: rows of 15 pt are 20 px
    const int nextPage = int(std::ceil((height + 40) / 20.0));
    worksheet_insert_chart_opt(charts.ws(), static_cast<lxw_row_t>(nextPage), 0, journal, &options);
    lxw_row_t breaks[] = {static_cast<lxw_row_t>(nextPage), 0};
    worksheet_set_h_pagebreaks(charts.ws(), breaks);
    charts.printable(title, -1);
}

void writeSchools(Sheet &s, const Formats &f, const AnalysisTotals &t, const QString &title) {
    s.widths({13, 9, 19, 5, 6, 5, 5, 5, 12, 19});
    s.heading(0,
              {QStringLiteral("Муниципалитет"), QStringLiteral("Код школы"),
               QStringLiteral("Школа"), QStringLiteral("Единиц анализа"),
               QStringLiteral("Работ участников"), QStringLiteral("Признаков результатов"),
               QStringLiteral("Признаков текущего оценивания"), QStringLiteral("Лет подряд"),
               QStringLiteral("В официальном списке (год: маркеров)"), QStringLiteral("Признаки")},
              f.head, {3, 4, 5, 6, 7}, f.up, 100);
    int row = 1;
    for (const auto &school : t.schools) {
        QStringList signs;
        for (const auto &x : school.findings)
            if (!signs.contains(core::criterionTitle(x.finding->code)))
                signs << core::criterionTitle(x.finding->code);
        s.text(row, 0, school.municipality, f.wrap);
        s.text(row, 1, school.code, f.text);
        s.text(row, 2, school.name, f.wrap);
        s.number(row, 3, school.units, f.number);
        s.number(row, 4, double(school.works), f.number);
        s.number(row, 5, school.resultsSigns, f.number);
        s.number(row, 6, school.currentSigns, f.number);
        s.number(row, 7, school.yearsInRow, f.number);
        s.text(row, 8, school.official, f.wrap);
        const QString list = signs.join(QStringLiteral("; "));
        s.text(row, 9, list, f.wrap);
        s.fit(row, {{0, school.municipality}, {2, school.name}, {8, school.official}, {9, list}});
        ++row;
    }
    if (row > 1)
        worksheet_autofilter(s.ws(), 0, 0, static_cast<lxw_row_t>(row - 1), 9);
    s.printable(title, 0);
}

void writeFindings(Sheet &s, const Formats &f, const AnalysisTotals &t, const QString &title) {
    // the explanation is the longest text: its column takes a third of the page
    s.widths({14, 9, 4, 8, 11, 4.5, 4.5, 4.5, 6.5, 32});
    s.heading(0,
              {QStringLiteral("Школа (логин), муниципалитет"), QStringLiteral("Единица анализа"),
               QStringLiteral("Участников"), QStringLiteral("Вид признака"),
               QStringLiteral("Признак"), QStringLiteral("Статистика"),
               QStringLiteral("Величина эффекта"), QStringLiteral("Порог"),
               QStringLiteral("p после поправки"), QStringLiteral("Пояснение")},
              f.head, {2, 5, 6, 7, 8}, f.up, 80);
    int row = 1;
    for (const auto &x : t.findings) {
        const core::UnitReport &u = *x.unit;
        const core::CriterionFinding &c = *x.finding;
        const QString school =
            QStringLiteral("%1 (%2)\n%3").arg(u.schoolName, u.schoolCode, u.municipality);
        const QString unit = unitText(u);
        const QString sign = core::findingTitle(c);
        const QString why = c.explanation.isEmpty() ? c.reasonText : c.explanation;
        s.text(row, 0, school, f.wrap);
        s.text(row, 1, unit, f.wrap);
        s.number(row, 2, u.n, f.number);
        s.text(row, 3, kindShort(c.kind()), f.wrap);
        s.text(row, 4, sign, f.wrap);
        s.number(row, 5, c.statistic, f.hundredths);
        s.number(row, 6, c.effectSize, f.hundredths);
        s.number(row, 7, c.threshold, f.hundredths);
        // medals: each medalist against the rules of the year, not a test (p is 0 by convention)
        const QString byRule = core::checksARule(c.code) ? QStringLiteral("по правилу") : QString();
        if (byRule.isEmpty())
            s.number(row, 8, c.qValue, f.pValue);
        else
            s.text(row, 8, byRule, f.wrap);
        s.text(row, 9, why, f.wrap);
        s.fit(row,
              {{0, school}, {1, unit}, {3, kindShort(c.kind())}, {4, sign}, {8, byRule}, {9, why}});
        ++row;
    }
    if (row == 1)
        s.text(1, 0, QStringLiteral("Признаков необъективности не найдено"), f.text);
    else
        worksheet_autofilter(s.ws(), 0, 0, static_cast<lxw_row_t>(row - 1), 9);
    s.printable(title, 0);
}

void writeUnits(Sheet &s, const Formats &f, const core::AnalysisReport &report,
                const AnalysisScope &scope, const QString &title) {
    // «Муниципалитет» is one word of 13 letters: its column must hold it, or the heading breaks
    s.widths({4, 4, 4, 9, 13, 13, 4, 3.5, 3.5, 3.5, 3.5, 4, 4, 4, 4, 4, 8.5});
    s.heading(0,
              {QStringLiteral("Год"), QStringLiteral("Процедура"), QStringLiteral("Класс"),
               QStringLiteral("Предмет"), QStringLiteral("Школа (логин)"),
               QStringLiteral("Муниципалитет"), QStringLiteral("Участников"),
               QStringLiteral("«2», %"), QStringLiteral("«3», %"), QStringLiteral("«4», %"),
               QStringLiteral("«5», %"), QStringLiteral("Средний % выполнения"),
               QStringLiteral("Регион: средний %"), QStringLiteral("Понизили, %"),
               QStringLiteral("Подтвердили, %"), QStringLiteral("Повысили, %"),
               QStringLiteral("Признаки")},
              f.head, {0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, f.up, 85);
    int row = 1;
    for (const auto &u : report.units) {
        if (!scope.contains(u))
            continue;
        const auto &m = u.metrics;
        s.number(row, 0, u.year, f.text);
        s.text(row, 1, core::procedureKindCode(u.kind), f.text);
        s.number(row, 2, u.grade, f.text);
        s.text(row, 3, u.subject.isEmpty() ? QStringLiteral("медали") : u.subject, f.wrap);
        const QString school = QStringLiteral("%1 (%2)").arg(u.schoolName, u.schoolCode);
        s.text(row, 4, school, f.wrap);
        s.text(row, 5, u.municipality, f.wrap);
        s.number(row, 6, u.n, f.number);
        for (int k = 2; k <= 5; ++k)
            s.number(row, 5 + k, m.markPct[k], f.pct);
        s.number(row, 11, m.meanPercent, f.pct);
        s.number(row, 12, u.region.meanPercent, f.pct);
        if (m.journalPairs > 0) {
            s.number(row, 13, m.loweredPct, f.pct);
            s.number(row, 14, m.confirmedPct, f.pct);
            s.number(row, 15, m.raisedPct, f.pct);
        }
        QStringList codes;
        for (const auto &x : u.flags())
            codes << core::findingTitle(x);
        QString flags = codes.join(QStringLiteral("; "));
        if (u.insufficient)
            flags = QStringLiteral("недостаточно данных");
        s.text(row, 16, flags, f.wrap);
        s.fit(row, {{3, u.subject}, {4, school}, {5, u.municipality}, {16, flags}});
        ++row;
    }
    if (row > 1)
        worksheet_autofilter(s.ws(), 0, 0, static_cast<lxw_row_t>(row - 1), 16);
    s.printable(title, 0);
}

void writeThresholds(Sheet &s, const Formats &f, const core::AnalysisReport &report,
                     const QString &title) {
    s.widths({72, 10, 12});
    s.heading(0,
              {QStringLiteral("Пороговое значение"), QStringLiteral("Значение"),
               QStringLiteral("По умолчанию")},
              f.head);
    int row = 1;
    for (const auto &d : core::AnalysisSettings::definitions()) {
        const double value = report.settings.value(d.key);
        s.text(row, 0, d.description, f.wrap);
        s.number(row, 1, value, value != d.defaultValue ? f.totalPct : f.text);
        s.number(row, 2, d.defaultValue, f.text);
        s.fit(row, {{0, d.description}});
        ++row;
    }
    s.printable(title, 0);
}

} // namespace

core::Status AnalysisXlsxWriter::write(const core::AnalysisReport &report, const QString &path,
                                       const AnalysisScope &scope) {
    lxw_workbook *wb = workbook_new(QFile::encodeName(path).constData());
    if (!wb)
        return core::Error{QStringLiteral("Не удалось создать файл Excel"), path, -1, -1};
    // Arial, not Calibri: LibreOffice without Carlito drew Calibri's columns 1.4 times wider than
    // Excel, so the columns were sized for it and Excel used three quarters of the page
    XlsxPrintLayout::setArialNormalFont(wb);
    const AnalysisTotals totals = AnalysisTotals::compute(report, scope);
    const QString title = documentTitle(scope, totals);
    lxw_doc_properties properties{};
    QByteArray titleUtf8 = title.toUtf8();
    QByteArray author = QStringLiteral("Объективность").toUtf8();
    properties.title = titleUtf8.data();
    properties.author = author.data();
    workbook_set_properties(wb, &properties);

    const Formats normal(wb, 10);
    const Formats dense(wb, 9);
    Sheet summary(wb, QStringLiteral("Сводка"), 10);
    Sheet charts(wb, QStringLiteral("Диаграммы"), 10);
    Sheet schools(wb, QStringLiteral("Школы"), 10);
    Sheet findings(wb, QStringLiteral("Признаки"), 9);
    Sheet units(wb, QStringLiteral("Единицы анализа"), 9);
    Sheet thresholds(wb, QStringLiteral("Пороговые значения"), 10);

    int first = 0, last = 0;
    writeSummary(summary, normal, report, scope, totals, title, &first, &last);
    summary.printable(title, -1);
    writeCharts(wb, charts, summary, first, last, title);
    writeSchools(schools, normal, totals, title);
    writeFindings(findings, dense, totals, title);
    writeUnits(units, dense, report, scope, title);
    writeThresholds(thresholds, normal, report, title);

    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        return XlsxWriteErrorText::error(path, err);
    return {};
}

} // namespace objectivity::io
