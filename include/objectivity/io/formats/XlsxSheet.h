#pragma once
#include <QList>
#include <QString>
#include <QVariant>

namespace objectivity::io {

// One worksheet read by XlsxReader: rows of cell values (QString, double, bool, QDate or QDateTime;
// an invalid QVariant for an empty cell). Row and column indexes are 0-based; rows[i] is the
// sheet's row i + 1 (empty rows are kept as empty lists, so indexes match the sheet's row numbers).
struct XlsxSheet {
    QString name;
    QList<QList<QVariant>> rows;
    // Merged ranges as read ("A1:C1" → first/last row and column, 0-based).
    struct Range {
        int firstRow = 0, firstColumn = 0, lastRow = 0, lastColumn = 0;
    };
    QList<Range> merged;

    QVariant value(int row, int column) const {
        if (row < 0 || row >= rows.size() || column < 0 || column >= rows.at(row).size())
            return QVariant();
        return rows.at(row).at(column);
    }
    // The cell as text: numbers without a trailing ".0", dates as dd.MM.yyyy, booleans as
    // «ИСТИНА»/«ЛОЖЬ».
    QString text(int row, int column) const { return cellText(value(row, column)); }
    static QString cellText(const QVariant &value);
    // "A1"-style name of a cell, for messages (0-based indexes).
    static QString cellName(int row, int column);
};

} // namespace objectivity::io
