#pragma once
#include <QString>

namespace objectivity::storage {

// A school a municipal plan can be distributed to: an organization of kind «школа» in the plans,
// or a school of the results registry (`schools`: login, name, municipality) that has no
// organization yet (organizationId 0; distribution creates it).
struct DistributionSchool {
    qint64 organizationId = 0;
    QString code; // the login in the results registry, '' when unknown
    QString name;
    QString municipality;

    // «edu053001 — МБОУ «СОШ №1»», or the name alone.
    QString label() const { return code.isEmpty() ? name : code + QStringLiteral(" — ") + name; }

    friend bool operator==(const DistributionSchool &, const DistributionSchool &) = default;
};

} // namespace objectivity::storage
