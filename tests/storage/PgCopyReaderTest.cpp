// storage::PgCopyReader against a real PostgreSQL server (pg_virtualenv): every type the analysis
// reads decodes to the value written, NULLs stay NULL, a stop leaves the connection usable and a
// bad query fails in Russian.
#include "objectivity/storage/PgCopyReader.h"
#include "objectivity/storage/PgCopyWriter.h"

#include "PgTestConnection.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using storage::PgCopyReader;

namespace {

class PgCopyReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test::pgAvailable())
            GTEST_SKIP() << test::pgSkipMessage();
        m_db = test::openPg(u"pg_copy_reader_test"_s);
        ASSERT_TRUE(m_db.isOpen());
        QSqlQuery q(m_db);
        ASSERT_TRUE(q.exec(u"CREATE TEMP TABLE probe (id bigint, n integer, s smallint, "
                           "score double precision, label text, points bytea)"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO probe VALUES (1, -7, 300, 12.25, 'Школа №1\t«А»', "
                           "'\\x00ff7f80'), (5000000000, NULL, -1, -0.5, '', ''), "
                           "(3, 2147483647, NULL, NULL, NULL, NULL)"_s));
    }
    void TearDown() override {
        if (m_db.isValid()) {
            m_db.close();
            m_db = {};
            QSqlDatabase::removeDatabase(u"pg_copy_reader_test"_s);
        }
    }
    QSqlDatabase m_db;
};

TEST_F(PgCopyReaderTest, DecodesEveryTypeAndNull) {
    struct Row {
        qint64 id, n;
        bool nNull;
        qint64 s;
        bool sNull;
        double score;
        QString label;
        bool labelNull;
        QByteArray points;
    };
    QList<Row> rows;
    auto read = PgCopyReader::read(
        storage::PgCopyWriter::handleOf(m_db),
        u"SELECT id, n, s, score, label, points FROM probe ORDER BY id"_s,
        [&](const PgCopyReader::Field *f, int count) {
            EXPECT_EQ(count, 6);
            rows.append({f[0].toInt(), f[1].toInt(), f[1].isNull(), f[2].toInt(), f[2].isNull(),
                         f[3].toDouble(), f[4].text(), f[4].isNull(), f[5].bytes().toByteArray()});
            return true;
        });
    ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
    EXPECT_EQ(read.value(), 3);
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].id, 1);
    EXPECT_EQ(rows[0].n, -7);
    EXPECT_EQ(rows[0].s, 300);
    EXPECT_EQ(rows[0].score, 12.25);
    EXPECT_EQ(rows[0].label, u"Школа №1\t«А»"_s);
    EXPECT_EQ(rows[0].points, QByteArray("\x00\xff\x7f\x80", 4));
    EXPECT_EQ(rows[1].id, 3);
    EXPECT_EQ(rows[1].n, 2147483647);
    EXPECT_TRUE(rows[1].sNull);
    EXPECT_TRUE(rows[1].labelNull);
    EXPECT_EQ(rows[2].id, 5000000000LL);
    EXPECT_TRUE(rows[2].nNull);
    EXPECT_EQ(rows[2].s, -1);
    EXPECT_EQ(rows[2].score, -0.5);
    EXPECT_FALSE(rows[2].labelNull);
    EXPECT_TRUE(rows[2].label.isEmpty());
    EXPECT_TRUE(rows[2].points.isEmpty());
}

TEST_F(PgCopyReaderTest, AStopLeavesTheConnectionUsable) {
    int seen = 0;
    auto read = PgCopyReader::read(storage::PgCopyWriter::handleOf(m_db),
                                   u"SELECT g FROM generate_series(1, 10000) g"_s,
                                   [&](const PgCopyReader::Field *, int) { return ++seen < 10; });
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(seen, 10);
    QSqlQuery q(m_db);
    ASSERT_TRUE(q.exec(u"SELECT count(*) FROM probe"_s));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 3);
}

TEST_F(PgCopyReaderTest, ABadQueryFailsInRussian) {
    auto read =
        PgCopyReader::read(storage::PgCopyWriter::handleOf(m_db), u"SELECT colour FROM probe"_s,
                           [](const PgCopyReader::Field *, int) { return true; });
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(read.error().message.contains(u"нет нужного столбца"_s))
        << read.error().message.toStdString();
    EXPECT_TRUE(read.error().details.startsWith(u"42703"_s)) << read.error().details.toStdString();
    QSqlQuery q(m_db);
    EXPECT_TRUE(q.exec(u"SELECT 1"_s));
}

} // namespace
