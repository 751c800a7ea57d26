#pragma once
#include "objectivity/core/plan/Plan.h"
#include "objectivity/storage/plan/DistributionOutcome.h"

#include <QDialog>

class QLabel;
class QListWidget;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// «Разослать в планы школ…»: the measures of the municipal plan addressed to the schools and the
// schools of its municipality, each checked; «Разослать» copies the measures into the checked
// schools' plans (storage::PlanDistributor, one transaction) and shows what each school got.
class DistributeDialog : public QDialog {
    Q_OBJECT
public:
    DistributeDialog(storage::Database &db, const core::Plan &municipal, QWidget *parent = nullptr);

    // Filled after a successful distribution.
    const QList<storage::DistributionOutcome> &outcomes() const { return m_outcomes; }
    // The schools offered (for tests): check state by row.
    QListWidget *schoolList() const { return m_schools; }
    // Distributes to the checked schools; false (and a message box unless `quiet`) on error.
    bool distribute(bool quiet = false);

private:
    storage::Database &m_db;
    core::Plan m_plan;
    QLabel *m_measures;
    QListWidget *m_schools;
    QList<storage::DistributionSchool> m_offered;
    QList<storage::DistributionOutcome> m_outcomes;
};

} // namespace objectivity::gui
