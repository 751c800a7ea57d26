#include "objectivity/io/export/PlanXlsxWriter.h"

#include "export/XlsxPrintLayout.h"
#include "export/XlsxWriteErrorText.h"

#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/io/export/PlanColumnWidths.h"
#include "objectivity/io/export/PlanExportTable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace objectivity::io {

namespace {

constexpr double kLineHeight = 15.75;  // points per line of 12 pt text
constexpr double kCharsPerUnit = 0.88; // Times New Roman 12 in a column (XlsxPrintLayout)
constexpr int kMaxCellChars = 32000;   // Excel keeps at most 32767 characters in a cell

// Lines a cell's text takes when Excel or Calc wraps it in a column `width` units wide: its words
// in Times New Roman 12, measured in Liberation Serif (its metric twin) where the program has
// fonts, filled into the line as word wrap does (PlanColumnWidths); else counted in characters.
class CellLines {
public:
    int operator()(const QString &text, double width, bool bold = false) const {
        if (!m_font)
            return XlsxPrintLayout::lineCount(text, width, kCharsPerUnit);
        // a unit is 7 px of 96 dpi, plus 5 px per column; the cell's margins and border take 7
        const double innerMm = std::max(1.0, std::floor(width * 7 + 5) - 7) * 25.4 / 96;
        return PlanColumnWidths::wrappedLines(
            PlanColumnWidths::measureText(text, bold ? m_font->bold : m_font->plain, m_font->space),
            innerMm);
    }

private:
    std::optional<PlanColumnWidths::FontMeasures> m_font =
        PlanColumnWidths::documentFontMeasures(12);
};

std::string utf8(const QString &text) {
    return text.left(kMaxCellChars).toStdString();
}

double columnWidth(core::ColumnRole role) {
    switch (role) {
    case core::ColumnRole::Number:
        return 7;
    case core::ColumnRole::Measure:
        return 60;
    case core::ColumnRole::Deadline:
        return 18;
    case core::ColumnRole::Owners:
        return 24;
    case core::ColumnRole::ExpectedResult:
        return 32;
    case core::ColumnRole::Status:
        return 18;
    case core::ColumnRole::CompletionDate:
        return 13;
    case core::ColumnRole::Note:
        return 30;
    }
    return 20;
}

lxw_datetime excelDate(const QDate &d) {
    return {d.year(), d.month(), d.day(), 0, 0, 0.0};
}

struct Formats {
    lxw_format *title, *approval, *header, *cell, *cellCenter, *date, *section, *totals, *number,
        *percent, *boldNumber, *boldPercent, *plainDate;
};

lxw_format *baseFormat(lxw_workbook *wb, bool border) {
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    return f;
}

Formats makeFormats(lxw_workbook *wb) {
    Formats f{};
    f.title = baseFormat(wb, false);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    f.approval = baseFormat(wb, false);
    f.header = baseFormat(wb, true);
    format_set_bold(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.header, 0xF2F2F2);
    f.cell = baseFormat(wb, true);
    f.cellCenter = baseFormat(wb, true);
    format_set_align(f.cellCenter, LXW_ALIGN_CENTER);
    f.date = baseFormat(wb, true);
    format_set_num_format(f.date, "dd.mm.yyyy");
    format_set_align(f.date, LXW_ALIGN_CENTER);
    f.section = baseFormat(wb, true);
    format_set_bold(f.section);
    format_set_align(f.section, LXW_ALIGN_CENTER);
    f.totals = baseFormat(wb, true);
    format_set_italic(f.totals);
    f.number = baseFormat(wb, true);
    format_set_align(f.number, LXW_ALIGN_CENTER);
    f.percent = baseFormat(wb, true);
    format_set_num_format(f.percent, "0%");
    format_set_align(f.percent, LXW_ALIGN_CENTER);
    f.boldNumber = baseFormat(wb, true);
    format_set_bold(f.boldNumber);
    format_set_align(f.boldNumber, LXW_ALIGN_CENTER);
    f.boldPercent = baseFormat(wb, true);
    format_set_bold(f.boldPercent);
    format_set_num_format(f.boldPercent, "0%");
    format_set_align(f.boldPercent, LXW_ALIGN_CENTER);
    f.plainDate = baseFormat(wb, false);
    format_set_num_format(f.plainDate, "dd.mm.yyyy");
    format_set_align(f.plainDate, LXW_ALIGN_LEFT);
    return f;
}

// A row merged across columns [first, last] (a single cell when first == last).
void writeMerged(lxw_worksheet *ws, lxw_row_t row, lxw_col_t first, lxw_col_t last,
                 const QString &text, lxw_format *format) {
    if (first == last)
        worksheet_write_string(ws, row, first, utf8(text).c_str(), format);
    else
        worksheet_merge_range(ws, row, first, row, last, utf8(text).c_str(), format);
}

void writePlanSheet(lxw_worksheet *ws, const core::Plan &plan, const PlanExportOptions &options,
                    const core::ExecutionReport *report, const Formats &fmt) {
    const PlanExportTable layout(plan, options);
    const QList<core::PlanColumn> &columns = layout.columns();
    const auto lastCol = lxw_col_t(columns.size() - 1);
    // The sheet is as wide as the page (printed at 100 %) or, with many columns, as their usual
    // widths; the width is shared among the columns by their content as in the DOCX and ODT
    // (PlanColumnWidths): a plan with long expected results and short measures gets a wide
    // «Ожидаемый результат».
    const bool landscape = options.orientation == PlanExportOptions::Orientation::Landscape;
    // the page's width (267 or 180 mm at 96 dpi, 2 % kept) in units of 7 px, less 5 px a column;
    // a table of many columns (a report's status, date and note: their usual widths over 1.2
    // pages) keeps those widths and is fitted to the page's width, smaller than 100 %
    const double pagePixels = (landscape ? 267 : 180) / 25.4 * 96 * 0.98;
    double usualWidth = 0;
    for (const core::PlanColumn &column : columns)
        usualWidth += columnWidth(column.role);
    const double pageWidth = (pagePixels - 5.0 * double(columns.size())) / 7;
    const double totalWidth = usualWidth > pageWidth * 1.2 ? usualWidth : pageWidth;
    const QList<double> percents =
        PlanColumnWidths::forTable(plan, layout, landscape ? 267 : 180, 12);
    const CellLines textLines;
    QList<double> widths;
    for (int c = 0; c < columns.size(); ++c) {
        const double w = percents.size() == columns.size() ? totalWidth * percents[c] / 100
                                                           : columnWidth(columns[c].role);
        widths << w;
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), w, nullptr);
    }
    XlsxPrintLayout::setPage(ws, landscape);
    // every row's height, and the rows a page must not end with, for the page breaks
    QList<double> heights;
    QList<bool> keepWithNext;
    auto setHeight = [&](lxw_row_t r, double height, bool keep = false) {
        worksheet_set_row(ws, r, height, nullptr);
        if (heights.size() <= int(r)) {
            heights.resize(int(r) + 1);
            keepWithNext.resize(int(r) + 1);
        }
        heights[int(r)] = height;
        keepWithNext[int(r)] = keep;
    };

    lxw_row_t row = 0;
    // Approval block over the right part of the sheet.
    const QStringList approval = layout.approvalLines();
    const lxw_col_t approvalFrom = columns.size() > 2 ? lxw_col_t(columns.size() / 2) : lastCol;
    double approvalWidth = 0;
    for (int c = approvalFrom; c < columns.size(); ++c)
        approvalWidth += widths[c];
    for (const QString &line : approval) {
        writeMerged(ws, row, approvalFrom, lastCol, line, fmt.approval);
        setHeight(row, kLineHeight * textLines(line, approvalWidth));
        ++row;
    }
    if (!approval.isEmpty())
        ++row;
    for (const QString &line : layout.titleLines()) {
        writeMerged(ws, row, 0, lastCol, line, fmt.title);
        setHeight(row, 18.75 * textLines(line, totalWidth * 0.85));
        ++row;
    }
    ++row;

    // Header row: frozen on screen and repeated on every printed page.
    const lxw_row_t headerRow = row;
    int headerLines = 1;
    for (int c = 0; c < columns.size(); ++c) {
        const QString heading = columns[c].heading.simplified();
        worksheet_write_string(ws, row, lxw_col_t(c), utf8(heading).c_str(), fmt.header);
        headerLines = std::max(headerLines, textLines(heading, widths[c], true));
    }
    setHeight(row, kLineHeight * headerLines + 4);
    worksheet_freeze_panes(ws, headerRow + 1, 0);
    worksheet_repeat_rows(ws, headerRow, headerRow);
    ++row;

    for (int si = 0; si < plan.sections.size(); ++si) {
        const core::Section &section = plan.sections[si];
        const QString title = PlanExportTable::sectionText(section).simplified();
        writeMerged(ws, row, 0, lastCol, title, fmt.section);
        // a section's heading never ends a page
        setHeight(row, kLineHeight * textLines(title, totalWidth, true), true);
        ++row;
        for (int mi = 0; mi < section.measures.size(); ++mi) {
            const core::Measure &m = section.measures[mi];
            const core::ExecutionReport::Row *er =
                report ? &report->sections()[si].rows[mi] : nullptr;
            int lines = 1;
            for (int c = 0; c < columns.size(); ++c) {
                const auto col = lxw_col_t(c);
                if (columns[c].role == core::ColumnRole::CompletionDate) {
                    const QDate d = er ? er->completionDate : m.completionDate;
                    if (d.isValid()) {
                        lxw_datetime dt = excelDate(d);
                        worksheet_write_datetime(ws, row, col, &dt, fmt.date);
                    } else {
                        worksheet_write_blank(ws, row, col, fmt.date);
                    }
                    continue;
                }
                const QString text = layout.cellText(m, c, er);
                worksheet_write_string(ws, row, col, utf8(text).c_str(),
                                       layout.isCentered(c) ? fmt.cellCenter : fmt.cell);
                lines = std::max(lines, textLines(text, widths[c]));
            }
            // the last measure keeps with the section's totals under it
            setHeight(row, std::min(409.0, kLineHeight * lines + 2),
                      report && mi + 1 == section.measures.size());
            ++row;
        }
        if (report) {
            const QString text =
                QStringLiteral("Итого по разделу: ") + report->sections()[si].totals.describe();
            writeMerged(ws, row, 0, lastCol, text, fmt.totals);
            setHeight(row, kLineHeight * textLines(text, totalWidth));
            ++row;
        }
    }
    const QList<int> breaks = XlsxPrintLayout::pageBreaks(
        heights, keepWithNext, int(headerRow), XlsxPrintLayout::pageBodyHeight(widths, landscape));
    if (!breaks.isEmpty()) {
        std::vector<lxw_row_t> rows(breaks.cbegin(), breaks.cend());
        rows.push_back(0); // the list's end
        worksheet_set_h_pagebreaks(ws, rows.data());
    }
}

