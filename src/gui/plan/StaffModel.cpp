#include "objectivity/gui/plan/StaffModel.h"

#include "objectivity/storage/plan/StaffRepository.h"

namespace objectivity::gui {

StaffModel::StaffModel(storage::StaffRepository *repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository) {}

core::Status StaffModel::reload() {
    if (!m_repository)
        return {};
    auto people = m_repository->list();
    if (!people)
        return people.error();
    setPeople(people.value());
    return {};
}

void StaffModel::setPeople(const QList<storage::Person> &people) {
    beginResetModel();
    m_people = people;
    endResetModel();
}

QStringList StaffModel::names() const {
    QStringList names;
    for (const auto &p : m_people)
        names << p.name;
    return names;
}

core::Result<int> StaffModel::addPerson(const storage::Person &person) {
    storage::Person p = person;
    p.name = p.name.trimmed();
    if (p.name.isEmpty()) {
        core::Error e;
        e.message = QStringLiteral("Укажите имя или название роли.");
        return e;
    }
    for (const auto &existing : m_people)
        if (existing.name == p.name) {
            core::Error e;
            e.message = QStringLiteral("«%1» уже есть в справочнике.").arg(p.name);
            return e;
        }
    if (m_repository) {
        auto st = m_repository->add(p);
        if (!st)
            return st.error();
    }
    const int row = int(m_people.size());
    beginInsertRows({}, row, row);
    m_people.append(p);
    endInsertRows();
    return row;
}

core::Status StaffModel::removePerson(int row) {
    if (row < 0 || row >= m_people.size())
        return {};
    if (m_repository) {
        auto st = m_repository->remove(m_people[row].id);
        if (!st)
            return st;
    }
    beginRemoveRows({}, row, row);
    m_people.removeAt(row);
    endRemoveRows();
    return {};
}

int StaffModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_people.size());
}

int StaffModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StaffModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_people.size())
        return {};
    const auto &p = m_people[index.row()];
    if (role == Qt::CheckStateRole && index.column() == KindColumn)
        return p.isRole ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p.name;
    case PositionColumn:
        return p.position;
    case KindColumn:
        return role == Qt::EditRole
                   ? QVariant(p.isRole)
                   : QVariant(p.isRole ? QStringLiteral("роль") : QStringLiteral("сотрудник"));
    case UsesColumn:
        return p.ownerCount;
    default:
        return {};
    }
}

QVariant StaffModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return QStringLiteral("Ф. И. О. или роль");
    case PositionColumn:
        return QStringLiteral("Должность");
    case KindColumn:
        return QStringLiteral("Роль");
    case UsesColumn:
        return QStringLiteral("В мероприятиях");
    default:
        return {};
    }
}

Qt::ItemFlags StaffModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() == NameColumn || index.column() == PositionColumn)
        f |= Qt::ItemIsEditable;
    if (index.column() == KindColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool StaffModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || index.row() >= m_people.size())
        return false;
    storage::Person p = m_people[index.row()];
    const QString oldName = p.name;
    if (index.column() == NameColumn && role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty() || name == p.name)
            return false;
        for (const auto &other : m_people)
            if (other.name == name) {
                emit failed(QStringLiteral("«%1» уже есть в справочнике.").arg(name));
                return false;
            }
        if (m_repository) {
            auto st = m_repository->rename(p.id, name);
            if (!st) {
                emit failed(st.error().toString());
                return false;
            }
        }
        p.name = name;
    } else if (index.column() == PositionColumn && role == Qt::EditRole) {
        p.position = value.toString().trimmed();
    } else if (index.column() == KindColumn && role == Qt::CheckStateRole) {
        p.isRole = value.toInt() == Qt::Checked;
    } else {
        return false;
    }
    if (m_repository && index.column() != NameColumn) {
        auto st = m_repository->update(p);
        if (!st) {
            emit failed(st.error().toString());
            return false;
        }
    }
    m_people[index.row()] = p;
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    if (oldName != p.name)
        emit renamed(oldName, p.name);
    return true;
}

} // namespace objectivity::gui
