#include "objectivity/gui/analysis/AnalysisFlagsModel.h"

#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionTitle.h"

#include <algorithm>

namespace objectivity::gui {

AnalysisFlagsModel::AnalysisFlagsModel(QObject *parent) : QAbstractTableModel(parent) {}

QString AnalysisFlagsModel::criterionTitle(const QString &code) {
    return core::criterionTitle(code);
}

void AnalysisFlagsModel::setReport(const core::AnalysisReport *report) {
    beginResetModel();
    m_rows.clear();
    if (report)
        for (const core::UnitReport &u : report->units)
            for (int f = 0; f < u.findings.size(); ++f)
                if (u.findings.at(f).flagged)
                    m_rows.append({&u, f});
    // signs of non-objective results first (they name a school), each kind in the report's order
    std::stable_partition(m_rows.begin(), m_rows.end(), [](const Row &r) {
        return r.unit->findings.at(r.finding).kind() == core::CriterionKind::Results;
    });
    endResetModel();
}

const core::UnitReport *AnalysisFlagsModel::unitAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).unit : nullptr;
}

const core::CriterionFinding *AnalysisFlagsModel::findingAt(int row) const {
    return row >= 0 && row < m_rows.size()
               ? &m_rows.at(row).unit->findings.at(m_rows.at(row).finding)
               : nullptr;
}

int AnalysisFlagsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalysisFlagsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnalysisFlagsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const core::UnitReport &u = *m_rows.at(index.row()).unit;
    const core::CriterionFinding &f = u.findings.at(m_rows.at(index.row()).finding);
    if (role == Qt::ToolTipRole && index.column() == Explanation) {
        QString tip = f.explanation;
        if (!f.participants.isEmpty())
            tip += QStringLiteral("\nУчастники: ") + f.participants.join(QStringLiteral(", "));
        return tip;
    }
    if (role == Qt::ToolTipRole && index.column() == Criterion)
        return f.code;
    if (role == Qt::ToolTipRole && index.column() == SignKind)
        return core::criterionKindMeaning(f.kind());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Year || index.column() == Grade ||
                       index.column() == Participants || index.column() == PValue ||
                       index.column() == QValue
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    // Sorting: numbers as numbers.
    const bool sort = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sort)
        return {};
    switch (index.column()) {
    case Year:
        return u.year;
    case Kind:
        return core::procedureKindCode(u.kind);
    case Grade:
        return u.grade;
    case Subject:
        return u.subject.isEmpty() ? QStringLiteral("все предметы (медали)") : u.subject;
    case SchoolCode:
        return u.schoolCode;
    case SchoolName:
        return u.schoolName;
    case Municipality:
        return u.municipality;
    case Participants:
        return u.n;
    case Criterion: // with the part tested: two boundaries of one unit are two rows that differ
        return core::findingTitle(f);
    case SignKind:
        return f.kind() == core::CriterionKind::Results ? QStringLiteral("результаты")
                                                        : QStringLiteral("текущее оценивание");
    case PValue:
        return sort ? QVariant(f.pValue) : QVariant(core::probabilityText(f, f.pValue));
    case QValue:
        return sort ? QVariant(f.qValue) : QVariant(core::probabilityText(f, f.qValue));
    case Explanation:
        return f.explanation;
    default:
        return {};
    }
}

QVariant AnalysisFlagsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    static const QStringList titles = {QStringLiteral("Год"),
                                       QStringLiteral("Процедура"),
                                       QStringLiteral("Класс"),
                                       QStringLiteral("Предмет"),
                                       QStringLiteral("Логин ОО"),
                                       QStringLiteral("Школа"),
                                       QStringLiteral("Муниципалитет"),
                                       QStringLiteral("Участников"),
                                       QStringLiteral("Вид признака"),
                                       QStringLiteral("Признак"),
                                       QStringLiteral("p"),
                                       QStringLiteral("q (БХ)"),
                                       QStringLiteral("Пояснение")};
    if (role == Qt::DisplayRole)
        return titles.value(section);
    if (role == Qt::ToolTipRole && section == SignKind)
        return QStringLiteral("«результаты» — признаки необъективности самих результатов ВПР/ГИА; "
                              "«текущее оценивание» — отметки по журналу и годовые расходятся с "
                              "независимой оценкой");
    if (role == Qt::ToolTipRole && section == PValue)
        return QStringLiteral("Вероятность получить такое отклонение случайно; «по правилу» — "
                              "признак проверяет правило (условия медали), а не вероятность");
    if (role == Qt::ToolTipRole && section == QValue)
        return QStringLiteral("p-значение с поправкой Бенджамини — Хохберга на множественные "
                              "сравнения; признак ставится, когда q не больше порога");
    return {};
}

} // namespace objectivity::gui
