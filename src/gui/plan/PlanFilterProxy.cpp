#include "objectivity/gui/plan/PlanFilterProxy.h"

#include "objectivity/gui/plan/PlanTreeModel.h"

namespace objectivity::gui {

PlanFilterProxy::PlanFilterProxy(QObject *parent) : WordFilterProxy(parent) {
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

bool PlanFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (!hasWords())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return containsAllWords(i.data(PlanTreeModel::SearchTextRole).toString());
}

} // namespace objectivity::gui