void writeSummarySheet(lxw_worksheet *ws, const core::ExecutionReport &report, const Formats &fmt) {
    const QStringList headings{QStringLiteral("№ раздела"),    QStringLiteral("Раздел"),
                               QStringLiteral("Всего"),        QStringLiteral("Выполнено"),
                               QStringLiteral("Не выполнено"), QStringLiteral("Перенесено"),
                               QStringLiteral("В работе"),     QStringLiteral("Запланировано"),
                               QStringLiteral("Просрочено"),   QStringLiteral("Выполнено, %")};
    const QList<double> widths{10, 60, 9, 12, 13, 13, 11, 15, 13, 13};
    for (int c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    XlsxPrintLayout::setPage(ws, true);
    const CellLines textLines;

    const auto last = lxw_col_t(headings.size() - 1);
    writeMerged(ws, 0, 0, last, QStringLiteral("Исполнение плана мероприятий"), fmt.title);
    worksheet_set_row(ws, 0, 18.75, nullptr);
    worksheet_merge_range(ws, 1, 0, 1, 1, "по состоянию на", fmt.approval);
    // A merged cell holding a real date: merge empty, then write the date into its first cell.
    lxw_datetime dt = excelDate(report.date());
    worksheet_merge_range(ws, 1, 2, 1, 3, "", fmt.plainDate);
    worksheet_write_datetime(ws, 1, 2, &dt, fmt.plainDate);

    const lxw_row_t headerRow = 3;
    for (int c = 0; c < headings.size(); ++c)
        worksheet_write_string(ws, headerRow, lxw_col_t(c), utf8(headings[c]).c_str(), fmt.header);
    worksheet_set_row(ws, headerRow, kLineHeight * 2 + 4, nullptr);
    worksheet_freeze_panes(ws, headerRow + 1, 0);
    worksheet_repeat_rows(ws, headerRow, headerRow);

    const auto writeTotals = [&](lxw_row_t row, const core::ExecutionTotals &t, bool bold) {
        lxw_format *num = bold ? fmt.boldNumber : fmt.number;
        const int values[] = {t.total,      t.done,    t.notDone, t.postponed,
                              t.inProgress, t.planned, t.overdue};
        for (int i = 0; i < 7; ++i)
            worksheet_write_number(ws, row, lxw_col_t(2 + i), values[i], num);
        worksheet_write_number(ws, row, 9, t.total ? double(t.done) / t.total : 0.0,
                               bold ? fmt.boldPercent : fmt.percent);
    };
    lxw_row_t row = headerRow + 1;
    for (const auto &s : report.sections()) {
        worksheet_write_string(ws, row, 0, utf8(s.section->number.trimmed()).c_str(),
                               fmt.cellCenter);
        const QString title = s.section->title.simplified();
        worksheet_write_string(ws, row, 1, utf8(title).c_str(), fmt.cell);
        worksheet_set_row(ws, row, kLineHeight * textLines(title, widths[1]) + 2, nullptr);
        writeTotals(row, s.totals, false);
        ++row;
    }
    worksheet_merge_range(ws, row, 0, row, 1, "Итого по плану", fmt.section);
    writeTotals(row, report.totals(), true);
}

} // namespace

