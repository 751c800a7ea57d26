#pragma once
#include "objectivity/core/plan/DueEntry.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// One list of the «Сроки» view (due in a month, overdue, next 30 days) as a table.
class DueListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        WindowColumn,
        MeasureColumn,
        OwnersColumn,
        StatusColumn,
        PlanColumn,
        ColumnCount
    };
    enum Roles { PlanIdRole = Qt::UserRole + 1, MeasureIdRole };

    explicit DueListModel(QObject *parent = nullptr);
    void setEntries(const QList<core::DueEntry> &entries);
    const QList<core::DueEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::DueEntry> m_entries;
};

} // namespace objectivity::gui
