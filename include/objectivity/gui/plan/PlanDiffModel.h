#pragma once
#include "objectivity/core/plan/PlanDiff.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// The comparison of two revisions as a table: kind, number, measure, what changed (old → new);
// rows are tinted green (added), red (removed), yellow (changed).
class PlanDiffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Kind, Number, Text, Changes, ColumnCount };
    explicit PlanDiffModel(QObject *parent = nullptr);

    void setDiff(const core::PlanDiff &diff);
    const core::PlanDiff &diff() const { return m_diff; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // «Сроки: «Май» → «Июнь»» lines of a changed entry.
    static QString changesText(const core::PlanDiffEntry &entry);

private:
    core::PlanDiff m_diff;
};

} // namespace objectivity::gui
