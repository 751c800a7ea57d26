// unit_card_bench [--db FILE] [--schools N] [--units K]: the data of the analysis unit card
// (issue 14) read from a large database — the distribution of primary scores, the school's
// positions across years and the medallists' ЕГЭ scores (what gui::UnitCardData::load reads) —
// timed for the first K flagged units. The database is generated (1,000 schools, 2023–2024:
// about 1.2 million participants) unless FILE exists.
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"
#include "objectivity/storage/results/MedallistScoresQuery.h"
#include "objectivity/storage/results/ResultsRepository.h"
#include "objectivity/storage/results/SchoolPositionQuery.h"
#include "objectivity/storage/results/ScoreDistributionQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

using namespace objectivity;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const QString path =
        option(QStringLiteral("--db"), QStringLiteral("/tmp/unit_card_bench.sqlite"));
    const int units = option(QStringLiteral("--units"), QStringLiteral("30")).toInt();
    QElapsedTimer t;
    if (!QFile::exists(path)) {
        simulation::GeneratorOptions o;
        o.schools = option(QStringLiteral("--schools"), QStringLiteral("1000")).toInt();
        auto db = storage::Database::open(path);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
            return 1;
        }
        t.start();
        storage::GeneratedRegionWriter writer(**db, QStringLiteral("unit card bench"));
        const core::Status s = (*db)->transaction([&]() -> core::Status {
            simulation::RegionGenerator(o).run(writer);
            return writer.finish();
        });
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
            return 1;
        }
        std::printf("generated %lld rows in %.1f s\n", static_cast<long long>(writer.rows()),
                    t.elapsed() / 1000.0);
    }
    auto db = storage::Database::open(path, storage::Database::OpenFor::Reading);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    storage::Database &d = **db;
    auto data = storage::AnalysisDataReader::read(d.connection());
    if (!data)
        return 1;
    const core::AnalysisReport report =
        core::AnalysisEngine::run(data.value(), core::AnalysisSettings());
    std::printf("participants %lld, units %lld, flagged %lld\n",
                static_cast<long long>(data->participantCount()),
                static_cast<long long>(report.units.size()),
                static_cast<long long>(report.flaggedUnits().size()));
    auto procedures = storage::ResultsRepository(d).procedures();
    QList<double> dist, pos, medals, total, posKnown, totalKnown;
    int done = 0;
    for (const core::UnitReport *u : report.flaggedUnits()) {
        if (done++ >= units)
            break;
        t.restart();
        double one = 0;
        if (u->subject.isEmpty()) {
            auto m = storage::MedallistScoresQuery(d).read(u->schoolCode, u->year);
            if (!m)
                return 1;
            medals << t.nsecsElapsed() / 1e6;
            one += medals.last();
        } else {
            for (const auto &p : procedures.value())
                if (p.kind == u->kind && p.year == u->year && p.grade == u->grade &&
                    p.subject == u->subject) {
                    auto r = storage::ScoreDistributionQuery(d).read(p, u->schoolCode);
                    if (!r)
                        return 1;
                }
            dist << t.nsecsElapsed() / 1e6;
            one += dist.last();
        }
        // the positions: all read (a report filtered to other procedures), or the report's own
        t.restart();
        auto p = storage::SchoolPositionQuery(d).read(u->schoolCode);
        if (!p)
            return 1;
        pos << t.nsecsElapsed() / 1e6;
        total << one + pos.last();
        QList<storage::SchoolPosition> known;
        for (const auto &k : report.units)
            if (k.schoolCode == u->schoolCode && !k.subject.isEmpty() && k.n > 0)
                known.append({k.year, k.kind, k.grade, k.subject, k.n, k.position});
        t.restart();
        auto fromReport = storage::SchoolPositionQuery(d).read(u->schoolCode, known);
        if (!fromReport || fromReport->size() != p->size())
            return 1;
        posKnown << t.nsecsElapsed() / 1e6;
        totalKnown << one + posKnown.last();
    }
    // the medallists of the first medals units (flagged or not)
    int medalUnits = 0;
    for (const core::UnitReport &u : report.units) {
        if (!u.subject.isEmpty() || medalUnits++ >= units)
            continue;
        t.restart();
        auto m = storage::MedallistScoresQuery(d).read(u.schoolCode, u.year);
        if (!m)
            return 1;
        medals << t.nsecsElapsed() / 1e6;
    }
    auto show = [](const char *what, QList<double> v) {
        if (v.isEmpty())
            return;
        std::sort(v.begin(), v.end());
        std::printf("%-18s n=%2lld  median %7.1f ms  max %7.1f ms\n", what,
                    static_cast<long long>(v.size()), v[v.size() / 2], v.last());
    };
    show("distribution", dist);
    show("positions", pos);
    show("medallists", medals);
    show("card total", total);
    show("positions (report)", posKnown);
    show("total (report)", totalKnown);
    return 0;
}
