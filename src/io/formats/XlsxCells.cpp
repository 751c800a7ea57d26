#include "formats/XlsxCells.h"

#include "objectivity/io/formats/XmlErrorText.h"

#include <QDate>
#include <QDateTime>

#include <cmath>

namespace objectivity::io::xlsx {

bool parseCellRef(QStringView ref, int *row, int *column) {
    int c = 0;
    qsizetype i = 0;
    while (i < ref.size() && ref.at(i).isLetter()) {
        c = c * 26 + (ref.at(i).toUpper().unicode() - u'A' + 1);
        if (c > 16384)
            return false;
        ++i;
    }
    bool ok = false;
    const int r = ref.mid(i).toInt(&ok);
    if (i == 0 || !ok || r < 1 || r > 1048576)
        return false;
    *row = r - 1;
    *column = c - 1;
    return true;
}

bool parseMergeRef(const QString &ref, XlsxSheet::Range *range) {
    const QStringList ends = ref.split(QLatin1Char(':'));
    return ends.size() == 2 && parseCellRef(ends.at(0), &range->firstRow, &range->firstColumn) &&
           parseCellRef(ends.at(1), &range->lastRow, &range->lastColumn) &&
           range->lastRow >= range->firstRow && range->lastColumn >= range->firstColumn;
}

QString readStringItem(QXmlStreamReader &r) {
    QString text;
    const QString end = r.name().toString();
    int phonetic = 0;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (r.name() == QLatin1String("t") && phonetic == 0)
                text += r.readElementText();
        } else if (r.isEndElement()) {
            if (r.name() == QLatin1String("rPh"))
                --phonetic;
            else if (r.name() == end)
                break;
        }
    }
    return text;
}

QVariant serialToDate(double serial, bool date1904) {
    const QDate base = date1904 ? QDate(1904, 1, 1) : QDate(1899, 12, 30);
    const double days = std::floor(serial);
    const QDate date = base.addDays(qint64(days));
    const double fraction = serial - days;
    if (fraction < 1e-9)
        return date;
    return QDateTime(date, QTime(0, 0).addMSecs(int(std::lround(fraction * 86400000.0))));
}

core::Error withDetails(core::Error e, const QXmlStreamReader &xml) {
    e.details = XmlErrorText::original(xml);
    return e;
}

} // namespace objectivity::io::xlsx
