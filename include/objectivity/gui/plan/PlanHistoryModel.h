#pragma once
#include "objectivity/core/plan/PlanChange.h"

#include <QAbstractTableModel>
#include <QList>

namespace objectivity::gui {

// The history of a plan as a table: when, who, what, where, field, old, new, comment.
class PlanHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Who, What, Where, Field, Old, New, Comment, ColumnCount };
    explicit PlanHistoryModel(QObject *parent = nullptr);

    void setChanges(const QList<core::PlanChange> &changes);
    const QList<core::PlanChange> &changes() const { return m_changes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::PlanChange> m_changes;
};

} // namespace objectivity::gui
