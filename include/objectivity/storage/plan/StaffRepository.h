#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/storage/plan/Person.h"

#include <QList>

namespace objectivity::storage {

class Database;

// The staff directory («Справочник ответственных»). A measure's owner is linked to an entry when
// its text equals the entry's name; renaming an entry renames it in every measure. Each call that
// writes is one transaction.
class StaffRepository {
public:
    explicit StaffRepository(Database &db) : m_db(db) {}

    // People first, then roles; by name within each.
    core::Result<QList<Person>> list() const;

    // Adds an entry (id written back) and links the owners that already carry exactly this name.
    core::Status add(Person &person);
    // Saves position and the role flag; a changed name is a rename (see rename()).
    core::Status update(const Person &person);
    // Removes the entry; measures keep the owner's text, unlinked.
    core::Status remove(qint64 personId);
    // Renames the entry and every owner row linked to it or carrying its old name unlinked.
    core::Status rename(qint64 personId, const QString &newName);

private:
    core::Status renameInTransaction(qint64 personId, const QString &newName);

    Database &m_db;
};

} // namespace objectivity::storage
