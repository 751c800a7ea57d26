#include "export/XlsxPrintLayout.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace objectivity::io {

void XlsxPrintLayout::setPage(lxw_worksheet *ws, bool landscape, bool fitToWidth) {
    if (landscape)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    worksheet_set_paper(ws, 9);                                            // A4
    worksheet_set_margins(ws, 20 / 25.4, 10 / 25.4, 20 / 25.4, 20 / 25.4); // inches
    worksheet_set_header(ws, "&C&P");
    if (fitToWidth)
        worksheet_fit_to_pages(ws, 1, 0);
}

double XlsxPrintLayout::unscaledPageWidthUnits(int columns, bool landscape) {
    // setPage's margins: left 20, right 10 mm. A unit is the Normal font's digit: Excel draws it
    // in whole pixels, 7 px (1.85 mm) of Arial 10; LibreOffice exactly, Liberation Sans' 0.556 em
    // (1.962 mm, measured 1.956–1.959 on its PDFs). The wider one counts: Excel then fills 94 %
    // of the page. libxlsxwriter adds 5 px of padding to a column and rounds it to a pixel.
    constexpr double unitMm = 1.962;
    constexpr double padding = 5.0 / 7 + 1.0 / 14;
    return (landscape ? 267 : 180) * 0.985 / unitMm - padding * columns;
}

int XlsxPrintLayout::lineCount(const QString &text, double width, double charsPerUnit) {
    const double perLine = std::max(4.0, width * charsPerUnit - 1);
    int lines = 0;
    for (const QString &paragraph : text.split(u'\n'))
        lines += std::max(1, int(std::ceil(paragraph.size() / perLine)));
    return lines;
}

void XlsxPrintLayout::setArialNormalFont(lxw_workbook *wb) {
    // the first format of a workbook is its default, the Normal style's font
    lxw_format *normal = wb ? STAILQ_FIRST(wb->formats) : nullptr;
    if (!normal)
        return;
    format_set_font_name(normal, "Arial");
    format_set_font_size(normal, 10);
    format_set_font_scheme(normal, ""); // «minor» would make Excel take the theme's Calibri
}

double XlsxPrintLayout::pageBodyHeight(const QList<double> &columnWidths, bool landscape) {
    constexpr double mmToPt = 72 / 25.4;
    // setPage's margins: left 20, right 10, top and bottom 20 mm
    const double pageWidth = ((landscape ? 297 : 210) - 30) * mmToPt;
    const double pageHeight = ((landscape ? 210 : 297) - 40) * mmToPt;
    double sheetWidth = 0;
    for (const double w : columnWidths)
        sheetWidth += std::floor(w * 7 + 5) * 0.75; // pixels of 96 dpi to points
    const double scale =
        sheetWidth > 0 ? std::min(100.0, std::floor(100 * pageWidth / sheetWidth)) / 100 : 1;
    return pageHeight / scale;
}

QList<int> XlsxPrintLayout::pageBreaks(const QList<double> &rowHeights,
                                       const QList<bool> &keepWithNext, int headerRow,
                                       double pageHeight) {
    constexpr double defaultHeight = 15;
    constexpr int maxBreaks = 1023; // Excel's limit of manual breaks per sheet
    // Excel draws a row in whole pixels of 96 dpi (0.75 pt), rounded up here; 2 pt kept for the
    // grid lines
    const double room = pageHeight - 2;
    auto height = [&](int r) {
        const double h = rowHeights.value(r) > 0 ? rowHeights[r] : defaultHeight;
        return std::ceil(h / 0.75 - 1e-9) * 0.75;
    };
    auto keeps = [&](int r) { return keepWithNext.value(r); };
    QList<int> breaks;
    int pageStart = 0; // the first row of the current page (below the repeated header)
    double used = 0;
    for (int r = 0; r < rowHeights.size(); ++r) {
        const double h = height(r);
        if (used + h <= room || r == pageStart) {
            used += h;
            continue;
        }
        // row r goes to the next page, and with it the rows before it that keep with the next,
        // unless that would leave the page empty
        int at = r;
        while (at - 1 > pageStart && keeps(at - 1))
            --at;
        breaks << at;
        if (breaks.size() > maxBreaks)
            return {};
        pageStart = at;
        used = r > headerRow && headerRow >= 0 ? height(headerRow) : 0;
        for (int k = at; k <= r; ++k)
            used += height(k);
    }
    return breaks;
}

} // namespace objectivity::io
