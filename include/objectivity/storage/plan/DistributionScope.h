#pragma once
#include <QString>
#include <QStringList>

namespace objectivity::storage {

// Whose schools a municipal plan goes to by default (PlanDistributor::scope).
struct DistributionScope {
    // The municipality whose schools are offered; empty: every school (a regional plan, or a
    // database whose schools are all of one municipality or of none).
    QString municipality;
    // The plan's organization has no municipality stored: it was read from the organization's
    // name or the plan's title (core::MunicipalityMatcher).
    bool guessed = false;
    // The schools are of several municipalities and the plan names none of them: these are they,
    // and no school is chosen by default (the user picks them).
    QStringList undetermined;
};

} // namespace objectivity::storage
