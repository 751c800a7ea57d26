#pragma once
// Shared by the results GUI tests: a temporary database filled with a generated region
// (simulation::RegionGenerator) through ResultsRepository, and screenshots for the documentation
// written when OBJECTIVITY_SCREENSHOT_DIR is set.
#include "TestSupport.h"
#include "objectivity/simulation/GeneratorOptions.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/MarkScaleRepository.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QPixmap>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace objectivity::test {

// Stores every generated unit: schools, procedures with their scales, participants.
class RepositorySink : public simulation::RegionSink {
public:
    RepositorySink(storage::ResultsRepository &repo, storage::MarkScaleRepository &scales,
                   qint64 importId)
        : m_repo(repo), m_scales(scales), m_importId(importId) {}
    void unit(const simulation::GeneratedSchool &school, const simulation::GeneratedProcedure &g,
              const QList<core::ParticipantResult> &rows) override {
        if (!ok)
            return;
        qint64 schoolId = m_schoolIds.value(school.school.code);
        if (!schoolId) {
            auto id = m_repo.upsertSchool(school.school);
            if (!id) {
                fail(id.error().toString());
                return;
            }
            schoolId = id.value();
            m_schoolIds.insert(school.school.code, schoolId);
        }
        const QString key = QStringLiteral("%1|%2|%3|%4")
                                .arg(int(g.procedure.kind))
                                .arg(g.procedure.year)
                                .arg(g.procedure.grade)
                                .arg(g.procedure.subject);
        qint64 procedureId = m_procedureIds.value(key);
        if (!procedureId) {
            auto p = m_repo.ensureProcedure(g.procedure);
            if (!p) {
                fail(p.error().toString());
                return;
            }
            procedureId = p->id;
            m_procedureIds.insert(key, procedureId);
            (void)m_scales.add(g.scale); // a seeded scale for the same key stays
        }
        for (core::ParticipantResult r : rows) {
            r.schoolId = schoolId;
            r.procedureId = procedureId;
            qint64 duplicate = 0;
            if (auto st = m_repo.addParticipant(r, m_importId, &duplicate); !st) {
                fail(st.error().toString());
                return;
            }
            ++this->rows;
        }
    }
    bool ok = true;
    QString error;
    qint64 rows = 0;

private:
    void fail(const QString &message) {
        ok = false;
        error = message;
    }
    storage::ResultsRepository &m_repo;
    storage::MarkScaleRepository &m_scales;
    qint64 m_importId;
    QHash<QString, qint64> m_schoolIds, m_procedureIds;
};

struct ResultsDatabase {
    QTemporaryDir dir;
    std::unique_ptr<storage::Database> db;

    bool open() {
        auto opened = storage::Database::open(dir.filePath(QStringLiteral("results.sqlite")));
        EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().toString().toStdString());
        if (!opened)
            return false;
        db = std::move(opened.value());
        return true;
    }

    // Generates a region into the database in one transaction; returns the rows written.
    qint64 generate(const simulation::GeneratorOptions &options) {
        storage::ResultsRepository repo(*db);
        storage::MarkScaleRepository scales(*db);
        qint64 rows = 0;
        auto st = db->transaction([&]() -> core::Status {
            storage::ResultsRepository::ImportRecord record;
            record.fileName = QStringLiteral("generated");
            record.contentHash =
                QStringLiteral("generated-%1-%2").arg(options.seed).arg(options.schools);
            record.layout = QStringLiteral("flat");
            auto importId = repo.addImport(record);
            if (!importId)
                return importId.error();
            RepositorySink sink(repo, scales, importId.value());
            simulation::RegionGenerator(options).run(sink);
            if (!sink.ok)
                return core::Error{sink.error, {}, -1, -1};
            rows = sink.rows;
            return repo.finishImport(importId.value(), int(sink.rows), {});
        });
        EXPECT_TRUE(st.ok()) << (st ? "" : st.error().toString().toStdString());
        return st ? rows : -1;
    }

    qint64 count(const QString &sql) const {
        QSqlQuery q(db->connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
};

inline simulation::GeneratorOptions smallRegion(int schools = 24, std::uint64_t seed = 5) {
    simulation::GeneratorOptions o;
    o.seed = seed;
    o.schools = schools;
    o.municipalities = 4;
    o.firstYear = 2024;
    o.lastYear = 2024;
    o.manipulationShare = 0.35;
    return o;
}

// Processes events until `done` or the timeout; false on timeout.
template <typename Pred> bool waitFor(Pred done, int timeoutMs = 60000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// Starts the import of a ResultsImportDialog and waits for its end (importFinished); false on
// timeout.
template <typename Dialog> bool importAndWait(Dialog &dialog) {
    bool done = false;
    auto c = QObject::connect(&dialog, &Dialog::importFinished, [&done](bool) { done = true; });
    dialog.startImport();
    const bool finished = waitFor([&] { return done; });
    QObject::disconnect(c);
    return finished;
}

// Writes a screenshot for the documentation when OBJECTIVITY_SCREENSHOT_DIR is set; always checks
// that the widget renders.
inline void screenshot(QWidget *widget, const QString &name) {
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    EXPECT_FALSE(pixmap.isNull());
    const QString dir = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        EXPECT_TRUE(pixmap.save(QDir(dir).filePath(name), "PNG")) << name.toStdString();
    }
}

} // namespace objectivity::test
