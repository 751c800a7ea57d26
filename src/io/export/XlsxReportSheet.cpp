#include "export/XlsxReportSheet.h"

#include "export/XlsxPrintLayout.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace objectivity::io {

XlsxReportSheet::XlsxReportSheet(lxw_workbook *wb, const QString &name, double pointSize)
    : m_ws(workbook_add_worksheet(wb, name.toUtf8().constData())), m_name(name),
      m_pointSize(pointSize),
      m_font(PlanColumnWidths::fontMeasures(QStringLiteral("Liberation Sans"), pointSize)) {}

void XlsxReportSheet::text(int row, int col, const QString &value, lxw_format *f) {
    worksheet_write_string(m_ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                           value.toUtf8().constData(), f);
}

void XlsxReportSheet::number(int row, int col, double value, lxw_format *f) {
    if (std::isfinite(value))
        worksheet_write_number(m_ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               value, f);
    else if (f)
        worksheet_write_blank(m_ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), f);
}

void XlsxReportSheet::width(int col, double w) {
    m_widths.insert(col, w);
    worksheet_set_column(m_ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), w,
                         nullptr);
}

void XlsxReportSheet::widths(std::initializer_list<double> proportions) {
    double sum = 0;
    for (const double x : proportions)
        sum += x;
    const double page = XlsxPrintLayout::unscaledPageWidthUnits(int(proportions.size()), true);
    int col = 0;
    for (const double x : proportions) // tenths of a unit, as a person would set them
        width(col++, std::floor(x / sum * page * 10) / 10);
}

int XlsxReportSheet::lines(const QString &text, double width, bool bold) const {
    if (m_font) {
        // Lines as Excel wraps them: a unit is 7 px of 96 dpi, plus 5 px per column, and the
        // cell's margins and border take 7 (LibreOffice draws the columns 6 % wider: its rows
        // have room to spare)
        const double innerMm = std::max(1.0, std::floor(width * 7 + 5) - 7) * 25.4 / 96;
        return std::max(1, PlanColumnWidths::wrappedLines(
                               PlanColumnWidths::measureText(
                                   text, bold ? m_font->bold : m_font->plain, m_font->space),
                               innerMm));
    }
    // Without fonts: a unit of width holds about one character of Arial 10 (Cyrillic); a smaller
    // font fits more. Words wrap whole (a narrow column loses the end of most lines), a word
    // longer than the line is cut.
    const double perLine = std::max(4.0, width * 10.0 / m_pointSize * (bold ? 0.9 : 1.0) - 1);
    int lines = 0;
    for (const QString &paragraph : text.split(u'\n')) {
        double used = 0;
        int n = 1;
        for (const QString &word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            const double w = word.size();
            if (used > 0 && used + 1 + w > perLine) {
                ++n;
                used = 0;
            }
            used += (used > 0 ? 1 : 0) + w;
            while (used > perLine) { // a word longer than the line
                ++n;
                used -= perLine;
            }
        }
        lines += n;
    }
    return std::max(1, lines);
}

void XlsxReportSheet::heading(int row, const QStringList &titles, lxw_format *f,
                              const QList<int> &rotated, lxw_format *up, double upHeight) {
    QList<std::pair<int, QString>> cells;
    for (int c = 0; c < titles.size(); ++c) {
        const bool isUp = up && rotated.contains(c);
        text(row, c, titles[c], isUp ? up : f);
        if (!isUp)
            cells.append({c, titles[c]});
    }
    int most = 1;
    for (const auto &[col, value] : cells)
        most = std::max(most, lines(value, m_widths.value(col, 8.43), true));
    setHeight(row, std::max(upHeight, lineHeight() * most + 2));
}

void XlsxReportSheet::fit(int row, const QList<std::pair<int, QString>> &cells, bool bold) {
    int most = 1;
    for (const auto &[col, value] : cells)
        most = std::max(most, lines(value, m_widths.value(col, 8.43), bold));
    setHeight(row, lineHeight() * most + 2);
}

void XlsxReportSheet::merge(int row, int firstCol, int lastCol, const QString &value, lxw_format *f,
                            double pointSize, bool bold) {
    worksheet_merge_range(m_ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(firstCol),
                          static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(lastCol),
                          value.toUtf8().constData(), f);
    double width = 0;
    for (int c = firstCol; c <= lastCol; ++c)
        width += m_widths.value(c, 8.43);
    // a larger font is measured as the sheet's in a narrower column
    const double scale = pointSize > 0 ? pointSize / m_pointSize : 1;
    const int n = lines(value, width / scale, bold);
    if (n > 1 || scale != 1)
        setHeight(row, lineHeight() * scale * n + 2);
}

void XlsxReportSheet::setHeight(int row, double points) {
    worksheet_set_row(m_ws, static_cast<lxw_row_t>(row), points, nullptr);
    if (m_heights.size() <= row)
        m_heights.resize(row + 1);
    m_heights[row] = points;
}

QString XlsxReportSheet::headerTitle(const QString &title) const {
    // One line of 10 pt beside «Стр. N из M»: Calc makes the page header as tall as its text and
    // the page's body shorter (a title of two lines moved the table down by a line, and the
    // pages computed for the body no longer fitted: Calc added breaks of its own); Excel would
    // draw the second line over the table.
    constexpr double roomMm = 215;
    const QStringList words = title.simplified().split(u' ');
    if (!m_font)
        return title.size() > 110 ? title.left(109) + QChar(0x2026) : title;
    const double scale = 10 / m_pointSize;
    double used = 0;
    QStringList kept;
    for (const QString &word : words) {
        used += (kept.isEmpty() ? 0 : m_font->space * scale) + m_font->plain(word) * scale;
        if (used > roomMm)
            return kept.join(u' ') + QChar(0x2026);
        kept << word;
    }
    return kept.join(u' ');
}

void XlsxReportSheet::printable(const QString &title, int headingRow) {
    XlsxPrintLayout::setPage(m_ws, true, false);
    // The title at the top left, «Стр. N из M» at the top right; «&» is doubled in a header.
    QString escaped = headerTitle(title);
    escaped.replace(QLatin1Char('&'), QStringLiteral("&&"));
    const QString header = QStringLiteral("&L&10%1&R&10Стр. &P из &N").arg(escaped);
    lxw_header_footer_options margins{};
    margins.margin = 8 / 25.4;
    worksheet_set_header_opt(m_ws, header.toUtf8().constData(), &margins);
    if (headingRow < 0)
        return;
    worksheet_repeat_rows(m_ws, static_cast<lxw_row_t>(headingRow),
                          static_cast<lxw_row_t>(headingRow));
    worksheet_freeze_panes(m_ws, static_cast<lxw_row_t>(headingRow + 1), 0);
    // Every page end is given, computed from the rows' heights: Calc's own breaks printed an
    // empty page after some sheets (which rows a page holds decided it), and with them Excel and
    // Calc end the pages at the same rows.
    QList<double> widths;
    for (int c = 0; c < m_widths.size(); ++c)
        widths << m_widths.value(c, 8.43);
    const QList<int> breaks = XlsxPrintLayout::pageBreaks(
        m_heights, {}, headingRow, XlsxPrintLayout::pageBodyHeight(widths, true));
    if (!breaks.isEmpty()) {
        std::vector<lxw_row_t> rows(breaks.cbegin(), breaks.cend());
        rows.push_back(0); // the list's end
        worksheet_set_h_pagebreaks(m_ws, rows.data());
    }
}

} // namespace objectivity::io
