// AnalysisDataReader on both backends: the dataset it builds (on SQLite from the rows stepped on a
// thread of their own and handed over in chunks, SqliteParticipantStream) equals the one built row
// by row from a plain query in id order, through AnalysisDataset::addResult.
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "TestDatabase.h"
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstring>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using core::AnalysisDataset;

namespace {

// 30 schools over two years: about 25,000 works, several chunks of the stream.
core::Status writeRegion(storage::Database &db) {
    simulation::GeneratorOptions o;
    o.seed = 5;
    o.schools = 30;
    o.municipalities = 3;
    storage::GeneratedRegionWriter writer(db, u"test region"_s);
    return db.transaction([&]() -> core::Status {
        simulation::RegionGenerator(o).run(writer);
        return writer.finish();
    });
}

// The same participants, read by a plain query in id order and added one by one.
core::Result<AnalysisDataset> readRowByRow(storage::Database &db, const AnalysisDataset &shape) {
    AnalysisDataset data;
    for (const core::School &s : shape.schools())
        data.addSchool(s);
    for (const core::Procedure &p : shape.procedures())
        data.addProcedure(p);
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT procedure_id, school_id, participant_code, task_points, primary_score, "
                "mark, test_score, journal_mark, annual_mark, medal, class_name FROM "
                "participants ORDER BY id"_s))
        return core::Error{u"query failed"_s, {}, -1, -1};
    while (q.next()) {
        core::ParticipantResult r;
        r.procedureId = q.value(0).toLongLong();
        r.schoolId = q.value(1).toLongLong();
        r.participantCode = q.value(2).toString();
        const QByteArray points = q.value(3).toByteArray();
        for (const char c : points)
            r.taskPoints << static_cast<std::int8_t>(c);
        r.primaryScore = q.value(4).toDouble();
        r.mark = q.value(5).toInt();
        r.testScore = q.value(6).isNull() ? -1 : q.value(6).toInt();
        r.journalMark = q.value(7).toInt();
        r.annualMark = q.value(8).toInt();
        r.medal = static_cast<core::Medal>(q.value(9).toInt());
        r.className = q.value(10).toString();
        data.addResult(r);
    }
    data.finish();
    return data;
}

} // namespace

TEST(AnalysisDataReader, GivesTheDatasetOfARowByRowReadInTheTablesOrder) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"r.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    const core::Status written = writeRegion(db);
    ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();

    const auto read = storage::AnalysisDataReader::read(db.connection());
    ASSERT_TRUE(read.ok()) << read.error().toString().toStdString();
    const auto expected = readRowByRow(db, *read);
    ASSERT_TRUE(expected.ok());

    ASSERT_GT(expected->participantCount(), 3 * 8192) << "several chunks of the stream";
    EXPECT_EQ(read->participantCount(), expected->participantCount());
    ASSERT_EQ(read->units().size(), expected->units().size());
    std::size_t classes = 0;
    for (std::size_t i = 0; i < read->units().size(); ++i) {
        const AnalysisDataset::Unit &a = read->units()[i];
        const AnalysisDataset::Unit &b = expected->units()[i];
        SCOPED_TRACE(i);
        EXPECT_EQ(a.procedure, b.procedure);
        EXPECT_EQ(a.school, b.school);
        EXPECT_EQ(a.acc.n, b.acc.n);
        EXPECT_EQ(0,
                  std::memcmp(a.acc.journalTable, b.acc.journalTable, sizeof a.acc.journalTable));
        EXPECT_EQ(a.responses, b.responses); // every work's points, in order
        EXPECT_EQ(a.responseClass, b.responseClass);
        EXPECT_EQ(a.classNames, b.classNames);
        EXPECT_EQ(a.primaryMarks, b.primaryMarks);
        ASSERT_EQ(a.pupils.size(), b.pupils.size());
        for (std::size_t k = 0; k < a.pupils.size(); ++k) {
            EXPECT_EQ(a.pupils[k].code, b.pupils[k].code);
            EXPECT_EQ(a.pupils[k].primary, b.pupils[k].primary);
        }
        classes += a.classNames.size();
    }
    EXPECT_GT(classes, 0u) << "the classes of the ВПР works were read";
    ASSERT_EQ(read->egeRows().size(), expected->egeRows().size());
    int medallists = 0;
    for (std::size_t i = 0; i < read->egeRows().size(); ++i) {
        const auto &a = read->egeRows()[i];
        const auto &b = expected->egeRows()[i];
        EXPECT_EQ(a.school, b.school);
        EXPECT_EQ(a.procedure, b.procedure);
        EXPECT_EQ(a.codeHash, b.codeHash);
        EXPECT_EQ(a.testScore, b.testScore);
        EXPECT_EQ(a.medal, b.medal);
        if (a.medal != 0) {
            ++medallists;
            EXPECT_FALSE(read->medallistCode(a.codeHash).isEmpty());
            EXPECT_EQ(read->medallistCode(a.codeHash), expected->medallistCode(b.codeHash));
        }
    }
    EXPECT_GT(medallists, 0) << "the medallists' codes were read as text";
}

