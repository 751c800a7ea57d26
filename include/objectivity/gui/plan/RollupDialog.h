#pragma once
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanRollup.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QTabWidget;
class QTableView;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

class RollupModel;

// «Свод по школам» of a municipal plan: the date, the totals, two tabs («По мероприятиям», «По
// школам»; RollupModel), saving to Excel and PDF, and «Разослать в планы школ…»
// (DistributeDialog) when the signed-in role may.
class RollupDialog : public QDialog {
    Q_OBJECT
public:
    RollupDialog(storage::Database &db, const core::Plan &municipal, QWidget *parent = nullptr);

    const core::PlanRollup &rollup() const { return m_rollup; }
    RollupModel *measuresModel() const { return m_measuresModel; }
    RollupModel *schoolsModel() const { return m_schoolsModel; }
    void setDate(const QDate &date);
    // Reads the links and marks again and rebuilds the tables.
    void refresh();
    // «Разослать в планы школ…»: the confirmation with the list of schools, then refresh.
    void startDistribution();

signals:
    void distributed(); // school plans changed

private:
    void save(bool pdf);

    storage::Database &m_db;
    core::Plan m_plan;
    core::PlanRollup m_rollup;
    QDateEdit *m_date;
    QLabel *m_totals;
    QTabWidget *m_tabs;
    RollupModel *m_measuresModel;
    RollupModel *m_schoolsModel;
};

} // namespace objectivity::gui
