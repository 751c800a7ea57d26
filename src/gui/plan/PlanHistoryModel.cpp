#include "objectivity/gui/plan/PlanHistoryModel.h"

#include <QBrush>
#include <QColor>

namespace objectivity::gui {

PlanHistoryModel::PlanHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanHistoryModel::setChanges(const QList<core::PlanChange> &changes) {
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

int PlanHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_changes.size());
}

int PlanHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanHistoryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_changes.size())
        return {};
    const core::PlanChange &c = m_changes.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case When:
            return c.at.toString(QStringLiteral("dd.MM.yyyy HH:mm"));
        case Who:
            return c.user.isEmpty() ? QStringLiteral("—") : c.user;
        case What:
            return core::PlanChange::actionDisplayName(c.action);
        case Where:
            return c.target;
        case Field:
            return c.field.isEmpty() ? QString() : core::PlanChange::fieldDisplayName(c.field);
        case Old:
            return role == Qt::DisplayRole ? c.oldValue.simplified() : c.oldValue;
        case New:
            return role == Qt::DisplayRole ? c.newValue.simplified() : c.newValue;
        case Comment:
            return c.comment;
        default:
            return {};
        }
    }
    if (role == Qt::BackgroundRole && index.column() == What) {
        if (c.action == QLatin1String("approve"))
            return QBrush(QColor(0xd8, 0xf0, 0xd8));
        if (c.action == QLatin1String("return"))
            return QBrush(QColor(0xf8, 0xe0, 0xc8));
    }
    return {};
}

QVariant PlanHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList titles{QStringLiteral("Когда"), QStringLiteral("Кто"),
                                    QStringLiteral("Что"),   QStringLiteral("Где"),
                                    QStringLiteral("Поле"),  QStringLiteral("Было"),
                                    QStringLiteral("Стало"), QStringLiteral("Комментарий")};
    return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
}

} // namespace objectivity::gui
