#pragma once
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPushButton;

namespace objectivity::gui {

// One chart of the analysis with the sentence under it saying what to look at, and «Сохранить как
// PNG…» (button and context menu). The panel owns the chart it is given; setChart replaces it.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);

    // Takes ownership of `chart`; `hint` is the sentence under the chart.
    void setChart(QChart *chart, const QString &hint);
    QChart *chart() const;
    QChartView *chartView() const { return m_view; }
    QString hint() const;
    // Renders the chart (not the panel) at its current size, twice the pixels; false when the
    // file cannot be written.
    bool savePng(const QString &path) const;

private:
    void chooseFile();

    QChartView *m_view;
    QLabel *m_hint;
    QPushButton *m_save;
};

} // namespace objectivity::gui
