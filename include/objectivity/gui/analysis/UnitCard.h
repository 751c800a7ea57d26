#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

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
// report (score distribution, positions, medallists) is read on a worker thread with its own
// connection; loaded() tells when the charts are built.
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
    // True from the choice of a unit until its charts are built (loaded() is emitted).
    bool isLoading() const;
    // The panel of a part; nullptr when the unit has nothing to show for it.
    ChartPanel *panel(Part part) const;
    QString headerText() const;
    QString notesText() const;

signals:
    void loaded(bool ok);

private:
    void build();

    storage::Database &m_db;
    std::shared_ptr<const core::AnalysisReport> m_report;
    QList<core::UnitReport> m_units;
    int m_current = -1;
    bool m_loading = false; // from showUnit until its charts are built
    QComboBox *m_unitChoice;
    QLabel *m_header, *m_status, *m_notes;
    QWidget *m_charts;
    QGridLayout *m_grid;
    ChartPanel *m_panels[PartCount] = {};
    QFutureWatcher<UnitCardOutcome> *m_watcher;
};

} // namespace objectivity::gui
