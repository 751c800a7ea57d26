#include "objectivity/io/export/PlanRollupXlsxWriter.h"

#include "export/XlsxPrintLayout.h"
#include "export/XlsxWriteErrorText.h"

#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

namespace objectivity::io {

namespace {

std::string utf8(const QString &text) {
    return text.toStdString();
}

struct Formats {
    lxw_format *title, *subtitle, *head, *text, *number, *percent, *overdue, *overduePercent,
        *total, *totalPercent;
    explicit Formats(lxw_workbook *wb) {
        auto make = [&](bool bold = false, bool wrap = true) {
            lxw_format *f = workbook_add_format(wb);
            format_set_font_size(f, 10);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            if (bold)
                format_set_bold(f);
            if (wrap)
                format_set_text_wrap(f);
            format_set_border(f, LXW_BORDER_THIN);
            return f;
        };
        title = workbook_add_format(wb);
        format_set_bold(title);
        format_set_font_size(title, 13);
        format_set_text_wrap(title);
        format_set_align(title, LXW_ALIGN_VERTICAL_TOP);
        subtitle = workbook_add_format(wb);
        format_set_font_size(subtitle, 10);
        format_set_text_wrap(subtitle);
        format_set_align(subtitle, LXW_ALIGN_VERTICAL_TOP);
        head = make(true);
        format_set_bg_color(head, 0xDDEBF7);
        format_set_align(head, LXW_ALIGN_CENTER);
        text = make();
        number = make(false, false);
        percent = make(false, false);
        format_set_num_format(percent, "0%");
        overdue = make(true, false);
        format_set_bg_color(overdue, 0xF8CBAD);
        format_set_font_color(overdue, 0x9C0006);
        overduePercent = make(false, false);
        format_set_num_format(overduePercent, "0%");
        format_set_bg_color(overduePercent, 0xF8CBAD);
        total = make(true, false);
        format_set_bg_color(total, 0xF2F2F2);
        totalPercent = make(true, false);
        format_set_num_format(totalPercent, "0%");
        format_set_bg_color(totalPercent, 0xF2F2F2);
    }
};

// Title, date, and the header row at `row`; freezes the rows above the data.
void heading(lxw_worksheet *ws, const Formats &f, const QString &title, const QString &subtitle,
             const QStringList &columns, const QList<double> &widths) {
    // Merged over the table and wrapped: a long title must not widen the printed area.
    const auto last = lxw_col_t(columns.size() - 1);
    worksheet_merge_range(ws, 0, 0, 0, last, utf8(title).c_str(), f.title);
    worksheet_merge_range(ws, 1, 0, 1, last, utf8(subtitle).c_str(), f.subtitle);
    double width = 0;
    for (double w : widths)
        width += w;
    worksheet_set_row(ws, 0, XlsxPrintLayout::lineCount(title, width * 0.8) * 18, nullptr);
    worksheet_set_row(ws, 1, XlsxPrintLayout::lineCount(subtitle, width) * 14, nullptr);
    for (int c = 0; c < columns.size(); ++c) {
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths.value(c, 12), nullptr);
        worksheet_write_string(ws, 3, lxw_col_t(c), utf8(columns[c]).c_str(), f.head);
    }
    worksheet_set_row(ws, 3, 2 * XlsxPrintLayout::kLineHeight, nullptr);
    worksheet_freeze_panes(ws, 4, 0);
    worksheet_repeat_rows(ws, 3, 3);
    XlsxPrintLayout::setPage(ws, true);
}

void counts(lxw_worksheet *ws, lxw_row_t row, lxw_col_t first, const core::RollupCounts &c,
            const Formats &f, bool isTotal = false) {
    lxw_format *n = isTotal ? f.total : f.number;
    worksheet_write_number(ws, row, first, c.total, n);
    worksheet_write_number(ws, row, first + 1, c.done, n);
    worksheet_write_number(ws, row, first + 2, c.inProgress, n);
    worksheet_write_number(ws, row, first + 3, c.overdue, c.overdue > 0 ? f.overdue : n);
    worksheet_write_number(ws, row, first + 4, c.notStarted, n);
    worksheet_write_number(ws, row, first + 5, c.doneShare(), isTotal ? f.totalPercent : f.percent);
}

void setHeight(lxw_worksheet *ws, lxw_row_t row, const QList<std::pair<QString, double>> &cells) {
    int lines = 1;
    for (const auto &[text, width] : cells)
        lines = std::max(lines, XlsxPrintLayout::lineCount(text, width));
    worksheet_set_row(ws, row, lines * XlsxPrintLayout::kLineHeight, nullptr);
}

} // namespace

QString PlanRollupXlsxWriter::title(const core::Plan &municipal) {
    return QStringLiteral("Свод по школам: %1").arg(municipal.title.simplified());
}

