#pragma once
#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::io {

// A horizontal bar chart of the «аналитическая справка», drawn with QPainter into an image (no
// Qt Charts, no widgets): one row per category, bars side by side or stacked to 100 %, the
// values written on the bars, the legend below.
struct ReportChart {
    struct Series {
        QString name;
        QColor color;
        QList<double> values;
    };
    QStringList categories;
    QList<Series> series;
    bool stacked = false; // stacked to 100 % (shares); else side by side (counts)
    QString unit;         // «%» after the values on the bars, or empty

    // The chart at `dpi` for a width of `widthMm` on paper; its height follows the categories
    // up to `maxHeightMm` (the bars get thinner beyond).
    QImage paint(double widthMm, double maxHeightMm = 200, int dpi = 200) const;
};

} // namespace objectivity::io
