#include "objectivity/gui/plan/PlanListView.h"

#include "objectivity/gui/plan/PlanListModel.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

namespace objectivity::gui {

PlanListView::PlanListView(QWidget *parent)
    : QWidget(parent), m_model(new PlanListModel(this)), m_tree(new QTreeView(this)) {
    m_tree->setModel(m_model);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(PlanListModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(PlanListModel::StatusColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(PlanListModel::ProgressColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->setIndentation(14);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id = m_model->planId(current);
                if (id > 0 && !m_reloading)
                    emit planActivated(id);
            });
}

void PlanListView::reload(storage::PlanRepository *repository) {
    const qint64 current = currentPlanId();
    m_reloading = true;
    if (repository) {
        auto plans = repository->list();
        if (plans)
            m_model->setPlans(plans.value());
        else
            emit failed(plans.error().toString());
    } else {
        m_model->setPlans({});
    }
    m_tree->expandAll();
    if (current > 0)
        m_tree->setCurrentIndex(m_model->indexOfPlan(current));
    m_reloading = false;
}

void PlanListView::selectPlan(qint64 planId) {
    const QModelIndex i = m_model->indexOfPlan(planId);
    if (i.isValid() && i != m_tree->currentIndex())
        m_tree->setCurrentIndex(i);
}

qint64 PlanListView::currentPlanId() const {
    return m_model->planId(m_tree->currentIndex());
}

} // namespace objectivity::gui
