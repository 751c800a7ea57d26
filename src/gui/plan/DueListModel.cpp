#include "objectivity/gui/plan/DueListModel.h"

#include <QBrush>
#include <QColor>

namespace objectivity::gui {

DueListModel::DueListModel(QObject *parent) : QAbstractTableModel(parent) {}

void DueListModel::setEntries(const QList<core::DueEntry> &entries) {
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int DueListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DueListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DueListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const core::DueEntry &e = m_entries[index.row()];
    if (role == PlanIdRole)
        return e.planId;
    if (role == MeasureIdRole)
        return e.measure.id;
    if (role == Qt::ToolTipRole) {
        if (index.column() == WindowColumn)
            return QString(QStringLiteral("Срок в плане: ") + e.measure.deadline.text);
        if (index.column() == MeasureColumn)
            return e.measure.text;
        if (index.column() == StatusColumn && e.measure.isMarkedPerWindow())
            return QString(QStringLiteral("Выполнение по срокам: ") +
                           e.measure.windowStatusesText());
        if (index.column() == PlanColumn)
            return e.planTitle;
        return {};
    }
    // a recurring measure shows the status of the window that put it in the list
    const core::MeasureStatus status = e.measure.isMarkedPerWindow() && e.window.isValid()
                                           ? e.measure.windowStatus(e.window)
                                           : e.measure.status;
    if (role == Qt::BackgroundRole && index.column() == StatusColumn &&
        status == core::MeasureStatus::Done)
        return QBrush(QColor(0xdf, 0xf2, 0xdf));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WindowColumn: {
        const auto &w = e.window;
        if (!w.isValid())
            return e.measure.deadline.text;
        if (w.from == w.to)
            return w.from.toString(u"dd.MM.yyyy");
        return QString(w.from.toString(u"dd.MM.yyyy") + QStringLiteral(" – ") +
                       w.to.toString(u"dd.MM.yyyy"));
    }
    case MeasureColumn:
        return QString(e.measure.number + QLatin1Char(0x20) + e.measure.text);
    case OwnersColumn:
        return e.measure.owners.join(QStringLiteral(", "));
    case StatusColumn:
        if (e.measure.isMarkedPerWindow() && e.window.isValid())
            return QString(core::Deadline::windowLabel(e.window) + QStringLiteral(" — ") +
                           core::Measure::statusDisplayName(status));
        return core::Measure::statusDisplayName(status);
    case PlanColumn: // the organization and period name a plan in a line; the title is the tip
        if (e.organization.isEmpty())
            return e.planTitle;
        return e.period.isEmpty() ? e.organization
                                  : QString(e.organization + QStringLiteral(", ") + e.period);
    default:
        return {};
    }
}

QVariant DueListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WindowColumn:
        return QStringLiteral("Срок");
    case MeasureColumn:
        return QStringLiteral("Мероприятие");
    case OwnersColumn:
        return QStringLiteral("Ответственные");
    case StatusColumn:
        return QStringLiteral("Отметка");
    case PlanColumn:
        return QStringLiteral("План");
    default:
        return {};
    }
}

} // namespace objectivity::gui
