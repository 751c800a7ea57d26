#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QDialog>

class QTableView;

namespace objectivity::storage {
class PlanRepository;
}

namespace objectivity::gui {

class PlanHistoryModel;

// «История изменений» of a plan: a read-only table who / when / what / old / new.
class PlanHistoryDialog : public QDialog {
    Q_OBJECT
public:
    PlanHistoryDialog(storage::PlanRepository &plans, const core::Plan &plan,
                      QWidget *parent = nullptr);
    PlanHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    PlanHistoryModel *m_model;
    QTableView *m_view;
};

} // namespace objectivity::gui
