#include "objectivity/gui/plan/PlanListModel.h"

#include <QFont>

#include <algorithm>

namespace objectivity::gui {

PlanListModel::PlanListModel(QObject *parent) : QAbstractItemModel(parent) {}

void PlanListModel::setPlans(const QList<storage::PlanSummary> &plans) {
    beginResetModel();
    m_plans = plans;
    m_orgs.clear();
    for (int i = 0; i < m_plans.size(); ++i) {
        const auto &p = m_plans[i];
        const QString orgName =
            p.organizationName.isEmpty() ? QStringLiteral("Без организации") : p.organizationName;
        auto org = std::find_if(m_orgs.begin(), m_orgs.end(),
                                [&](const Org &o) { return o.name == orgName; });
        if (org == m_orgs.end()) {
            m_orgs.append({orgName, {}});
            org = m_orgs.end() - 1;
        }
        auto year = std::find_if(org->years.begin(), org->years.end(),
                                 [&](const Year &y) { return y.period == p.period; });
        if (year == org->years.end()) {
            org->years.append({p.period, {}});
            year = org->years.end() - 1;
        }
        year->plans.append(i);
    }
    std::sort(m_orgs.begin(), m_orgs.end(),
              [](const Org &a, const Org &b) { return a.name.localeAwareCompare(b.name) < 0; });
    for (auto &org : m_orgs) {
        std::sort(org.years.begin(), org.years.end(), [](const Year &a, const Year &b) {
            return a.period.startYear != b.period.startYear
                       ? a.period.startYear > b.period.startYear
                       : a.period.endYear > b.period.endYear;
        });
        for (auto &y : org.years)
            std::sort(y.plans.begin(), y.plans.end(), [this](int a, int b) {
                const auto &pa = m_plans[a], &pb = m_plans[b];
                return pa.revision != pb.revision ? pa.revision > pb.revision : pa.id > pb.id;
            });
    }
    endResetModel();
}

int PlanListModel::level(const QModelIndex &index) const {
    if (!index.isValid())
        return -1;
    if (index.internalId() == 0)
        return 0;
    return (index.internalId() >> 20) == 0 ? 1 : 2;
}

const storage::PlanSummary *PlanListModel::summary(const QModelIndex &index) const {
    if (level(index) != 2)
        return nullptr;
    const int org = int(index.internalId() & 0xfffff) - 1;
    const int year = int(index.internalId() >> 20) - 1;
    return &m_plans[m_orgs[org].years[year].plans[index.row()]];
}

QModelIndex PlanListModel::indexOfPlan(qint64 id) const {
    for (int o = 0; o < m_orgs.size(); ++o)
        for (int y = 0; y < m_orgs[o].years.size(); ++y) {
            const auto &plans = m_orgs[o].years[y].plans;
            for (int r = 0; r < plans.size(); ++r)
                if (m_plans[plans[r]].id == id)
                    return createIndex(r, 0, planId(o, y));
        }
    return {};
}

qint64 PlanListModel::planId(const QModelIndex &index) const {
    const auto *s = summary(index);
    return s ? s->id : 0;
}

QModelIndex PlanListModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    switch (level(parent)) {
    case -1:
        return createIndex(row, column, quintptr(0));
    case 0:
        return createIndex(row, column, yearId(parent.row()));
    case 1:
        return createIndex(row, column, planId(int(parent.internalId()) - 1, parent.row()));
    default:
        return {};
    }
}

QModelIndex PlanListModel::parent(const QModelIndex &child) const {
    switch (level(child)) {
    case 1:
        return createIndex(int(child.internalId()) - 1, 0, quintptr(0));
    case 2: {
        const int org = int(child.internalId() & 0xfffff) - 1;
        const int year = int(child.internalId() >> 20) - 1;
        return createIndex(year, 0, yearId(org));
    }
    default:
        return {};
    }
}

int PlanListModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    switch (level(parent)) {
    case -1:
        return int(m_orgs.size());
    case 0:
        return int(m_orgs[parent.row()].years.size());
    case 1:
        return int(m_orgs[int(parent.internalId()) - 1].years[parent.row()].plans.size());
    default:
        return 0;
    }
}

int PlanListModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant PlanListModel::data(const QModelIndex &index, int role) const {
    const int lvl = level(index);
    if (lvl < 0)
        return {};
    if (lvl == 0) {
        if (role == Qt::DisplayRole && index.column() == TitleColumn)
            return m_orgs[index.row()].name;
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    if (lvl == 1) {
        const auto &y = m_orgs[int(index.internalId()) - 1].years[index.row()];
        if (role == Qt::DisplayRole && index.column() == TitleColumn)
            return y.period.isValid() ? y.period.toDisplayString() + QStringLiteral(" учебный год")
                                      : QStringLiteral("Период не указан");
        return {};
    }
    const auto *s = summary(index);
    if (role == PlanIdRole)
        return s->id;
    if (role == Qt::ToolTipRole && index.column() == TitleColumn)
        return s->title;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TitleColumn: {
        const QString title = s->title.isEmpty() ? QStringLiteral("План мероприятий") : s->title;
        // the revision first: the pane cuts a long title, and «(ред. 2)» at its end was never seen
        // (two revisions of one year read the same)
        return s->revision > 1 ? QStringLiteral("ред. %1 · %2").arg(s->revision).arg(title) : title;
    }
    case StatusColumn:
        return core::Plan::statusDisplayName(s->status);
    case ProgressColumn:
        return QStringLiteral("%1/%2").arg(s->doneCount).arg(s->measureCount);
    default:
        return {};
    }
}

QVariant PlanListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return QStringLiteral("План");
    case StatusColumn:
        return QStringLiteral("Статус");
    case ProgressColumn:
        return QStringLiteral("Выполнено");
    default:
        return {};
    }
}

} // namespace objectivity::gui
