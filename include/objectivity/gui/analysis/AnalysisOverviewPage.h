#pragma once
#include "objectivity/gui/analysis/AnalysisOverview.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace objectivity::gui {

class AnalysisOverviewModel;
class AnalysisRankingModel;
class ChartPanel;

// «Обзор» of the analysis view: filters (year, procedure, municipality), the municipalities as a
// table and a bar chart, and the school ranking. Double-click on a school asks for its card.
class AnalysisOverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisOverviewPage(QWidget *parent = nullptr);

    // The report must outlive its use here (the analysis view keeps it); nullptr clears.
    void setReport(const core::AnalysisReport *report);
    void setFilter(const AnalysisOverview::Filter &filter);
    AnalysisOverview::Filter filter() const;
    const AnalysisOverview &overview() const { return m_overview; }
    AnalysisOverviewModel *municipalityModel() const { return m_municipalities; }
    AnalysisRankingModel *rankingModel() const { return m_ranking; }
    QTableView *rankingView() const { return m_rankingView; }
    ChartPanel *chartPanel() const { return m_chart; }

signals:
    void schoolActivated(const QString &schoolCode);

private:
    // the most municipalities the chart shows (two bars each, three with the official lists)
    static constexpr int kChartMunicipalities = 6;
    void refresh();
    void rebuildChart();

    const core::AnalysisReport *m_report = nullptr;
    AnalysisOverview m_overview;
    QComboBox *m_year, *m_kind, *m_municipality;
    AnalysisOverviewModel *m_municipalities;
    AnalysisRankingModel *m_ranking;
    QTableView *m_municipalityView, *m_rankingView;
    ChartPanel *m_chart;
    QLabel *m_summary;
    bool m_filling = false;
};

} // namespace objectivity::gui
