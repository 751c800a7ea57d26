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

int XlsxPrintLayout::lineCount(const QString &text, double width) {
    const double perLine = std::max(4.0, width * 1.05 - 1);
    int lines = 0;
    for (const QString &paragraph : text.split(u'\n'))
        lines += std::max(1, int(std::ceil(paragraph.size() / perLine)));
    return lines;
}

} // namespace objectivity::io
