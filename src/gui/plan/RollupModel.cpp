#include "objectivity/gui/plan/RollupModel.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace objectivity::gui {

RollupModel::RollupModel(Kind kind, QObject *parent) : QAbstractTableModel(parent), m_kind(kind) {}

void RollupModel::setRollup(const core::PlanRollup &rollup) {
    beginResetModel();
    m_rollup = rollup;
    endResetModel();
}

int RollupModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return int(m_kind == Kind::Measures ? m_rollup.measures.size() : m_rollup.schools.size());
}

int RollupModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : leading() + 7;
}

QVariant RollupModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int column = index.column();
    const core::RollupCounts *counts = nullptr;
    QStringList lead;
    QString overdueList, overdueFull;
    if (m_kind == Kind::Measures) {
        const auto &m = m_rollup.measures.at(index.row());
        counts = &m.counts;
        lead = {m.number, m.text.simplified(), m.deadline.simplified()};
        overdueList = m.overdueSchoolsText();
        overdueFull = m.overdueSchools.join(QStringLiteral(", "));
    } else {
        const auto &s = m_rollup.schools.at(index.row());
        counts = &s.counts;
        lead = {s.name.simplified(), s.code};
        overdueList = s.overdueMeasures.join(QStringLiteral(", "));
        overdueFull = overdueList;
    }
    const int k = column - leading(); // 0..6 after the leading columns
    const QList<int> numbers = {counts->total, counts->done, counts->inProgress, counts->overdue,
                                counts->notStarted};
    switch (role) {
    case Qt::DisplayRole:
        if (k < 0)
            return lead.value(column);
        if (k < 5)
            return numbers[k];
        if (k == 5)
            return QStringLiteral("%1 %").arg(std::lround(counts->doneShare() * 100));
        return overdueList;
    case Qt::UserRole: // for sorting
        if (k == 5)
            return counts->doneShare();
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (k < 0 && column == 1 && m_kind == Kind::Measures)
            return lead.value(1);
        if (k == 6 && !overdueFull.isEmpty())
            return overdueFull;
        return {};
    case Qt::TextAlignmentRole:
        return k >= 0 && k <= 5 ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (k == 3 && counts->overdue > 0)
            return QBrush(QColor(0xF8, 0xCB, 0xAD));
        return {};
    default:
        return {};
    }
}

QVariant RollupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList measures = {QStringLiteral("№"), QStringLiteral("Мероприятие"),
                                         QStringLiteral("Срок")};
    static const QStringList schools = {QStringLiteral("Школа"), QStringLiteral("Логин ОО")};
    static const QStringList rest = {QStringLiteral("Школ"),      QStringLiteral("Выполнено"),
                                     QStringLiteral("В работе"),  QStringLiteral("Просрочено"),
                                     QStringLiteral("Не начато"), QStringLiteral("Выполнено, %"),
                                     QStringLiteral("Просрочили")};
    const QStringList &lead = m_kind == Kind::Measures ? measures : schools;
    if (section < lead.size())
        return lead[section];
    const int k = section - int(lead.size());
    if (m_kind == Kind::Schools && k == 0)
        return QStringLiteral("Мероприятий");
    if (m_kind == Kind::Schools && k == 6)
        return QStringLiteral("Просрочены мероприятия");
    return rest.value(k);
}

} // namespace objectivity::gui
