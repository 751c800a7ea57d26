#pragma once
// Print layout shared by the Excel writers (private to src/io): Russian office conventions for a
// sheet that will be printed, and the row heights Excel and LibreOffice do not compute on their
// own.
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
    // Lines a text takes in a column of `width` characters.
    static int lineCount(const QString &text, double width);
};

} // namespace objectivity::io
