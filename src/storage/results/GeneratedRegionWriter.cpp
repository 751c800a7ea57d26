#include "objectivity/storage/results/GeneratedRegionWriter.h"

#include "objectivity/simulation/GeneratedProcedure.h"
#include "objectivity/simulation/GeneratedSchool.h"
#include "objectivity/storage/results/MarkScaleRepository.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QCryptographicHash>

namespace objectivity::storage {

namespace {
QString procedureKey(const core::Procedure &p) {
    return QStringLiteral("%1|%2|%3|%4")
        .arg(core::procedureKindCode(p.kind))
        .arg(p.year)
        .arg(p.grade)
        .arg(p.subject);
}
} // namespace

GeneratedRegionWriter::GeneratedRegionWriter(Database &db, const QString &importName)
    : m_db(db), m_importName(importName), m_repo(std::make_unique<ResultsRepository>(db)) {}

GeneratedRegionWriter::~GeneratedRegionWriter() = default;

core::Status GeneratedRegionWriter::start() {
    ResultsRepository::ImportRecord record;
    record.fileName = m_importName;
    record.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(m_importName.toUtf8(), QCryptographicHash::Sha256).toHex());
    record.layout = QStringLiteral("flat");
    auto id = m_repo->addImport(record);
    if (!id)
        return id.error();
    m_importId = *id;
    return m_repo->beginBulkLoad(); // a new region: keys built once in finish()
}

core::Result<qint64> GeneratedRegionWriter::procedureId(const simulation::GeneratedProcedure &g) {
    const QString key = procedureKey(g.procedure);
    if (const auto it = m_procedures.constFind(key); it != m_procedures.constEnd())
        return it.value();
    auto stored = m_repo->ensureProcedure(g.procedure);
    if (!stored)
        return stored.error();
    if (g.scale.maxPrimary > 0) {
        // the generated scale for its year (a seeded scale of another year stays as it is)
        MarkScaleRepository scales(m_db);
        core::MarkScale scale = g.scale;
        scale.year = g.procedure.year;
        auto existing = scales.find(scale.kind, scale.year, scale.grade, scale.subject);
        if (!existing)
            return existing.error();
        if (*existing && (*existing)->year == scale.year) {
            scale.id = (*existing)->id;
            if (core::Status s = scales.write(scale); !s)
                return s.error();
        } else if (auto added = scales.insert(scale); !added) {
            return added.error();
        }
    }
    m_procedures.insert(key, stored->id);
    return stored->id;
}

core::Result<qint64> GeneratedRegionWriter::schoolId(const simulation::GeneratedSchool &s) {
    if (const auto it = m_schools.constFind(s.school.code); it != m_schools.constEnd())
        return it.value();
    auto id = m_repo->upsertSchool(s.school);
    if (!id)
        return id.error();
    m_schools.insert(s.school.code, *id);
    return *id;
}

void GeneratedRegionWriter::unit(const simulation::GeneratedSchool &school,
                                 const simulation::GeneratedProcedure &procedure,
                                 const QList<core::ParticipantResult> &rows) {
    if (!m_status)
        return;
    if (m_importId == 0) {
        if (core::Status s = start(); !s) {
            m_status = s;
            return;
        }
    }
    const auto p = procedureId(procedure);
    const auto s = schoolId(school);
    if (!p || !s) {
        m_status = !p ? p.error() : s.error();
        return;
    }
    for (core::ParticipantResult r : rows) {
        r.procedureId = *p;
        r.schoolId = *s;
        qint64 duplicate = 0;
        if (core::Status st = m_repo->addParticipant(r, m_importId, &duplicate); !st) {
            m_status = st;
            return;
        }
        m_rows += duplicate == 0 ? 1 : 0;
    }
}

core::Status GeneratedRegionWriter::finish() {
    if (!m_status)
        return m_status;
    if (m_importId == 0)
        return {};
    return m_repo->finishImport(m_importId, static_cast<int>(m_rows), {});
}

} // namespace objectivity::storage
