#pragma once
#include "objectivity/storage/plan/DistributionSchool.h"

#include <QStringList>

namespace objectivity::storage {

// What distributing a municipal plan did to one school's plan.
struct DistributionOutcome {
    DistributionSchool school; // with its organization id
    qint64 planId = 0;
    QString planTitle;
    bool planCreated = false; // the school had no current plan: a draft was made
    QStringList added;        // numbers of the municipal measures copied now
    QStringList updated;      // numbers whose linked copies got new text, deadline or owners
    int unchanged = 0;        // linked copies already up to date
};

} // namespace objectivity::storage
