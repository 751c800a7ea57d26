#include "objectivity/io/export/AnalysisXlsxWriter.h"

#include "export/XlsxPrintLayout.h"
#include "export/XlsxWriteErrorText.h"

#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionTitle.h"

#include <QFile>
#include <QHash>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

namespace objectivity::io {

namespace {
using core::criterionTitle;

class Sheet {
public:
    Sheet(lxw_workbook *wb, const QString &name)
        : m_ws(workbook_add_worksheet(wb, name.toUtf8().constData())) {}
    void text(int row, int col, const QString &value, lxw_format *f = nullptr) {
        worksheet_write_string(m_ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               value.toUtf8().constData(), f);
    }
    void number(int row, int col, double value, lxw_format *f = nullptr) {
        if (std::isfinite(value))
            worksheet_write_number(m_ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                   value, f);
    }
    void width(int col, double w) {
        m_widths.insert(col, w);
        worksheet_set_column(m_ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), w,
                             nullptr);
    }
    lxw_worksheet *ws() const { return m_ws; }
    // Printed: landscape A4, fitted to the width, the heading row on every page.
    void printable() {
        XlsxPrintLayout::setPage(m_ws, true);
        worksheet_repeat_rows(m_ws, 0, 0);
        worksheet_freeze_panes(m_ws, 1, 0);
    }
    // The heading row: bold on blue, wrapped, as high as its longest heading needs.
    void heading(const QStringList &titles, lxw_format *f) {
        int most = 1;
        for (int c = 0; c < titles.size(); ++c) {
            text(0, c, titles[c], f);
            // bold text is wider: 85 % of the column for the estimate
            most = std::max(most,
                            XlsxPrintLayout::lineCount(titles[c], 0.85 * m_widths.value(c, 8.43)));
        }
        lines(0, most);
    }
    // The height of a row whose wrapped cells take `lines` lines.
    void lines(int row, int lines) {
        worksheet_set_row(m_ws, static_cast<lxw_row_t>(row),
                          XlsxPrintLayout::kLineHeight * std::max(1, lines), nullptr);
    }

private:
    lxw_worksheet *m_ws;
    QHash<int, double> m_widths; // set column widths (Excel's default is 8.43)
};
} // namespace

