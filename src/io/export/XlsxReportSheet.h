#pragma once
// A table worksheet of a report workbook (private to src/io; the analysis workbook, the plans'
// roll-up): cells in UTF-8 in Arial of one size, columns sharing the page's width, row heights
// from the wrapped text, and the printed page (A4 landscape, unscaled, the heading row repeated,
// the page ends given, the title and page numbers in the page header).
#include "objectivity/io/export/PlanColumnWidths.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <xlsxwriter.h>

#include <optional>

namespace objectivity::io {

class XlsxReportSheet {
public:
    XlsxReportSheet(lxw_workbook *wb, const QString &name, double pointSize);

    void text(int row, int col, const QString &value, lxw_format *f = nullptr);
    void number(int row, int col, double value, lxw_format *f = nullptr);
    void width(int col, double w);
    // The columns share the width of the page in these proportions: the sheet prints at 100 %
    // as wide as the page, in Excel and in LibreOffice (the workbook's Normal font is Arial).
    void widths(std::initializer_list<double> proportions);
    // A heading row (wrapped, as high as its longest heading needs). The headings of the
    // columns in `rotated` (narrow columns of numbers) are written upwards with `up`, and the
    // row is then at least `upHeight` points high.
    void heading(int row, const QStringList &titles, lxw_format *f, const QList<int> &rotated = {},
                 lxw_format *up = nullptr, double upHeight = 0);
    // Sets the height of `row` to the most lines any of `cells` (column, text) takes.
    void fit(int row, const QList<std::pair<int, QString>> &cells, bool bold = false);
    // Cells merged over the columns, the row as high as `value` needs in a font of `pointSize`
    // (0: the sheet's).
    void merge(int row, int firstCol, int lastCol, const QString &value, lxw_format *f,
               double pointSize = 0, bool bold = false);
    void setHeight(int row, double points);
    // The printed page; `headingRow` is repeated on every page and the pages end where the rows'
    // heights say (-1: no heading, the pages end where the program puts them).
    void printable(const QString &title, int headingRow);
    lxw_worksheet *ws() const { return m_ws; }
    QString name() const { return m_name; }
    double lineHeight() const { return m_pointSize * 1.32 + 0.5; }

private:
    int lines(const QString &text, double width, bool bold) const;
    // The title cut to one line of the page header.
    QString headerTitle(const QString &title) const;

    lxw_worksheet *m_ws;
    QString m_name;
    double m_pointSize;
    QHash<int, double> m_widths;
    QList<double> m_heights; // of the rows given a height (0: the default)
    // the cells' Arial, measured in Liberation Sans (its metric twin) where the program has fonts
    std::optional<PlanColumnWidths::FontMeasures> m_font;
};

} // namespace objectivity::io
