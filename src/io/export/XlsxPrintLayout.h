#pragma once
// Print layout shared by the Excel writers (private to src/io): Russian office conventions for a
// sheet that will be printed, and the row heights Excel and LibreOffice do not compute on their
// own.
#include <QList>
#include <QString>

#include <xlsxwriter.h>

namespace objectivity::io {

class XlsxPrintLayout {
public:
    // Points per line of 11-pt text.
    static constexpr double kLineHeight = 15;

    // A4, landscape or portrait, ГОСТ Р 7.0.97-2016 margins (left 20 mm, right 10 mm, top and
    // bottom 20 mm), the page number at the top centre, fitted to one page wide unless
    // `fitToWidth` is false (then printed at 100 %: the columns must be sized for the page).
    static void setPage(lxw_worksheet *ws, bool landscape, bool fitToWidth = true);
    // The workbook's Normal style in Arial 10 instead of libxlsxwriter's Calibri 11 (call right
    // after workbook_new). Column widths are counted in the Normal font's digits: Arial 10's are
    // Calibri 11's 7 px in Excel, and LibreOffice has Arial's metric twin (Liberation Sans), so it
    // draws the columns as Excel does; with Calibri and without Carlito it drew them 1.4 times
    // wider, shrank the page to 71 % and made rows too tall. Only for workbooks whose cells all
    // name their font (the plan's are Times New Roman 12).
    static void setArialNormalFont(lxw_workbook *wb);
    // What the widths of `columns` columns may sum to for a sheet printed unscaled (setPage's
    // `fitToWidth` false) to fit between setPage's margins in Excel and in LibreOffice, with the
    // Normal font Arial 10 (setArialNormalFont); 1.5 % kept for the grid lines and rounding.
    // Excel then fills 94 % of the page. (The plan's sheet is fitted to the width and sized for
    // Excel: LibreOffice prints it at 96 %.)
    static double unscaledPageWidthUnits(int columns, bool landscape);
    // Lines a text takes in a column of `width` characters, `charsPerUnit` characters of the
    // cell's font filling a unit of width (line-end waste of word wrap included): 1.05 for the
    // default font; Times New Roman 12 (the plan) fills 0.88 (measured: 28–31 letters on a line
    // of 32 units, 50–57 on 60, as Excel and LibreOffice wrap them in Arial-10 units).
    static int lineCount(const QString &text, double width, double charsPerUnit = 1.05);

    // The height, in the sheet's points, of one printed page's body when the sheet is fitted to
    // one page wide: Excel's scale is the page's width over the columns' (a width unit of Calibri
    // 11 is 7 px plus 5 px of padding per column), in whole percent, at most 100.
    static double pageBodyHeight(const QList<double> &columnWidths, bool landscape);
    // Where pages end: the rows (0-based) a manual page break goes above, so that every page holds
    // at most `pageHeight` points less 2 (each row rounded up to whole pixels, as Excel draws it;
    // the repeated `headerRow` included from the second page on) and no page ends with a row that
    // keeps with the next (a section's heading) unless it is all the page holds. Rows without a
    // height are 15 pt. A sheet cannot keep a row with the next on its own: Excel and LibreOffice
    // break where the page is full. With every break given, both print the pages computed here.
    // Empty when more breaks would be needed than Excel allows.
    static QList<int> pageBreaks(const QList<double> &rowHeights, const QList<bool> &keepWithNext,
                                 int headerRow, double pageHeight);
};

} // namespace objectivity::io
