// Results browser benchmark: what the GUI's results table costs on a large database. Writes a
// generated region of about --rows participants (simulation::RegionGenerator through
// ResultsRepository) unless --db names an existing file, then times storage::ParticipantQuery: the
// units pass that gives every count (reload of the table and every filter change), and pages of 200
// rows read at random places (scrolling), beside a plain SELECT COUNT(*) of the same table.
//
//   results_browse_bench [--rows N] [--db FILE]
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/MarkScaleRepository.h"
#include "objectivity/storage/results/ParticipantQuery.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace objectivity;

namespace {

class Sink : public simulation::RegionSink {
public:
    Sink(storage::ResultsRepository &repo, qint64 importId, qint64 target)
        : m_repo(repo), m_importId(importId), m_target(target) {}
    void unit(const simulation::GeneratedSchool &school, const simulation::GeneratedProcedure &g,
              const QList<core::ParticipantResult> &list) override {
        qint64 &s = m_schools[school.school.code];
        if (!s)
            s = m_repo.upsertSchool(school.school).value();
        const QString key = QStringLiteral("%1|%2|%3|%4")
                                .arg(int(g.procedure.kind))
                                .arg(g.procedure.year)
                                .arg(g.procedure.grade)
                                .arg(g.procedure.subject);
        qint64 &p = m_procedures[key];
        if (!p)
            p = m_repo.ensureProcedure(g.procedure)->id;
        for (core::ParticipantResult r : list) {
            r.schoolId = s;
            r.procedureId = p;
            qint64 duplicate = 0;
            (void)m_repo.addParticipant(r, m_importId, &duplicate);
            ++rows;
        }
    }
    bool cancelled() const override { return rows >= m_target; }
    qint64 rows = 0;

private:
    storage::ResultsRepository &m_repo;
    qint64 m_importId;
    qint64 m_target;
    QHash<QString, qint64> m_schools, m_procedures;
};

QString option(const QStringList &args, const QString &name, const QString &fallback) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 target =
        option(args, QStringLiteral("--rows"), QStringLiteral("1000000")).toLongLong();
    QTemporaryDir dir;
    const QString path =
        option(args, QStringLiteral("--db"), dir.filePath(QStringLiteral("b.sqlite")));
    const bool existed = QFileInfo::exists(path);
    auto opened = storage::Database::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    storage::Database &db = *opened.value();
    QElapsedTimer t;
    if (!existed) {
        t.start();
        storage::ResultsRepository repo(db);
        qint64 written = 0;
        (void)db.transaction([&]() -> core::Status {
            storage::ResultsRepository::ImportRecord record;
            record.fileName = QStringLiteral("generated");
            record.contentHash = QStringLiteral("bench");
            record.layout = QStringLiteral("flat");
            const qint64 importId = repo.addImport(record).value();
            simulation::GeneratorOptions o;
            o.seed = 11;
            o.schools = 1500;
            o.municipalities = 30;
            o.firstYear = 2023;
            o.lastYear = 2025;
            Sink sink(repo, importId, target);
            simulation::RegionGenerator(o).run(sink);
            written = sink.rows;
            return repo.finishImport(importId, int(sink.rows), {});
        });
        std::printf("written %lld participants in %lld ms\n", static_cast<long long>(written),
                    static_cast<long long>(t.elapsed()));
    }
    storage::ParticipantQuery query(db);
    QSqlQuery count(db.connection());
    t.start();
    count.exec(QStringLiteral("SELECT COUNT(*) FROM participants"));
    count.next();
    const qint64 all = count.value(0).toLongLong();
    const qint64 countMs = t.elapsed();

    t.start();
    auto units = query.units();
    const qint64 unitsMs = t.elapsed();
    if (!units) {
        std::fprintf(stderr, "%s\n", qPrintable(units.error().toString()));
        return 1;
    }
    qint64 sum = 0;
    for (const auto &u : units.value())
        sum += u.count;
    std::printf("participants: %lld; SELECT COUNT(*): %lld ms\n", static_cast<long long>(all),
                static_cast<long long>(countMs));
    std::printf("units (school x procedure): %lld with %lld rows in %lld ms\n",
                static_cast<long long>(units->size()), static_cast<long long>(sum),
                static_cast<long long>(unitsMs));

    // Pages of 200 rows at random places, as the table reads them: inside units, by offset.
    std::mt19937 rng(3);
    const auto &list = units.value();
    QList<qint64> starts;
    qint64 at = 0;
    for (const auto &u : list) {
        starts << at;
        at += u.count;
    }
    const int pages = 200;
    t.start();
    qint64 read = 0;
    for (int p = 0; p < pages; ++p) {
        qint64 first = std::uniform_int_distribution<qint64>(0, std::max<qint64>(0, at - 200))(rng);
        auto it = std::upper_bound(starts.cbegin(), starts.cend(), first);
        qsizetype u = std::distance(starts.cbegin(), it) - 1;
        qint64 need = 200;
        while (need > 0 && u < list.size()) {
            const int offset = int(first - starts.at(u));
            const int want = int(std::min<qint64>(need, list.at(u).count - offset));
            read += query.rows(list.at(u).schoolId, list.at(u).procedureId, offset, want)->size();
            need -= want;
            first += want;
            ++u;
        }
    }
    const qint64 pagesMs = t.elapsed();
    std::printf("%d random pages of 200 rows (%lld rows): %lld ms, %.2f ms per page\n", pages,
                static_cast<long long>(read), static_cast<long long>(pagesMs),
                double(pagesMs) / pages);
    return 0;
}
