#pragma once
#include "objectivity/storage/plan/PlanSummary.h"

#include <QAbstractItemModel>

namespace objectivity::gui {

// The plan list: organizations at the top level, their academic years below, plans under the
// years (newest revision first) with status and progress (done/total).
class PlanListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { TitleColumn, StatusColumn, ProgressColumn, ColumnCount };
    enum Roles { PlanIdRole = Qt::UserRole + 1 };

    explicit PlanListModel(QObject *parent = nullptr);

    void setPlans(const QList<storage::PlanSummary> &plans);
    const QList<storage::PlanSummary> &plans() const { return m_plans; }
    QModelIndex indexOfPlan(qint64 planId) const;
    qint64 planId(const QModelIndex &index) const; // 0 for group rows

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Year {
        core::AcademicPeriod period;
        QList<int> plans; // indexes into m_plans
    };
    struct Org {
        QString name;
        QList<Year> years;
    };
    // internalId encodes the level: org rows 0; year rows (org+1) << 20; plan rows also carry year.
    static quintptr yearId(int org) { return quintptr(org + 1); }
    static quintptr planId(int org, int year) {
        return (quintptr(year + 1) << 20) | quintptr(org + 1);
    }
    int level(const QModelIndex &index) const; // 0 org, 1 year, 2 plan
    const storage::PlanSummary *summary(const QModelIndex &index) const;

    QList<storage::PlanSummary> m_plans;
    QList<Org> m_orgs;
};

} // namespace objectivity::gui