TEST(AnalysisDataReader, ACancelledReadEndsWithItsMessage) {
    OBJ_SQLITE_ONLY("the stream of SQLite rows checks the flag at every chunk");
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"c.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    ASSERT_TRUE(writeRegion(**opened).ok());
    const std::atomic<bool> cancel{true};
    const auto read = storage::AnalysisDataReader::read((*opened)->connection(), &cancel);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().message, u"Чтение данных прервано"_s);
    // the connection is free again: a second read, not cancelled, gives every work
    const auto again = storage::AnalysisDataReader::read((*opened)->connection());
    ASSERT_TRUE(again.ok()) << again.error().toString().toStdString();
    EXPECT_GT(again->participantCount(), 3 * 8192);
}

// The stored scale reaches the analysis with its extra condition: a «4» boundary two points below
// the one the generated marks follow gives way to the data's, unless the scale has a condition
// (geometry, literacy), under which marks below the scale are lawful.
TEST(AnalysisDataReader, AScaleTheMarksDoNotFollowGivesWayUnlessItsConditionExplainsIt) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"s.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    const core::Status written = writeRegion(db);
    ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
    QSqlQuery q(db.connection());
    // a generated ВПР procedure's own scale
    ASSERT_TRUE(q.exec(u"SELECT s.id, s.year, s.grade, s.subject, s.min_for_4 FROM mark_scales s "
                       "JOIN procedures p ON p.kind = s.kind AND p.year = s.year AND p.grade = "
                       "s.grade AND p.subject = s.subject WHERE s.kind = 'ВПР' AND s.min_for_4 "
                       ">= s.min_for_3 + 3 ORDER BY s.id LIMIT 1"_s))
        << q.lastError().text().toStdString();
    ASSERT_TRUE(q.next());
    const qint64 id = q.value(0).toLongLong();
    const int year = q.value(1).toInt(), grade = q.value(2).toInt();
    const QString subject = q.value(3).toString();
    const int four = q.value(4).toInt();
    const auto boundaryOfFour = [&]() {
        const auto read = storage::AnalysisDataReader::read(db.connection());
        EXPECT_TRUE(read.ok());
        for (int p = 0; p < read->procedures().size(); ++p) {
            const core::Procedure &pr = read->procedures()[p];
            if (pr.kind == core::ProcedureKind::VPR && pr.year == year && pr.grade == grade &&
                pr.subject == subject)
                return read->layout(p).minFor[4];
        }
        return -1;
    };
    EXPECT_EQ(boundaryOfFour(), four);
    QSqlQuery u(db.connection());
    u.prepare(u"UPDATE mark_scales SET min_for_4 = ?, extra_condition = ? WHERE id = ?"_s);
    u.addBindValue(four - 2);
    u.addBindValue(u""_s);
    u.addBindValue(id);
    ASSERT_TRUE(u.exec()) << u.lastError().text().toStdString();
    EXPECT_EQ(boundaryOfFour(), four) << "the data's «4»";
    u.addBindValue(four - 2);
    u.addBindValue(u"не менее 2 баллов за задания по геометрии"_s);
    u.addBindValue(id);
    ASSERT_TRUE(u.exec());
    EXPECT_EQ(boundaryOfFour(), four - 2) << "marks below a scale with a condition are lawful";
}
