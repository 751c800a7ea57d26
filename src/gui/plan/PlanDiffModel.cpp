#include "objectivity/gui/plan/PlanDiffModel.h"

#include "objectivity/core/plan/PlanChange.h"
#include "objectivity/core/plan/PlanChangeLog.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace objectivity::gui {

namespace {

QString value(const core::Measure &m, const QString &section, const QString &field) {
    if (field == QLatin1String("text"))
        return m.text;
    if (field == QLatin1String("deadline"))
        return m.deadline.text;
    if (field == QLatin1String("owners"))
        return core::PlanChangeLog::ownersText(m.owners);
    if (field == QLatin1String("expected_result"))
        return m.expectedResult;
    if (field == QLatin1String("status"))
        return core::Measure::statusDisplayName(m.status);
    if (field == QLatin1String("completion_date"))
        return core::PlanChangeLog::dateText(m.completionDate);
    if (field == QLatin1String("note"))
        return m.note;
    if (field == QLatin1String("section"))
        return section;
    return {};
}

QString quoted(const QString &text) {
    return text.isEmpty() ? QStringLiteral("—") : QStringLiteral("«%1»").arg(text.simplified());
}

} // namespace

PlanDiffModel::PlanDiffModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanDiffModel::setDiff(const core::PlanDiff &diff) {
    beginResetModel();
    m_diff = diff;
    endResetModel();
}

QString PlanDiffModel::changesText(const core::PlanDiffEntry &e) {
    QStringList lines;
    for (const QString &f : e.fields)
        lines << core::PlanChange::fieldDisplayName(f) + QStringLiteral(": ") +
                     quoted(value(e.before, e.sectionBefore, f)) + QStringLiteral(" → ") +
                     quoted(value(e.after, e.sectionAfter, f));
    return lines.join(QLatin1Char('\n'));
}

int PlanDiffModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_diff.entries.size());
}

int PlanDiffModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanDiffModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_diff.entries.size())
        return {};
    const core::PlanDiffEntry &e = m_diff.entries.at(index.row());
    using K = core::PlanDiffEntry::Kind;
    const core::Measure &m = e.kind == K::Removed ? e.before : e.after;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Kind:
            return core::PlanDiffEntry::kindDisplayName(e.kind);
        case Number:
            return e.kind == K::Changed && e.before.number != e.after.number
                       ? e.before.number + QStringLiteral(" → ") + e.after.number
                       : m.number;
        case Text:
            return role == Qt::DisplayRole ? m.text.simplified() : m.text;
        case Changes:
            return changesText(e);
        default:
            return {};
        }
    }
    if (role == Qt::BackgroundRole) {
        switch (e.kind) {
        case K::Added:
            return QBrush(QColor(0xdc, 0xf4, 0xdc));
        case K::Removed:
            return QBrush(QColor(0xf8, 0xdc, 0xdc));
        case K::Changed:
            return QBrush(QColor(0xfc, 0xf4, 0xd0));
        }
    }
    if (role == Qt::FontRole && e.kind == K::Removed && index.column() == Text) {
        QFont f;
        f.setStrikeOut(true);
        return f;
    }
    return {};
}

QVariant PlanDiffModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList titles{QStringLiteral("Изменение"), QStringLiteral("№"),
                                    QStringLiteral("Мероприятие"), QStringLiteral("Что изменено")};
    return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
}

} // namespace objectivity::gui
