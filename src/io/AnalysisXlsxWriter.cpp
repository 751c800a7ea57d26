#include "objectivity/io/AnalysisXlsxWriter.h"

#include "objectivity/core/CriterionTitle.h"

#include <QFile>

#include <xlsxwriter.h>

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
        worksheet_set_column(m_ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), w,
                             nullptr);
    }
    lxw_worksheet *ws() const { return m_ws; }

private:
    lxw_worksheet *m_ws;
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
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0.0");

    // 1. markers per school, then each flag
    Sheet schools(wb, QStringLiteral("Признаки по школам"));
    const QStringList h1 = {
        QStringLiteral("Муниципалитет"), QStringLiteral("Код школы"),
        QStringLiteral("Школа"),         QStringLiteral("Год"),
        QStringLiteral("Процедура"),     QStringLiteral("Класс"),
        QStringLiteral("Предмет"),       QStringLiteral("Участников"),
        QStringLiteral("Признак"),       QStringLiteral("p (после поправки)"),
        QStringLiteral("Пояснение"),     QStringLiteral("Признаков у школы"),
        QStringLiteral("Лет подряд"),    QStringLiteral("В официальном списке")};
    for (int c = 0; c < h1.size(); ++c)
        schools.text(0, c, h1[c], head);
    const double widths1[] = {18, 12, 30, 6, 9, 6, 18, 10, 30, 10, 80, 10, 8, 12};
    for (int c = 0; c < h1.size(); ++c)
        schools.width(c, widths1[c]);
    QHash<QString, const core::SchoolSummary *> summary;
    for (const auto &s : report.schools)
        summary.insert(s.schoolCode, &s);
    int row = 1;
    for (const core::UnitReport *u : report.flaggedUnits()) {
        for (const auto &f : u->flags()) {
            schools.text(row, 0, u->municipality);
            schools.text(row, 1, u->schoolCode);
            schools.text(row, 2, u->schoolName, wrap);
            schools.number(row, 3, u->year);
            schools.text(row, 4, core::procedureKindCode(u->kind));
            schools.number(row, 5, u->grade);
            schools.text(row, 6, u->subject.isEmpty() ? QStringLiteral("—") : u->subject);
            schools.number(row, 7, u->n);
            schools.text(row, 8, criterionTitle(f.code), wrap);
            schools.number(row, 9, f.qValue);
            schools.text(row, 10, f.explanation, wrap);
            if (const auto *s = summary.value(u->schoolCode)) {
                schools.number(row, 11, s->markers);
                schools.number(row, 12, s->yearsInRow);
                if (s->officialByYear.contains(u->year))
                    schools.number(row, 13, s->officialByYear.value(u->year));
            }
            ++row;
        }
    }
    if (row == 1)
        schools.text(1, 0, QStringLiteral("Признаков необъективности не найдено"));
    worksheet_freeze_panes(schools.ws(), 1, 0);

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
    for (int c = 0; c < h2.size(); ++c)
        units.text(0, c, h2[c], head);
    units.width(3, 18);
    units.width(5, 30);
    units.width(6, 18);
    units.width(24, 40);
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
            units.number(row, 21, m.meanJournalMinusMark);
            units.number(row, 22, m.kappa);
            units.number(row, 23, m.spearman);
        }
        QStringList codes;
        for (const auto &f : u.flags())
            codes << criterionTitle(f.code);
        units.text(row, 24, codes.join(QStringLiteral("; ")));
        if (u.insufficient)
            units.text(row, 25, QStringLiteral("недостаточно данных"));
        ++row;
    }
    worksheet_freeze_panes(units.ws(), 1, 0);
    worksheet_autofilter(units.ws(), 0, 0, static_cast<lxw_row_t>(row - 1),
                         static_cast<lxw_col_t>(h2.size() - 1));

    // 3. thresholds
    Sheet th(wb, QStringLiteral("Пороговые значения"));
    th.text(0, 0, QStringLiteral("Ключ"), head);
    th.text(0, 1, QStringLiteral("Значение"), head);
    th.text(0, 2, QStringLiteral("По умолчанию"), head);
    th.text(0, 3, QStringLiteral("Описание"), head);
    th.width(0, 30);
    th.width(3, 90);
    row = 1;
    for (const auto &d : core::AnalysisSettings::definitions()) {
        th.text(row, 0, d.key);
        th.number(row, 1, report.settings.value(d.key));
        th.number(row, 2, d.defaultValue);
        th.text(row, 3, d.description, wrap);
        ++row;
    }
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        return core::Error{QStringLiteral("Не удалось записать файл Excel: %1")
                               .arg(QString::fromUtf8(lxw_strerror(err))),
                           path, -1, -1};
    return {};
}

} // namespace objectivity::io
