#include "objectivity/gui/results/MarkScaleModel.h"

#include "objectivity/core/results/SubjectCatalog.h"

#include <QFont>

namespace objectivity::gui {

MarkScaleModel::MarkScaleModel(QObject *parent) : QAbstractTableModel(parent) {}

void MarkScaleModel::setScales(const QList<core::MarkScale> &scales) {
    beginResetModel();
    m_scales = scales;
    m_dirty = QList<bool>(scales.size(), false);
    m_removed.clear();
    endResetModel();
}

int MarkScaleModel::addScale(const core::MarkScale &scale) {
    const int row = int(m_scales.size());
    beginInsertRows({}, row, row);
    m_scales << scale;
    m_scales.last().id = 0;
    m_dirty << true;
    endInsertRows();
    return row;
}

void MarkScaleModel::removeScale(int row) {
    if (row < 0 || row >= m_scales.size())
        return;
    beginRemoveRows({}, row, row);
    if (m_scales.at(row).id > 0)
        m_removed << m_scales.at(row).id;
    m_scales.removeAt(row);
    m_dirty.removeAt(row);
    endRemoveRows();
}

QString MarkScaleModel::validate(const core::MarkScale &s) {
    if (s.subject.trimmed().isEmpty())
        return QStringLiteral("не указан предмет");
    if (core::SubjectCatalog::canonical(s.subject).isEmpty())
        return QStringLiteral("неизвестный предмет «%1»").arg(s.subject);
    if (s.grade < 1 || s.grade > 11)
        return QStringLiteral("класс должен быть от 1 до 11 (указан %1)").arg(s.grade);
    if (s.year != 0 && (s.year < 2000 || s.year > 2100))
        return QStringLiteral("год %1 вне допустимого диапазона (2000–2100; 0 — любой год)")
            .arg(s.year);
    if (s.maxPrimary < 0 || s.minFor3 < 0 || s.minFor4 < 0 || s.minFor5 < 0)
        return QStringLiteral("баллы не могут быть отрицательными");
    if ((s.minFor4 > 0 || s.minFor5 > 0) && s.minFor3 == 0)
        return QStringLiteral("указаны границы «4» или «5», но не указана граница «3»");
    if (s.minFor4 > 0 && s.minFor4 <= s.minFor3)
        return QStringLiteral("граница «4» (%1) должна быть больше границы «3» (%2)")
            .arg(s.minFor4)
            .arg(s.minFor3);
    if (s.minFor5 > 0 && s.minFor4 == 0)
        return QStringLiteral("указана граница «5», но не указана граница «4»");
    if (s.minFor5 > 0 && s.minFor5 <= s.minFor4)
        return QStringLiteral("граница «5» (%1) должна быть больше границы «4» (%2)")
            .arg(s.minFor5)
            .arg(s.minFor4);
    if (s.maxPrimary > 0)
        for (const auto &[mark, value] :
             {std::pair{3, s.minFor3}, std::pair{4, s.minFor4}, std::pair{5, s.minFor5}})
            if (value > s.maxPrimary)
                return QStringLiteral("граница «%1» (%2) больше максимального балла (%3)")
                    .arg(mark)
                    .arg(value)
                    .arg(s.maxPrimary);
    if (s.minTestScore < 0 || s.minTestScore > 100)
        return QStringLiteral("минимальный тестовый балл должен быть от 0 до 100 (указан %1)")
            .arg(s.minTestScore);
    if (s.minTestScore > 0 && s.kind != core::ProcedureKind::EGE)
        return QStringLiteral("минимальный тестовый балл бывает только у ЕГЭ");
    return QString();
}

QString MarkScaleModel::validateAll(int *row) const {
    for (int r = 0; r < m_scales.size(); ++r) {
        const core::MarkScale &s = m_scales.at(r);
        QString problem = validate(s);
        for (int o = 0; o < r && problem.isEmpty(); ++o) {
            const core::MarkScale &t = m_scales.at(o);
            if (t.kind == s.kind && t.year == s.year && t.grade == s.grade &&
                core::SubjectCatalog::canonical(t.subject) ==
                    core::SubjectCatalog::canonical(s.subject))
                problem = QStringLiteral("такая шкала уже есть в строке %1").arg(o + 1);
        }
        if (!problem.isEmpty()) {
            if (row)
                *row = r;
            return QStringLiteral("Строка %1 (%2 %3, %4 класс, %5): %6")
                .arg(r + 1)
                .arg(core::procedureKindCode(s.kind),
                     s.year ? QString::number(s.year) : QStringLiteral("любой год"))
                .arg(s.grade)
                .arg(s.subject, problem);
        }
    }
    if (row)
        *row = -1;
    return QString();
}

int MarkScaleModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_scales.size());
}

int MarkScaleModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MarkScaleModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_scales.size())
        return {};
    const core::MarkScale &s = m_scales.at(index.row());
    if (role == Qt::FontRole && m_dirty.value(index.row())) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && index.column() == Source)
        return s.source;
    if (role == Qt::ToolTipRole && index.column() == Origin)
        return s.origin == core::MarkScale::Origin::Official
                   ? QStringLiteral("Шкала из поставки программы; новые версии обновляют её по "
                                    "документам. Изменённая вами строка станет вашей.")
                   : QStringLiteral("Шкала добавлена или изменена пользователем; обновления "
                                    "программы её не меняют.");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool edit = role == Qt::EditRole;
    auto number = [edit](int v) { return edit ? QVariant(v) : v ? QVariant(v) : QVariant(); };
    switch (index.column()) {
    case Kind:
        return core::procedureKindCode(s.kind);
    case Year:
        return edit     ? QVariant(s.year)
               : s.year ? QVariant(s.year)
                        : QVariant(QStringLiteral("любой"));
    case Grade:
        return s.grade;
    case Subject:
        return s.subject;
    case MaxPrimary:
        return number(s.maxPrimary);
    case Min3:
        return number(s.minFor3);
    case Min4:
        return number(s.minFor4);
    case Min5:
        return number(s.minFor5);
    case MinTest:
        return number(s.minTestScore);
    case Extra:
        return s.extraCondition;
    case Source:
        return s.source;
    case Origin:
        return core::MarkScale::originTitle(s.origin);
    default:
        return {};
    }
}

bool MarkScaleModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_scales.size())
        return false;
    core::MarkScale s = m_scales.at(index.row());
    switch (index.column()) {
    case Kind:
        if (!core::procedureKindFromText(value.toString(), &s.kind))
            return false;
        break;
    case Year:
        s.year = value.toInt();
        break;
    case Grade:
        s.grade = value.toInt();
        break;
    case Subject: {
        const QString canonical = core::SubjectCatalog::canonical(value.toString());
        s.subject = canonical.isEmpty() ? value.toString().trimmed() : canonical;
        break;
    }
    case MaxPrimary:
        s.maxPrimary = value.toInt();
        break;
    case Min3:
        s.minFor3 = value.toInt();
        break;
    case Min4:
        s.minFor4 = value.toInt();
        break;
    case Min5:
        s.minFor5 = value.toInt();
        break;
    case MinTest:
        s.minTestScore = value.toInt();
        break;
    case Extra:
        s.extraCondition = value.toString().trimmed();
        break;
    case Source:
        s.source = value.toString().trimmed();
        break;
    default:
        return false;
    }
    if (s == m_scales.at(index.row()))
        return true;
    s.origin = core::MarkScale::Origin::User; // an edited row is the user's
    m_scales[index.row()] = s;
    m_dirty[index.row()] = true;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags MarkScaleModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == Origin)
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant MarkScaleModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    static const QStringList titles = {
        QStringLiteral("Процедура"),       QStringLiteral("Год"),
        QStringLiteral("Класс"),           QStringLiteral("Предмет"),
        QStringLiteral("Макс. балл"),      QStringLiteral("«3» от"),
        QStringLiteral("«4» от"),          QStringLiteral("«5» от"),
        QStringLiteral("Мин. тест. балл"), QStringLiteral("Доп. условие"),
        QStringLiteral("Источник"),        QStringLiteral("Происхождение")};
    static const QStringList tips = {
        QStringLiteral("ВПР, ОГЭ или ЕГЭ"),
        QStringLiteral("0 — шкала для любого года (когда год в источнике не указан)"),
        QStringLiteral("Класс (параллель)"),
        QStringLiteral("Предмет, как в справочнике предметов"),
        QStringLiteral("Максимальный первичный балл"),
        QStringLiteral("Наименьший первичный балл для отметки «3» (0 — неизвестно)"),
        QStringLiteral("Наименьший первичный балл для отметки «4»"),
        QStringLiteral("Наименьший первичный балл для отметки «5»"),
        QStringLiteral("ЕГЭ: минимальный тестовый балл"),
        QStringLiteral("Например: не менее 2 баллов за задания по геометрии"),
        QStringLiteral("Откуда взята шкала: документ или страница, его пересказывающая "
                       "(«вторичный источник»)"),
        QStringLiteral("«официальная» — из поставки программы, «изменена пользователем» — "
                       "добавлена или исправлена вами")};
    if (role == Qt::DisplayRole)
        return titles.value(section);
    if (role == Qt::ToolTipRole)
        return tips.value(section);
    return {};
}

} // namespace objectivity::gui
