#include "objectivity/io/export/ReportDocument.h"

namespace objectivity::io {

void ReportDocument::table(const QStringList &header, const QList<QStringList> &rows,
                           const QList<int> &widths, bool totalRow) {
    Block b;
    b.kind = Block::Kind::Table;
    b.header = header;
    b.rows = rows;
    b.widths = widths;
    b.totalRow = totalRow;
    blocks.append(b);
}

void ReportDocument::figure(const QImage &image, double widthMm, const QString &caption) {
    Block b;
    b.kind = Block::Kind::Figure;
    b.image = image;
    b.widthMm = widthMm;
    b.text = caption;
    blocks.append(b);
}

QString ReportDocument::plainText() const {
    QStringList out;
    for (const Block &b : blocks) {
        if (!b.lead.isEmpty() || !b.text.isEmpty())
            out << (b.lead.isEmpty() ? b.text : b.lead + QLatin1Char(' ') + b.text);
        if (!b.cells.isEmpty())
            out << b.cells.join(QLatin1Char(' '));
        if (!b.header.isEmpty())
            out << b.header.join(QLatin1Char(' '));
        for (const QStringList &row : b.rows)
            out << row.join(QLatin1Char(' '));
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace objectivity::io