core::Status PlanXlsxWriter::write(const core::Plan &plan, const QString &path,
                                   const PlanExportOptions &options) {
    // Written next to the target and renamed over it, so a failure never leaves half a file.
    const QString partial = path + QStringLiteral(".part");
    const std::string nativePartial = QFile::encodeName(partial).toStdString();
    lxw_workbook *wb = workbook_new(nativePartial.c_str());
    if (!wb)
        return core::Error{QStringLiteral("Не удалось создать книгу Excel"), path};
    XlsxPrintLayout::setArialNormalFont(wb);

    const std::string title = utf8(plan.title.simplified());
    const std::string organization = utf8(plan.organization.name.simplified());
    const std::string subject =
        utf8(options.isReport() ? QStringLiteral("Отчёт об исполнении плана мероприятий")
                                : QStringLiteral("План мероприятий"));
    lxw_doc_properties props{};
    props.title = const_cast<char *>(title.c_str());
    props.subject = const_cast<char *>(subject.c_str());
    props.company = const_cast<char *>(organization.c_str());
    props.author = const_cast<char *>(organization.c_str());
    props.comments = const_cast<char *>("Объективность");
    workbook_set_properties(wb, &props);

    const Formats fmt = makeFormats(wb);
    const core::ExecutionReport report(plan, options.isReport() ? options.reportDate
                                                                : QDate::currentDate());
    lxw_worksheet *planSheet = workbook_add_worksheet(wb, "План");
    writePlanSheet(planSheet, plan, options, options.isReport() ? &report : nullptr, fmt);
    lxw_worksheet *summarySheet = workbook_add_worksheet(wb, "Исполнение");
    writeSummarySheet(summarySheet, report, fmt);

    return XlsxWriteErrorText::closeAndReplace(wb, partial, path);
}

} // namespace objectivity::io
