// The bar charts of the «аналитическая справка» (io::ReportChart), read from their pixels: a
// value written after its bar stays inside the picture, whatever the scale's round top.
#include "objectivity/io/export/ReportChart.h"

#include <QColor>
#include <QImage>
#include <gtest/gtest.h>

using namespace objectivity;

namespace {

// The dark (text) pixels in the picture's last `columns` columns, above the legend.
int darkAtTheRightEdge(const QImage &image, int columns, int rowsFromTop) {
    int dark = 0;
    for (int y = 0; y < rowsFromTop && y < image.height(); ++y)
        for (int x = image.width() - columns; x < image.width(); ++x)
            if (QColor(image.pixel(x, y)).lightness() < 100)
                ++dark;
    return dark;
}

// The rightmost pixel of `color` (a bar) in the picture.
int rightmostOf(const QImage &image, QColor color) {
    int right = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y) == color)
                right = std::max(right, x);
    return right;
}

} // namespace

// «79 %» on a scale whose round top is 80: the bar reaches almost to the end of the plot, and
// its value was cut at the picture's edge («79», the « %» lost). The scale now takes one more
// step when a value would not fit after its bar.
TEST(ReportChart, AValueAfterALongBarStaysInsideThePicture) {
    io::ReportChart chart;
    chart.unit = QStringLiteral(" %");
    chart.categories = {QStringLiteral("ВПР, 4 кл., Русский язык"),
                        QStringLiteral("ВПР, 4 кл., Математика")};
    const QColor school(0xC0, 0x39, 0x2B), region(0x7F, 0x8C, 0x8D);
    chart.series = {{QStringLiteral("школа"), school, {79, 39}},
                    {QStringLiteral("регион"), region, {72, 56}}};
    const int dpi = 200;
    const QImage image = chart.paint(160, 200, dpi);
    ASSERT_FALSE(image.isNull());
    const double mm = dpi / 25.4;
    // the bars: 2 rows of two bars 4.2 mm each and 2.5 mm between rows, 2 mm from the top
    const int barsBottom = int(2 * mm + 2 * (2 * 4.2 + 2.5) * mm);
    EXPECT_EQ(darkAtTheRightEdge(image, int(1 * mm), barsBottom), 0)
        << "a value is cut at the picture's right edge";
    // and the longest bar leaves room for its value: «79 %» is some 8 mm at 8 pt
    const int right = rightmostOf(image, school);
    ASSERT_GT(right, 0);
    EXPECT_LT(right, image.width() - int(10 * mm));
}

// Shares stacked to 100 % keep their fixed scale: the top is 100 whatever the values.
TEST(ReportChart, StackedSharesFillTheirRowToTheScalesEnd) {
    io::ReportChart chart;
    chart.stacked = true;
    chart.categories = {QStringLiteral("Регион")};
    const QColor a(0xE6, 0x7E, 0x22), b(0x27, 0xAE, 0x60), c(0x29, 0x80, 0xB9);
    chart.series = {{QStringLiteral("понизили"), a, {20}},
                    {QStringLiteral("подтвердили"), b, {55}},
                    {QStringLiteral("повысили"), c, {25}}};
    const QImage image = chart.paint(160, 200, 200);
    const int lastOfA = rightmostOf(image, a), lastOfC = rightmostOf(image, c);
    ASSERT_GT(lastOfA, 0);
    ASSERT_GT(lastOfC, lastOfA);
    // the plot ends 4 mm before the picture's edge; the last share ends there
    EXPECT_NEAR(lastOfC, image.width() - 4 * 200 / 25.4, 3);
}
