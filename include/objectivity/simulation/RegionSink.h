#pragma once
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/simulation/GeneratedProcedure.h"
#include "objectivity/simulation/GeneratedSchool.h"

#include <QList>

namespace objectivity::simulation {

// Receives the generated region unit by unit (one school, one procedure), year by year and school
// by school, so writers can stream a million rows without holding them.
class RegionSink {
public:
    virtual ~RegionSink() = default;
    virtual void beginSchoolYear(const GeneratedSchool &school, int year) {
        Q_UNUSED(school);
        Q_UNUSED(year);
    }
    virtual void unit(const GeneratedSchool &school, const GeneratedProcedure &procedure,
                      const QList<core::ParticipantResult> &rows) = 0;
    virtual void endSchoolYear(const GeneratedSchool &school, int year) {
        Q_UNUSED(school);
        Q_UNUSED(year);
    }
    // Polled between schools; true stops the generation.
    virtual bool cancelled() const { return false; }
};

} // namespace objectivity::simulation
