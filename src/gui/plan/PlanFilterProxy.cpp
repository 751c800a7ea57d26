#include "objectivity/gui/plan/PlanFilterProxy.h"

#include "objectivity/gui/plan/PlanTreeModel.h"

namespace objectivity::gui {

PlanFilterProxy::PlanFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void PlanFilterProxy::setSearchText(const QString &text) {
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool PlanFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (m_words.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString text = i.data(PlanTreeModel::SearchTextRole).toString();
    for (const QString &w : m_words)
        if (!text.contains(w, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace objectivity::gui
