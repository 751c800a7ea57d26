#include "objectivity/io/export/ReportChart.h"

#include "objectivity/core/common/NumberText.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace objectivity::io {

namespace {

QFont chartFont(double pt, int dpi, bool bold = false) {
    QFont font(QStringLiteral("Liberation Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(1, int(std::lround(pt * dpi / 72.0))));
    font.setBold(bold);
    return font;
}

QString valueText(double v, bool shares) {
    return shares ? core::NumberText::fixed(v, 1) : QString::number(std::lround(v));
}

// A step of 1, 2 or 5 × 10^k giving about five grid lines up to `max`.
double gridStep(double max) {
    const double raw = std::max(1.0, max / 5);
    const double p = std::pow(10, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw)
            return m * p;
    return 10 * p;
}

} // namespace

QImage ReportChart::paint(double widthMm, double maxHeightMm, int dpi) const {
    const double mm = dpi / 25.4;
    const QFont font = chartFont(9, dpi), small = chartFont(8, dpi);

    const QFontMetricsF fm(font), sm(small);
    const int rows = int(categories.size());
    const int bars = stacked ? 1 : std::max<int>(1, int(series.size()));
    // the legend: items in lines as wide as the chart
    const double itemGap = 6 * mm, swatch = 5 * mm;
    QList<QList<int>> legendLines(1);
    double lineWidth = 0;
    for (int s = 0; s < series.size(); ++s) {
        const double w = swatch + fm.horizontalAdvance(series[s].name) + itemGap;
        if (lineWidth > 0 && lineWidth + w > widthMm * mm) {
            legendLines.append(QList<int>());
            lineWidth = 0;
        }
        legendLines.last().append(s);
        lineWidth += w;
    }
    const double legendHeight = 3 * mm + 5 * mm * legendLines.size(), axisHeight = 6 * mm,
                 top = 2 * mm;
    // 4.2 mm a bar, 2.5 mm between rows; thinner when the rows would not fit the height
    const double fit = (maxHeightMm * mm - legendHeight - axisHeight - top) /
                       (std::max(1, rows) * (4.2 * bars + 2.5) * mm);
    const double scale = std::clamp(fit, 0.35, 1.0);
    const double barHeight = 4.2 * mm * scale;
    const double rowHeight = barHeight * bars + 2.5 * mm * scale;
    const double width = widthMm * mm;
    double labelWidth = 0;
    for (const QString &c : categories)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(c));
    labelWidth = std::min(labelWidth + 2 * mm, width * 0.38);
    const double height = top + rows * rowHeight + axisHeight + legendHeight;
    QImage image(QSize(int(std::ceil(width)), int(std::ceil(height))), QImage::Format_RGB32);
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);

    const QRectF plot(labelWidth, top, width - labelWidth - 4 * mm, rows * rowHeight);
    double max = 100;
    if (!stacked) {
        max = 1;
        for (const Series &s : series)
            for (double v : s.values)
                max = std::max(max, v);
    }
    const double step = stacked ? 20 : gridStep(max);
    max = stacked ? 100 : std::ceil(max / step) * step;
    // side by side, each value is written after its bar: one more step when a bar so long would
    // push its value past the plot («79 %» of a scale to 80 was cut to «79»)
    if (!stacked) {
        bool fits = true;
        for (const Series &s : series)
            for (double v : s.values)
                if (std::isfinite(v) && plot.width() * v / max + 1 * mm +
                                                sm.horizontalAdvance(valueText(v, false) + unit) >
                                            plot.width() + 3 * mm)
                    fits = false;
        if (!fits)
            max += step;
    }
    // grid and axis labels
    p.setFont(small);
    for (double v = 0; v <= max + 1e-9; v += step) {
        const double x = plot.left() + plot.width() * v / max;
        p.setPen(QPen(QColor(0xD0, 0xD0, 0xD0), 0.25 * mm));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(Qt::black);
        const QString label = valueText(v, false) + (stacked ? QStringLiteral(" %") : unit);
        p.drawText(QRectF(x - 10 * mm, plot.bottom() + 0.5 * mm, 20 * mm, axisHeight),
                   Qt::AlignHCenter | Qt::AlignTop, label);
    }
    // bars
    for (int r = 0; r < rows; ++r) {
        const double y0 = plot.top() + r * rowHeight + 1.25 * mm;
        p.setFont(font);
        p.setPen(Qt::black);
        p.drawText(QRectF(0, y0, labelWidth - 1.5 * mm, barHeight * bars),
                   Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(categories[r], Qt::ElideRight, labelWidth - 1.5 * mm));
        double x = plot.left();
        for (int s = 0; s < series.size(); ++s) {
            const double v = r < series[s].values.size() ? series[s].values[r] : 0;
            if (!std::isfinite(v))
                continue;
            const double w = plot.width() * v / max;
            const QRectF bar = stacked ? QRectF(x, y0, w, barHeight)
                                       : QRectF(plot.left(), y0 + s * barHeight, w, barHeight);
            p.fillRect(bar, series[s].color);
            p.setFont(small);
            const QString text = valueText(v, stacked) + unit;
            const double tw = sm.horizontalAdvance(text);
            if (barHeight < sm.height() * 0.8) { // too thin for its value
                x += stacked ? w : 0;
                continue;
            }
            if (stacked) {
                if (tw + 1 * mm < w) {
                    p.setPen(series[s].color.lightness() < 140 ? Qt::white : Qt::black);
                    p.drawText(bar, Qt::AlignCenter, text);
                }
                x += w;
            } else {
                p.setPen(Qt::black);
                p.drawText(QRectF(bar.right() + 1 * mm, bar.top(), tw + 2 * mm, barHeight),
                           Qt::AlignLeft | Qt::AlignVCenter, text);
            }
        }
    }
    p.setPen(QPen(Qt::black, 0.3 * mm));
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    // legend
    p.setFont(font);
    double ly = plot.bottom() + axisHeight + 1.5 * mm;
    for (const QList<int> &line : legendLines) {
        double lx = 0;
        for (int i : line) {
            const Series &s = series[i];
            p.fillRect(QRectF(lx, ly + 0.8 * mm, 3.5 * mm, 3.5 * mm), s.color);
            p.setPen(Qt::black);
            const double tw = fm.horizontalAdvance(s.name);
            p.drawText(QRectF(lx + swatch, ly, tw + 2 * mm, 5 * mm),
                       Qt::AlignLeft | Qt::AlignVCenter, s.name);
            lx += swatch + tw + itemGap;
        }
        ly += 5 * mm;
    }
    p.end();
    return image;
}

} // namespace objectivity::io
