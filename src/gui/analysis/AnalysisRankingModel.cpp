#include "objectivity/gui/analysis/AnalysisRankingModel.h"

namespace objectivity::gui {

AnalysisRankingModel::AnalysisRankingModel(QObject *parent) : QAbstractTableModel(parent) {}

void AnalysisRankingModel::setOverview(const AnalysisOverview &overview) {
    beginResetModel();
    m_rows.clear();
    for (const auto &s : overview.schools)
        if (s.resultsSigns > 0 || s.currentSigns > 0 || !s.officialYears.isEmpty())
            m_rows << s;
    endResetModel();
}

int AnalysisRankingModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalysisRankingModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnalysisRankingModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const auto &r = m_rows[index.row()];
    if (role == Qt::TextAlignmentRole && index.column() != SchoolName &&
        index.column() != Municipality && index.column() != Official &&
        index.column() != SchoolCode)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    // the whole name where the column cuts it («МАОУ «СОШ № 14 с углублённым изучением отде…»)
    if (role == Qt::ToolTipRole && (index.column() == SchoolName || index.column() == Municipality))
        return index.column() == SchoolName ? r.name : r.municipality;
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Place:
        return index.row() + 1;
    case SchoolCode:
        return r.code;
    case SchoolName:
        return r.name;
    case Municipality:
        return r.municipality;
    case ResultsSigns:
        return r.resultsSigns;
    case CurrentSigns:
        return r.currentSigns;
    case YearsInRow:
        return r.yearsInRow;
    case Official: {
        if (role == Qt::UserRole)
            return int(r.officialYears.size());
        QStringList years;
        for (int y : r.officialYears)
            years << QString::number(y);
        return years.isEmpty() ? QStringLiteral("нет") : years.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant AnalysisRankingModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == YearsInRow)
        return QStringLiteral("Сколько лет подряд у школы есть признаки необъективных результатов; "
                              "если в фильтре выбран год — сколько лет подряд по этот год "
                              "включительно");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Place:
        return QStringLiteral("№");
    case SchoolCode:
        return QStringLiteral("Логин");
    case SchoolName:
        return QStringLiteral("Школа");
    case Municipality:
        return QStringLiteral("Муниципалитет");
    case ResultsSigns:
        return QStringLiteral("Единиц с признаками\nрезультатов");
    case CurrentSigns:
        return QStringLiteral("Единиц с признаками\nтекущего оценивания");
    case YearsInRow:
        return QStringLiteral("Лет\nподряд");
    case Official:
        return QStringLiteral("В официальном\nсписке, годы");
    default:
        return {};
    }
}

} // namespace objectivity::gui
