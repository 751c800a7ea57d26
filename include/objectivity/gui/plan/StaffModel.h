#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/storage/plan/Person.h"

#include <QAbstractTableModel>

namespace objectivity::storage {
class StaffRepository;
}

namespace objectivity::gui {

// The staff directory as a table: name, position, person or role, how many measures name it.
// Edits go straight to the repository (one transaction each); renaming renames the owner in every
// measure. Without a repository the model edits its list in memory.
class StaffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, PositionColumn, KindColumn, UsesColumn, ColumnCount };

    explicit StaffModel(storage::StaffRepository *repository, QObject *parent = nullptr);

    core::Status reload();
    void setPeople(const QList<storage::Person> &people);
    const QList<storage::Person> &people() const { return m_people; }
    QStringList names() const;

    core::Result<int> addPerson(const storage::Person &person); // returns its row
    core::Status removePerson(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void failed(const QString &message);
    // A person was renamed: the open plan must be reloaded to show the new name.
    void renamed(const QString &oldName, const QString &newName);

private:
    storage::StaffRepository *m_repository;
    QList<storage::Person> m_people;
};

} // namespace objectivity::gui
