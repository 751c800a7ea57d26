#pragma once
#include "objectivity/core/plan/PlanRollup.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// One table of the roll-up («Свод по школам»): by measures or by schools, as the Excel sheets of
// the same names. Overdue counts have a red background; the share done is shown as «67 %» and
// sorts as a number (Qt::UserRole).
class RollupModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Kind { Measures, Schools };
    explicit RollupModel(Kind kind, QObject *parent = nullptr);

    void setRollup(const core::PlanRollup &rollup);
    Kind kind() const { return m_kind; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // The columns after the leading text columns: total, done, in progress, overdue, not started,
    // share, and the list of overdue schools or measures.
    int leading() const { return m_kind == Kind::Measures ? 3 : 2; }

    Kind m_kind;
    core::PlanRollup m_rollup;
};

} // namespace objectivity::gui
