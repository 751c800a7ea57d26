#include "objectivity/gui/analysis/AnalysisSchoolsModel.h"

#include "objectivity/core/analysis/CriterionKind.h"

#include <algorithm>

namespace objectivity::gui {

namespace {
QString byYear(const QMap<int, int> &map) {
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral("; "));
}
int total(const QMap<int, int> &map) {
    int sum = 0;
    for (int v : map)
        sum += v;
    return sum;
}
} // namespace

AnalysisSchoolsModel::AnalysisSchoolsModel(QObject *parent) : QAbstractTableModel(parent) {}

void AnalysisSchoolsModel::setReport(const core::AnalysisReport *report) {
    beginResetModel();
    m_rows.clear();
    if (report)
        for (const core::SchoolSummary &s : report->schools)
            if (s.markers > 0 || s.currentAssessment > 0 || !s.officialByYear.isEmpty())
                m_rows << &s;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const auto *a, const auto *b) {
        if (a->markers != b->markers)
            return a->markers > b->markers;
        if (a->currentAssessment != b->currentAssessment)
            return a->currentAssessment > b->currentAssessment;
        return a->schoolCode < b->schoolCode;
    });
    endResetModel();
}

const core::SchoolSummary *AnalysisSchoolsModel::schoolAt(int row) const {
    return m_rows.value(row, nullptr);
}

int AnalysisSchoolsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalysisSchoolsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnalysisSchoolsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const core::SchoolSummary &s = *m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Markers || index.column() == YearsInRow ||
                       index.column() == CurrentAssessment
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    const bool sort = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sort)
        return {};
    switch (index.column()) {
    case SchoolCode:
        return s.schoolCode;
    case SchoolName:
        return s.schoolName;
    case Municipality:
        return s.municipality;
    case Markers:
        return s.markers;
    case ByYear:
        return sort ? QVariant(s.markers) : QVariant(byYear(s.markersByYear));
    case YearsInRow:
        return s.yearsInRow;
    case CurrentAssessment:
        return s.currentAssessment;
    case Official:
        if (sort)
            return total(s.officialByYear);
        return s.officialByYear.isEmpty() ? QStringLiteral("нет в списках")
                                          : byYear(s.officialByYear);
    default:
        return {};
    }
}

QVariant AnalysisSchoolsModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    static const QStringList titles = {QStringLiteral("Логин ОО"),
                                       QStringLiteral("Школа"),
                                       QStringLiteral("Муниципалитет"),
                                       QStringLiteral("Признаков\nрезультатов"),
                                       QStringLiteral("По годам"),
                                       QStringLiteral("Лет\nподряд"),
                                       QStringLiteral("Официальные списки\n(год: маркеров)"),
                                       QStringLiteral("Признаков текущего\nоценивания")};
    if (role == Qt::DisplayRole)
        return titles.value(section);
    if (role == Qt::ToolTipRole && section == Markers)
        return QString(QStringLiteral("Число единиц анализа (год, процедура, класс, предмет) с "
                                      "признаками необъективности результатов. ") +
                       core::criterionKindMeaning(core::CriterionKind::Results));
    if (role == Qt::ToolTipRole && section == CurrentAssessment)
        return QString(QStringLiteral("Число единиц анализа с признаками необъективности "
                                      "текущего оценивания. ") +
                       core::criterionKindMeaning(core::CriterionKind::CurrentAssessment));
    if (role == Qt::ToolTipRole && section == YearsInRow)
        return QStringLiteral("Наибольшее число лет подряд с признаками");
    return {};
}

} // namespace objectivity::gui
