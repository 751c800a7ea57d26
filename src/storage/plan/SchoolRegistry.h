#pragma once
// The schools a municipal plan can go to (private to storage; PlanDistributor uses it).
#include "objectivity/core/common/Result.h"
#include "objectivity/storage/plan/DistributionSchool.h"

#include <QList>
#include <QStringList>

namespace objectivity::storage {

class Database;

class SchoolRegistry {
public:
    explicit SchoolRegistry(Database &db) : m_db(db) {}

    // Organizations of kind school and schools of the results registry, one entry per school
    // (a registry school is matched to its organization by code, else by name), sorted by name.
    // An empty municipality means every school.
    core::Result<QList<DistributionSchool>> all(const QString &municipality) const;
    // The schools named by login or exact name; an unknown key is an error.
    core::Result<QList<DistributionSchool>> find(const QStringList &keys) const;
    // The organization of the school, created (kind school) when missing; its code is filled
    // when it had none. Inside the caller's transaction.
    core::Result<qint64> ensureOrganization(DistributionSchool &school);

private:
    Database &m_db;
};

} // namespace objectivity::storage
