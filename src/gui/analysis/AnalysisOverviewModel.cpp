#include "objectivity/gui/analysis/AnalysisOverviewModel.h"

#include "objectivity/core/common/NumberText.h"

#include <QFont>

namespace objectivity::gui {

AnalysisOverviewModel::AnalysisOverviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void AnalysisOverviewModel::setOverview(const AnalysisOverview &overview) {
    beginResetModel();
    m_rows = overview.municipalities;
    if (overview.total.schools > 0)
        m_rows << overview.total;
    endResetModel();
}

const AnalysisOverview::MunicipalityRow &AnalysisOverviewModel::rowAt(int row) const {
    return m_rows[row];
}

int AnalysisOverviewModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalysisOverviewModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnalysisOverviewModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const auto &r = m_rows[index.row()];
    const bool total = index.row() == m_rows.size() - 1 && r.municipality == u"Итого";
    if (role == Qt::FontRole && total) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole && index.column() != Municipality)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Municipality && !r.municipality.isEmpty())
        return r.municipality; // the whole name where the column cuts it
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Municipality:
        return r.municipality.isEmpty() ? QStringLiteral("(не указан)") : r.municipality;
    case Schools:
        return r.schools;
    case WithResults:
        return r.withResults;
    case WithCurrent:
        return r.withCurrent;
    case Share:
        return role == Qt::UserRole
                   ? QVariant(r.resultsShare())
                   : QVariant(core::NumberText::fixed(r.resultsShare(), 1) + QStringLiteral(" %"));
    case Official:
        return r.official;
    default:
        return {};
    }
}

QVariant AnalysisOverviewModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Schools:
            return QStringLiteral("Школы, у которых проанализирована хотя бы одна процедура");
        case Share:
            return QStringLiteral("Доля школ с признаками необъективности результатов среди "
                                  "проанализированных");
        case WithResults:
            return QStringLiteral("Школы, у которых хотя бы в одной процедуре есть признак "
                                  "необъективности результатов");
        case WithCurrent:
            return QStringLiteral("Школы с признаками необъективности текущего оценивания "
                                  "(отметки по журналу, годовые отметки)");
        case Official:
            return QStringLiteral("Школы, названные в импортированных официальных списках "
                                  "школ с признаками");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Municipality:
        return QStringLiteral("Муниципалитет");
    case Schools:
        return QStringLiteral("Школ");
    case WithResults:
        return QStringLiteral("С признаками\nрезультатов");
    case WithCurrent:
        return QStringLiteral("С признаками\nтекущ. оценивания");
    case Share:
        return QStringLiteral("Доля с признаками\nрезультатов");
    case Official:
        return QStringLiteral("В официальном\nсписке");
    default:
        return {};
    }
}

} // namespace objectivity::gui
