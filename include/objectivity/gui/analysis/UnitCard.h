#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/gui/analysis/UnitCardData.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QComboBox;
class QGridLayout;
class QLabel;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

class ChartPanel;
struct UnitCardOutcome;

// «Карточка»: one unit of the analysis (year, procedure, grade, subject, school) with its signs
// and the charts of UnitCharts; the school's other units in a drop-down. The data beyond the
// report is read on worker threads with their own connections, in two stages: the score
// distribution and the medallists (about 0.1 s on 1.2M rows), charts shown; then the school's
// positions in the procedures the report does not cover (seconds on 1.2M rows when the analysis
// was filtered), the positions chart redrawn. loaded() tells when both are done.
class UnitCard : public QDialog {
    Q_OBJECT
public:
    enum Part { Distribution, Journal, Tasks, Positions, Medals, PartCount };

    // `unit` must be one of report's units; the card keeps the report alive.
    UnitCard(storage::Database &db, std::shared_ptr<const core::AnalysisReport> report,
             const core::UnitReport &unit, QWidget *parent = nullptr);
    ~UnitCard() override;

    // Shows another unit of the same school (index into units()).
    void showUnit(int index);
    const QList<core::UnitReport> &units() const { return m_units; }
    int currentUnit() const { return m_current; }
    // True from the choice of a unit until both stages are done (loaded() is emitted).
    bool isLoading() const;
    // The panel of a part; nullptr when the unit has nothing to show for it.
    ChartPanel *panel(Part part) const;
    QString headerText() const;
    QString notesText() const;
    // A finding's explanation as the card lists it: the card shows the unit's scale under its
    // title, so an explanation that ends by naming the same scale («… Шкала: <scale>.») ends
    // without it.
    static QString explanationUnderScale(const QString &explanation, const QString &scale);
    // For a ВПР unit, the school's other ВПР of the same year and grade with their participants
    // («Другие ВПР 5 класса в 2024 году: Русский язык — 26 участников, История — 25.»): the data
    // has no number of pupils in the parallel, and a subject written by far fewer pupils than the
    // others is worth a question (methodology.md §3.1, «Кто не писал работу»). Empty for other
    // units and where there are none; `schoolUnits` are the school's units of the report.
    static QString sameParallelText(const QList<core::UnitReport> &schoolUnits,
                                    const core::UnitReport &unit);

signals:
    void loaded(bool ok);

private:
    void build();          // first stage read: every chart
    void buildPositions(); // second stage read: the positions chart again

    storage::Database &m_db;
    std::shared_ptr<const core::AnalysisReport> m_report;
    QList<core::UnitReport> m_units;
    int m_current = -1;
    bool m_loading = false; // from showUnit until both stages are done
    int m_stage = 0;        // the stage being read: 1 or 2
    int m_cells = 0;        // panels in the grid
    UnitCardData m_data;    // the first stage's data
    QComboBox *m_unitChoice;
    QLabel *m_header, *m_status, *m_notes;
    QWidget *m_charts;
    QGridLayout *m_grid;
    ChartPanel *m_panels[PartCount] = {};
    QFutureWatcher<UnitCardOutcome> *m_watcher, *m_positionsWatcher;
};

} // namespace objectivity::gui
