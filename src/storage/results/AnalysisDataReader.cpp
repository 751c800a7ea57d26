#include "objectivity/storage/results/AnalysisDataReader.h"

#include "SqlSupport.h"
#include "objectivity/core/results/MarkScaleChooser.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/PgCopyReader.h"
#include "objectivity/storage/PgCopyWriter.h"
#include "results/SqliteParticipantStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace objectivity::storage {

using core::Error;

namespace {

sqlite3 *sqliteHandle(const QSqlDatabase &db) {
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

core::Status readSchools(const QSqlDatabase &db, core::AnalysisDataset &data) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, code, name, municipality, kind, rural, "
                               "advanced_subjects FROM schools ORDER BY id")))
        return sql::queryError(q);
    while (q.next()) {
        core::School s;
        s.id = q.value(0).toLongLong();
        s.code = q.value(1).toString();
        s.name = q.value(2).toString();
        s.municipality = q.value(3).toString();
        s.kind = core::schoolKindFromText(q.value(4).toString());
        s.rural = q.value(5).toInt() != 0;
        const QJsonArray adv = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array();
        for (const auto &a : adv)
            s.advancedSubjects << a.toString();
        data.addSchool(s);
    }
    return {};
}

core::Status readProcedures(const QSqlDatabase &db, core::AnalysisDataset &data) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, kind, year, grade, subject, tasks FROM procedures "
                               "ORDER BY id")))
        return sql::queryError(q);
    while (q.next()) {
        core::Procedure p;
        p.id = q.value(0).toLongLong();
        if (!core::procedureKindFromText(q.value(1).toString(), &p.kind))
            continue;
        p.year = q.value(2).toInt();
        p.grade = q.value(3).toInt();
        p.subject = q.value(4).toString();
        const QJsonArray tasks = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array();
        for (const auto &t : tasks) {
            const QJsonObject o = t.toObject();
            p.tasks.append({o.value(QLatin1String("label")).toString(),
                            o.value(QLatin1String("max")).toInt(),
                            core::taskLevelFromText(o.value(QLatin1String("level")).toString())});
        }
        data.addProcedure(p);
    }
    // scales: the year's own, else the nearest year of the same structure (MarkScaleChooser)
    if (!q.exec(QStringLiteral("SELECT kind, year, grade, subject, max_primary, min_for_3, "
                               "min_for_4, min_for_5, min_test_score, source, CASE WHEN id IN "
                               "(SELECT scale_id FROM mark_scale_user_rows) THEN 'user' ELSE "
                               "'official' END, extra_condition FROM mark_scales")))
        return sql::queryError(q);
    QList<core::MarkScale> scales;
    while (q.next()) {
        core::MarkScale s;
        if (!core::procedureKindFromText(q.value(0).toString(), &s.kind))
            continue;
        s.year = q.value(1).toInt();
        s.grade = q.value(2).toInt();
        s.subject = q.value(3).toString();
        s.maxPrimary = q.value(4).toInt();
        s.minFor3 = q.value(5).toInt();
        s.minFor4 = q.value(6).toInt();
        s.minFor5 = q.value(7).toInt();
        s.minTestScore = q.value(8).toInt();
        s.source = q.value(9).toString();
        s.origin = q.value(10).toString() == QLatin1String("official")
                       ? core::MarkScale::Origin::Official
                       : core::MarkScale::Origin::User;
        s.extraCondition = q.value(11).toString();
        scales << s;
    }
    for (int i = 0; i < data.procedures().size(); ++i) {
        const core::Procedure &p = data.procedures()[i];
        const auto chosen = core::MarkScaleChooser::choose(p.kind, p.year, p.grade, p.subject,
                                                           data.layout(i).maxPrimary, scales);
        if (chosen)
            data.setScale(i, chosen->scale, chosen->note);
    }
    return {};
}

core::Status readOfficial(const QSqlDatabase &db, core::AnalysisDataset &data) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT year, school_code, municipality, school_name, "
                               "marker_count FROM official_flags")))
        return sql::queryError(q);
    while (q.next()) {
        core::FlaggedSchool f;
        f.year = q.value(0).toInt();
        f.schoolCode = q.value(1).toString();
        f.municipality = q.value(2).toString();
        f.schoolName = q.value(3).toString();
        f.markerCount = q.value(4).toInt();
        data.addOfficialFlag(f);
    }
    return {};
}

