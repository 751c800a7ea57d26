#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/PersonName.h"
#include "objectivity/storage/plan/Person.h"

#include <QList>

namespace objectivity::storage {

class Database;

// The owners of the plans against the staff directory: owners an import brought that the
// directory lacks (offered for adding), near-duplicate names, and their merge.
class StaffOwners {
public:
    explicit StaffOwners(Database &db) : m_db(db) {}

    // The owners of a plan not yet in the directory, in plan order, each once: a person with the
    // position read from the owner («заместитель директора по УВР Иванова И.И.» → «Иванова И.И.»,
    // «заместитель директора по УВР»), or a role («Классные руководители»).
    core::Result<QList<Person>> newOwners(qint64 planId) const;
    // Adds the entries in one transaction (names already in the directory are skipped) and links
    // the owners carrying exactly these names; returns how many were added.
    core::Result<int> add(const QList<Person> &people);

    // Near-duplicate names among the directory and the owners of every plan.
    core::Result<QList<core::PersonName::NearDuplicate>> nearDuplicates() const;

    struct MergeOutcome {
        int ownerRows = 0;        // owner rows rewritten (or removed where the measure had both)
        int draftPlans = 0;       // drafts changed
        int keptInPlans = 0;      // plans not in draft that still name `from` (read-only)
        bool intoAdded = false;   // `into` was added to the directory
        bool fromRemoved = false; // the entry `from` was removed from the directory
    };
    // Merges the name `from` into `into` in one transaction: the owners of draft plans named
    // `from` become `into` (a measure naming both keeps one), the directory entry `from` goes (its
    // position passes to `into` when that has none) and `into` is added when missing. Approved,
    // pending and archived plans keep their text. Fails, changing nothing, when the names are the
    // same or `from` is neither in the directory nor an owner.
    core::Result<MergeOutcome> merge(const QString &from, const QString &into);

private:
    Database &m_db;
};

} // namespace objectivity::storage