core::Status PlanRollupXlsxWriter::write(const core::Plan &municipal,
                                         const core::PlanRollup &rollup, const QString &path) {
    const QString partial = path + QStringLiteral(".part");
    const std::string nativePartial = QFile::encodeName(partial).toStdString();
    lxw_workbook *wb = workbook_new(nativePartial.c_str());
    if (!wb)
        return core::Error{QStringLiteral("Не удалось создать книгу Excel"), path};
    const std::string docTitle = utf8(title(municipal));
    const std::string author = utf8(municipal.organization.name.simplified());
    lxw_doc_properties props{};
    props.title = const_cast<char *>(docTitle.c_str());
    props.author = const_cast<char *>(author.c_str());
    props.comments = const_cast<char *>("Объективность");
    workbook_set_properties(wb, &props);
    const Formats f(wb);
    const QString subtitle =
        QStringLiteral("%1. Исполнение на %2: школ %3, связанных мероприятий %4, выполнено %5, "
                       "просрочено %6.")
            .arg(municipal.organization.name.simplified(),
                 rollup.date.toString(QStringLiteral("dd.MM.yyyy")))
            .arg(rollup.schools.size())
            .arg(rollup.totals.total)
            .arg(rollup.totals.done)
            .arg(rollup.totals.overdue);

    lxw_worksheet *byMeasure = workbook_add_worksheet(wb, "По мероприятиям");
    const QList<double> mw = {7, 48, 16, 7, 10, 9, 11, 9, 11, 36};
    heading(byMeasure, f, title(municipal), subtitle,
            {QStringLiteral("№"), QStringLiteral("Мероприятие"), QStringLiteral("Срок"),
             QStringLiteral("Школ"), QStringLiteral("Выполнено"), QStringLiteral("В работе"),
             QStringLiteral("Просрочено"), QStringLiteral("Не начато"),
             QStringLiteral("Выполнено, %"), QStringLiteral("Просрочили")},
            mw);
    lxw_row_t row = 4;
    for (const core::PlanRollup::MeasureRow &m : rollup.measures) {
        const QString overdue = m.overdueSchoolsText();
        worksheet_write_string(byMeasure, row, 0, utf8(m.number).c_str(), f.text);
        worksheet_write_string(byMeasure, row, 1, utf8(m.text.simplified()).c_str(), f.text);
        worksheet_write_string(byMeasure, row, 2, utf8(m.deadline.simplified()).c_str(), f.text);
        counts(byMeasure, row, 3, m.counts, f);
        worksheet_write_string(byMeasure, row, 9, utf8(overdue).c_str(), f.text);
        setHeight(byMeasure, row,
                  {{m.text.simplified(), mw[1]}, {m.deadline, mw[2]}, {overdue, mw[9]}});
        ++row;
    }
    worksheet_write_string(byMeasure, row, 0, "", f.total);
    worksheet_write_string(byMeasure, row, 1, "Итого", f.total);
    worksheet_write_string(byMeasure, row, 2, "", f.total);
    counts(byMeasure, row, 3, rollup.totals, f, true);
    worksheet_write_string(byMeasure, row, 9, "", f.total);

    lxw_worksheet *bySchool = workbook_add_worksheet(wb, "По школам");
    const QList<double> sw = {40, 12, 8, 12, 10, 9, 11, 9, 12, 30};
    heading(bySchool, f, title(municipal), subtitle,
            {QStringLiteral("Школа"), QStringLiteral("Логин ОО"), QStringLiteral("План №"),
             QStringLiteral("Мероприятий"), QStringLiteral("Выполнено"), QStringLiteral("В работе"),
             QStringLiteral("Просрочено"), QStringLiteral("Не начато"),
             QStringLiteral("Доля выполненных"), QStringLiteral("Просрочены мероприятия")},
            sw);
    row = 4;
    for (const core::PlanRollup::SchoolRow &s : rollup.schools) {
        const QString overdue = s.overdueMeasures.join(QStringLiteral(", "));
        worksheet_write_string(bySchool, row, 0, utf8(s.name.simplified()).c_str(), f.text);
        worksheet_write_string(bySchool, row, 1, utf8(s.code).c_str(), f.text);
        worksheet_write_number(bySchool, row, 2, double(s.planId), f.number);
        counts(bySchool, row, 3, s.counts, f);
        worksheet_write_string(bySchool, row, 9, utf8(overdue).c_str(), f.text);
        setHeight(bySchool, row, {{s.name.simplified(), sw[0]}, {overdue, sw[9]}});
        ++row;
    }

    return XlsxWriteErrorText::closeAndReplace(wb, partial, path);
}

} // namespace objectivity::io