core::Status AnalysisXlsxWriter::write(const core::AnalysisReport &report, const QString &path) {
    lxw_workbook *wb = workbook_new(QFile::encodeName(path).constData());
    if (!wb)
        return core::Error{QStringLiteral("Не удалось создать файл Excel"), path, -1, -1};
    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_bg_color(head, 0xDDEBF7);
    lxw_format *wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
    // every data cell at the top of its row: rows grow with the wrapped explanation
    lxw_format *top = workbook_add_format(wb);
    format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0.0");
    format_set_align(pct, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *hundredths = workbook_add_format(wb);
    format_set_num_format(hundredths, "0.00");
    lxw_format *pValue = workbook_add_format(wb);
    format_set_num_format(pValue, "[<0.0001]\"< 0,0001\";0.0000");
    format_set_align(pValue, LXW_ALIGN_VERTICAL_TOP);

    // 1. markers per school, then each flag
    Sheet schools(wb, QStringLiteral("Признаки по школам"));
    const QStringList h1 = {
        QStringLiteral("Муниципалитет"), QStringLiteral("Код школы"),
        QStringLiteral("Школа"),         QStringLiteral("Год"),
        QStringLiteral("Процедура"),     QStringLiteral("Класс"),
        QStringLiteral("Предмет"),       QStringLiteral("Участников"),
        QStringLiteral("Признак"),       QStringLiteral("p (после поправки)"),
        QStringLiteral("Пояснение"),     QStringLiteral("Признаков результатов у школы"),
        QStringLiteral("Лет подряд"),    QStringLiteral("В официальном списке"),
        QStringLiteral("Вид признака"),  QStringLiteral("Признаков текущего оценивания у школы")};
    const double widths1[] = {18, 12, 30, 6, 11, 6, 18, 12, 30, 10, 80, 12, 8, 14, 16, 14};
    for (int c = 0; c < h1.size(); ++c)
        schools.width(c, widths1[c]);
    schools.heading(h1, head);
    QHash<QString, const core::SchoolSummary *> summary;
    for (const auto &s : report.schools)
        summary.insert(s.schoolCode, &s);
    int row = 1;
    for (const core::UnitReport *u : report.flaggedUnits()) {
        for (const auto &f : u->flags()) {
            schools.text(row, 0, u->municipality, top);
            schools.text(row, 1, u->schoolCode, top);
            schools.text(row, 2, u->schoolName, wrap);
            schools.number(row, 3, u->year, top);
            schools.text(row, 4, core::procedureKindCode(u->kind), top);
            schools.number(row, 5, u->grade, top);
            schools.text(row, 6, u->subject.isEmpty() ? QStringLiteral("—") : u->subject, top);
            schools.number(row, 7, u->n, top);
            schools.text(row, 8, criterionTitle(f.code), wrap);
            schools.number(row, 9, f.qValue, pValue);
            schools.text(row, 10, f.explanation, wrap);
            schools.lines(row,
                          std::max({XlsxPrintLayout::lineCount(u->schoolName, widths1[2]),
                                    XlsxPrintLayout::lineCount(criterionTitle(f.code), widths1[8]),
                                    XlsxPrintLayout::lineCount(f.explanation, widths1[10])}));
            if (const auto *s = summary.value(u->schoolCode)) {
                schools.number(row, 11, s->markers, top);
                schools.number(row, 12, s->yearsInRow, top);
                if (s->officialByYear.contains(u->year))
                    schools.number(row, 13, s->officialByYear.value(u->year), top);
                schools.number(row, 15, s->currentAssessment, top);
            }
            schools.text(row, 14,
                         f.kind() == core::CriterionKind::Results
                             ? QStringLiteral("результаты")
                             : QStringLiteral("текущее оценивание"),
                         top);
            ++row;
        }
    }
    if (row == 1)
        schools.text(1, 0, QStringLiteral("Признаков необъективности не найдено"));
    schools.printable();

    // 2. every unit with its metrics
    Sheet units(wb, QStringLiteral("Единицы анализа"));
    const QStringList h2 = {QStringLiteral("Год"),
                            QStringLiteral("Процедура"),
                            QStringLiteral("Класс"),
                            QStringLiteral("Предмет"),
                            QStringLiteral("Код школы"),
                            QStringLiteral("Школа"),
                            QStringLiteral("Муниципалитет"),
                            QStringLiteral("Участников"),
                            QStringLiteral("«2», %"),
                            QStringLiteral("«3», %"),
                            QStringLiteral("«4», %"),
                            QStringLiteral("«5», %"),
                            QStringLiteral("Успеваемость, %"),
                            QStringLiteral("Качество, %"),
                            QStringLiteral("Средний первичный балл"),
                            QStringLiteral("Средний % выполнения"),
                            QStringLiteral("Регион: средний %"),
                            QStringLiteral("Муниципалитет: средний %"),
                            QStringLiteral("Понизили, %"),
                            QStringLiteral("Подтвердили, %"),
                            QStringLiteral("Повысили, %"),
                            QStringLiteral("Журнал − отметка"),
                            QStringLiteral("Каппа (квадр.)"),
                            QStringLiteral("Спирмен: балл и журнал"),
                            QStringLiteral("Признаки"),
                            QStringLiteral("Статус")};
    const double widths2[] = {6,  11, 6,  18, 11, 30, 18, 12, 7,  7,  7,  7,  14,
                              11, 12, 12, 12, 14, 11, 12, 11, 10, 10, 12, 40, 20};
    for (int c = 0; c < h2.size(); ++c)
        units.width(c, widths2[c]);
    units.heading(h2, head);
    row = 1;
    for (const auto &u : report.units) {
        const auto &m = u.metrics;
        units.number(row, 0, u.year);
        units.text(row, 1, core::procedureKindCode(u.kind));
        units.number(row, 2, u.grade);
        units.text(row, 3, u.subject);
        units.text(row, 4, u.schoolCode);
        units.text(row, 5, u.schoolName);
        units.text(row, 6, u.municipality);
        units.number(row, 7, u.n);
        for (int k = 2; k <= 5; ++k)
            units.number(row, 6 + k, m.markPct[k], pct);
        units.number(row, 12, m.successPct, pct);
        units.number(row, 13, m.qualityPct, pct);
        units.number(row, 14, m.meanPrimary, pct);
        units.number(row, 15, m.meanPercent, pct);
        units.number(row, 16, u.region.meanPercent, pct);
        units.number(row, 17, u.municipal.meanPercent, pct);
        if (m.journalPairs > 0) {
            units.number(row, 18, m.loweredPct, pct);
            units.number(row, 19, m.confirmedPct, pct);
            units.number(row, 20, m.raisedPct, pct);
            units.number(row, 21, m.meanJournalMinusMark, hundredths);
            units.number(row, 22, m.kappa, hundredths);
            units.number(row, 23, m.spearman, hundredths);
        }
        QStringList codes;
        for (const auto &f : u.flags()) // several boundaries of one unit: each named
            codes << criterionTitle(f.code) +
                         (f.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.label));
        units.text(row, 24, codes.join(QStringLiteral("; ")));
        if (u.insufficient)
            units.text(row, 25, QStringLiteral("недостаточно данных"));
        ++row;
    }
    units.printable();
    worksheet_autofilter(units.ws(), 0, 0, static_cast<lxw_row_t>(row - 1),
                         static_cast<lxw_col_t>(h2.size() - 1));

    // 3. the two kinds of sign: what each means, how many units and schools have it
    Sheet kinds(wb, QStringLiteral("Виды признаков"));
    kinds.width(0, 40);
    kinds.width(1, 80);
    kinds.width(2, 14);
    kinds.width(3, 14);
    kinds.heading({QStringLiteral("Вид признака"), QStringLiteral("Что это значит для школы"),
                   QStringLiteral("Единиц анализа с признаком"),
                   QStringLiteral("Школ с признаком")},
                  head);
    row = 1;
    for (const core::CriterionKind kind :
         {core::CriterionKind::Results, core::CriterionKind::CurrentAssessment}) {
        int unitCount = 0;
        for (const auto &u : report.units)
            for (const auto &f : u.findings)
                if (f.flagged && f.kind() == kind) {
                    ++unitCount;
                    break;
                }
        int schoolCount = 0;
        for (const auto &s : report.schools)
            schoolCount +=
                (kind == core::CriterionKind::Results ? s.markers : s.currentAssessment) > 0;
        kinds.text(row, 0, core::criterionKindTitle(kind), wrap);
        kinds.text(row, 1, core::criterionKindMeaning(kind), wrap);
        kinds.number(row, 2, unitCount, top);
        kinds.number(row, 3, schoolCount, top);
        kinds.lines(row, XlsxPrintLayout::lineCount(core::criterionKindMeaning(kind), 80));
        ++row;
    }
    kinds.text(row + 1, 0,
               QStringLiteral("Школа включается в список «с признаками необъективных "
                              "результатов» только по признакам первого вида."),
               top);
    kinds.printable();

    // 4. thresholds
    Sheet th(wb, QStringLiteral("Пороговые значения"));
    th.width(0, 30);
    th.width(1, 10);
    th.width(2, 13);
    th.width(3, 90);
    th.heading({QStringLiteral("Ключ"), QStringLiteral("Значение"), QStringLiteral("По умолчанию"),
                QStringLiteral("Описание")},
               head);
    row = 1;
    for (const auto &d : core::AnalysisSettings::definitions()) {
        th.text(row, 0, d.key, top);
        th.number(row, 1, report.settings.value(d.key), top);
        th.number(row, 2, d.defaultValue, top);
        th.text(row, 3, d.description, wrap);
        th.lines(row, XlsxPrintLayout::lineCount(d.description, 90));
        ++row;
    }
    th.printable();
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        return XlsxWriteErrorText::error(path, err);
    return {};
}

} // namespace objectivity::io
