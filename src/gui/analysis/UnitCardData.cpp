#include "objectivity/gui/analysis/UnitCardData.h"

#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QElapsedTimer>

namespace objectivity::gui {

core::Result<UnitCardData> UnitCardData::load(storage::Database &db, const core::UnitReport &unit,
                                              const QList<core::UnitReport> &known,
                                              bool readMissingPositions) {
    QElapsedTimer timer;
    timer.start();
    UnitCardData d;
    d.unit = unit;
    if (!d.isMedals()) {
        auto procedures = storage::ResultsRepository(db).procedures();
        if (!procedures)
            return procedures.error();
        for (const auto &p : procedures.value())
            if (p.kind == unit.kind && p.year == unit.year && p.grade == unit.grade &&
                p.subject == unit.subject) {
                d.procedure = p;
                d.hasProcedure = true;
            }
        if (d.hasProcedure) {
            auto distribution =
                storage::ScoreDistributionQuery(db).read(d.procedure, unit.schoolCode);
            if (!distribution)
                return distribution.error();
            d.distribution = distribution.value();
        }
    } else {
        auto medallists = storage::MedallistScoresQuery(db).read(unit.schoolCode, unit.year);
        if (!medallists)
            return medallists.error();
        d.medallists = medallists.value();
    }
    QList<storage::SchoolPosition> fromReport;
    for (const auto &u : known)
        if (u.schoolCode == unit.schoolCode && !u.subject.isEmpty() && u.n > 0)
            fromReport.append({u.year, u.kind, u.grade, u.subject, u.n, u.position});
    if (readMissingPositions) {
        auto positions = storage::SchoolPositionQuery(db).read(unit.schoolCode, fromReport);
        if (!positions)
            return positions.error();
        d.positions = positions.value();
    } else {
        d.positions = fromReport;
    }
    d.elapsedMs = timer.elapsed();
    return d;
}

} // namespace objectivity::gui
