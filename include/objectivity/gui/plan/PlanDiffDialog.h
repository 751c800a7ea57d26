#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableView;

namespace objectivity::storage {
class PlanRepository;
}

namespace objectivity::gui {

class PlanDiffModel;

// «Сравнить редакции»: the open plan against another plan of the database (by default the revision
// it was made from, else the newest revision made from it): added, removed and changed measures,
// highlighted.
class PlanDiffDialog : public QDialog {
    Q_OBJECT
public:
    PlanDiffDialog(storage::PlanRepository &plans, const core::Plan &plan,
                   QWidget *parent = nullptr);
    PlanDiffModel *model() const { return m_model; }
    QComboBox *otherPlan() const { return m_other; }
    void compareWith(qint64 otherPlanId);

private:
    storage::PlanRepository &m_plans;
    core::Plan m_plan;
    QComboBox *m_other;
    QLabel *m_summary;
    PlanDiffModel *m_model;
    QTableView *m_view;
};

} // namespace objectivity::gui
