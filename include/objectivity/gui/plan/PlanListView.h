#pragma once
#include <QWidget>

class QTreeView;

namespace objectivity::storage {
class PlanRepository;
}

namespace objectivity::gui {

class PlanListModel;

// The list of plans grouped by organization and academic year, with status and progress.
class PlanListView : public QWidget {
    Q_OBJECT
public:
    explicit PlanListView(QWidget *parent = nullptr);

    void reload(storage::PlanRepository *repository); // keeps the selection
    void selectPlan(qint64 planId);
    qint64 currentPlanId() const;
    PlanListModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }

signals:
    void planActivated(qint64 planId);
    void failed(const QString &message);

private:
    PlanListModel *m_model;
    QTreeView *m_tree;
    bool m_reloading = false;
};

} // namespace objectivity::gui