// PostgreSQL (QPSQL): the same rows through a forward-only QSqlQuery, in id order (the order
// SQLite's table scan gives).
// PostgreSQL: the participants through binary `COPY (SELECT …) TO STDOUT` on QPSQL's own
// connection (PgCopyReader: values decoded in libpq's buffer, no QVariant per value — 2.5 times
// faster than a forward-only QSqlQuery, docs/benchmarks.md). Ordered by id, SQLite's scan order.
core::Status readParticipantsServer(const QSqlDatabase &db, core::AnalysisDataset &data,
                                    const std::atomic<bool> *cancel) {
    pg_conn *conn = PgCopyWriter::handleOf(db);
    if (!conn)
        return Error{QStringLiteral("Нет соединения с сервером базы данных"), {}, -1, -1};
    qint64 lastProcId = -1, lastSchoolId = -1;
    int proc = -1, school = -1;
    qint64 rows = 0;
    bool cancelled = false;
    const auto onRow = [&](const PgCopyReader::Field *f, int count) {
        if (count < 11)
            return false;
        const qint64 procId = f[0].toInt();
        const qint64 schoolId = f[1].toInt();
        if (procId != lastProcId) {
            proc = data.procedureIndexById(procId);
            lastProcId = procId;
        }
        if (schoolId != lastSchoolId) {
            school = data.schoolIndexById(schoolId);
            lastSchoolId = schoolId;
        }
        if (proc >= 0 && school >= 0) {
            core::ParticipantRow row;
            row.points = reinterpret_cast<const std::int8_t *>(f[3].bytes().data());
            row.pointCount = int(f[3].bytes().size());
            row.primary = f[4].toDouble();
            row.mark = int(f[5].toInt()); // NULL reads as 0
            row.testScore = f[6].isNull() ? -1 : int(f[6].toInt());
            row.journal = int(f[7].toInt());
            row.annual = int(f[8].toInt());
            row.medal = int(f[9].toInt());
            if (data.layout(proc).ege) {
                data.addParticipant(proc, school, row, f[2].text());
            } else {
                row.codeHash = core::AnalysisDataset::hashCodeUtf8(f[2].bytes());
                data.addParticipant(proc, school, row, QStringView(), f[10].bytes());
            }
        }
        if ((++rows & 0xFFFF) == 0 && cancel && cancel->load()) {
            cancelled = true;
            return false;
        }
        return true;
    };
    const core::Result<qint64> read = PgCopyReader::read(
        conn,
        QStringLiteral("SELECT procedure_id, school_id, participant_code, task_points, "
                       "primary_score, mark, test_score, journal_mark, annual_mark, medal, "
                       "class_name FROM participants ORDER BY id"),
        onRow);
    if (!read.ok())
        return read.error();
    if (cancelled)
        return Error{QStringLiteral("Чтение данных прервано"), {}, -1, -1};
    return {};
}

} // namespace

core::Result<core::AnalysisDataset> AnalysisDataReader::read(const QSqlDatabase &db,
                                                             const std::atomic<bool> *cancel) {
    core::AnalysisDataset data;
    if (core::Status s = readSchools(db, data); !s)
        return s.error();
    if (core::Status s = readProcedures(db, data); !s)
        return s.error();
    if (core::Status s = readOfficial(db, data); !s)
        return s.error();

    sqlite3 *h = sqliteHandle(db);
    if (!h) {
        if (core::Status s = readParticipantsServer(db, data, cancel); !s)
            return s.error();
        data.finish();
        return data;
    }
    // the participants: stepped on a thread of their own, added here in the table's order
    SqliteParticipantStream::Lookup lookup;
    for (int i = 0; i < data.procedures().size(); ++i) {
        lookup.procedures.insert(data.procedures()[i].id, i);
        lookup.ege.push_back(data.layout(i).ege);
    }
    for (int i = 0; i < data.schools().size(); ++i)
        lookup.schools.insert(data.schools()[i].id, i);
    const core::Status read = SqliteParticipantStream::read(
        h, lookup,
        [&data](const SqliteParticipantStream::Chunk &chunk) {
            for (const SqliteParticipantStream::Row &r : chunk.rows) {
                core::ParticipantRow row = r.values;
                row.points = reinterpret_cast<const std::int8_t *>(chunk.bytes.data() + r.pointsAt);
                const char *text = chunk.bytes.data();
                if (data.layout(r.procedure).ege)
                    data.addParticipant(r.procedure, r.school, row,
                                        QString::fromUtf8(text + r.codeAt, r.codeSize));
                else
                    data.addParticipant(r.procedure, r.school, row, QStringView(),
                                        QByteArrayView(text + r.classAt, r.classSize));
            }
        },
        cancel);
    if (!read)
        return read.error();
    data.finish();
    return data;
}

} // namespace objectivity::storage
