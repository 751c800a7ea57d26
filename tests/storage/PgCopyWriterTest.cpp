// storage::PgCopyWriter against a real PostgreSQL server (pg_virtualenv): every awkward value
// arrives unchanged in both formats, the COPY shares QPSQL's transaction (a rollback leaves
// nothing), and a bad row fails in Russian with its row number and the server's text in details.
#include "objectivity/storage/PgCopyWriter.h"
#include "objectivity/storage/PgErrorText.h"

#include "PgTestConnection.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using storage::PgCopyWriter;

namespace {

bool hasEnglish(const QString &text) {
    static const QRegularExpression latin(u"[A-Za-z]{3,}"_s);
    return latin.match(text).hasMatch();
}

class PgCopyWriterTest : public ::testing::TestWithParam<PgCopyWriter::Format> {
protected:
    void SetUp() override {
        if (!test::pgAvailable())
            GTEST_SKIP() << test::pgSkipMessage();
        m_db = test::openPg(u"pg_copy_writer_test"_s);
        ASSERT_TRUE(m_db.isOpen());
        QSqlQuery q(m_db);
        ASSERT_TRUE(q.exec(u"CREATE TEMP TABLE copy_probe (id bigint PRIMARY KEY, n integer, "
                           "s smallint, label text NOT NULL, points bytea NOT NULL, "
                           "score double precision, flag boolean, note varchar(20))"_s))
            << q.lastError().text().toStdString();
    }
    void TearDown() override {
        if (m_db.isValid()) {
            m_db.close();
            m_db = {};
            QSqlDatabase::removeDatabase(u"pg_copy_writer_test"_s);
        }
    }
    std::unique_ptr<PgCopyWriter> begin() {
        auto w = PgCopyWriter::begin(
            PgCopyWriter::handleOf(m_db), u"copy_probe"_s,
            {u"id"_s, u"n"_s, u"s"_s, u"label"_s, u"points"_s, u"score"_s, u"flag"_s, u"note"_s},
            GetParam());
        EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().message.toStdString());
        return w.ok() ? std::move(w.value()) : nullptr;
    }
    qint64 count() {
        QSqlQuery q(m_db);
        EXPECT_TRUE(q.exec(u"SELECT count(*) FROM copy_probe"_s));
        EXPECT_TRUE(q.next());
        return q.value(0).toLongLong();
    }
    QSqlDatabase m_db;
};

struct Probe {
    qint64 id;
    QVariant n;
    int s;
    QString label;
    QByteArray points;
    QVariant score;
    QVariant flag;
    QVariant note;
};

TEST_P(PgCopyWriterTest, AwkwardValuesArriveUnchanged) {
    const QByteArray allBytes = [] {
        QByteArray b;
        for (int i = 0; i < 256; ++i)
            b.append(char(i));
        return b;
    }();
    const QList<Probe> probes = {
        {1, 7, -3, u"tab\there"_s, QByteArray("\x01\xFF\x00\x05", 4), 12.5, true, u"x"_s},
        {2, QVariant(), 0, u"line\nbreak\r\nand \\ backslash"_s, QByteArray(), QVariant(), false,
         QVariant()},
        {3, -2147483647 - 1, 32767, u"\\N"_s, allBytes, 0.1 + 0.2, QVariant(), u"\\."_s},
        {4, 2147483647, -32768, u"Школа №5 «Ромашка» — ₽"_s,
         QByteArray("\\\t\n", 3), -1e300, true, u"ё\tЁ"_s},
        {5, 0, 1, QString(), QByteArray(1, '\xFF'), 3.0, false, u""_s},
    };
    auto w = begin();
    ASSERT_TRUE(w);
    for (const Probe &p : probes) {
        w->addInt(p.id);
        w->add(p.n);
        w->addInt(p.s);
        w->addText(p.label.isNull() ? u""_s : p.label);
        w->addBytes(p.points);
        w->add(p.score);
        w->add(p.flag);
        w->add(p.note);
        ASSERT_TRUE(w->endRow().ok());
    }
    auto rows = w->finish();
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString() << "\n"
                           << rows.error().details.toStdString();
    EXPECT_EQ(rows.value(), probes.size());

    QSqlQuery q(m_db);
    ASSERT_TRUE(q.exec(u"SELECT id, n, s, label, points, score, flag, note FROM copy_probe "
                       "ORDER BY id"_s));
    for (const Probe &p : probes) {
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toLongLong(), p.id);
        EXPECT_EQ(q.value(1).isNull(), p.n.isNull()) << p.id;
        if (!p.n.isNull()) {
            EXPECT_EQ(q.value(1).toLongLong(), p.n.toLongLong());
        }
        EXPECT_EQ(q.value(2).toInt(), p.s);
        EXPECT_EQ(q.value(3).toString(), p.label.isNull() ? u""_s : p.label) << p.id;
        EXPECT_EQ(q.value(4).toByteArray(), p.points) << p.id;
        EXPECT_EQ(q.value(5).isNull(), p.score.isNull());
        if (!p.score.isNull()) {
            EXPECT_EQ(q.value(5).toDouble(), p.score.toDouble()) << p.id; // bit-exact
        }
        EXPECT_EQ(q.value(6).isNull(), p.flag.isNull());
        if (!p.flag.isNull()) {
            EXPECT_EQ(q.value(6).toBool(), p.flag.toBool());
        }
        EXPECT_EQ(q.value(7).isNull(), p.note.isNull());
        EXPECT_EQ(q.value(7).toString(), p.note.toString()) << p.id;
    }
}

TEST_P(PgCopyWriterTest, SharesTheQpsqlTransaction) {
    ASSERT_TRUE(m_db.transaction());
    QSqlQuery q(m_db);
    ASSERT_TRUE(q.exec(u"INSERT INTO copy_probe (id, label, points) VALUES (5000, 'a', '')"_s));
    auto w = begin();
    ASSERT_TRUE(w);
    for (int i = 1; i <= 1000; ++i) {
        w->addInt(i);
        w->addInt(i);
        w->addInt(1);
        w->addText(u"row"_s);
        w->addBytes(QByteArray(3, char(i)));
        w->addDouble(i / 3.0);
        w->addNull();
        w->addNull();
        ASSERT_TRUE(w->endRow().ok());
    }
    ASSERT_TRUE(w->finish().ok());
    EXPECT_EQ(count(), 1001); // the COPY sees the statement's row and vice versa
    ASSERT_TRUE(m_db.rollback());
    EXPECT_EQ(count(), 0);

    // The same committed lands whole.
    ASSERT_TRUE(m_db.transaction());
    w = begin();
    ASSERT_TRUE(w);
    w->addInt(1);
    w->addNull();
    w->addInt(2);
    w->addText(u"b"_s);
    w->addBytes({});
    w->addNull();
    w->addNull();
    w->addNull();
    ASSERT_TRUE(w->endRow().ok());
    ASSERT_TRUE(w->finish().ok());
    ASSERT_TRUE(m_db.commit());
    EXPECT_EQ(count(), 1);
}

TEST_P(PgCopyWriterTest, AServerRefusalNamesTheRowInRussianAndKeepsNothing) {
    ASSERT_TRUE(m_db.transaction());
    auto w = begin();
    ASSERT_TRUE(w);
    for (int i : {1, 2, 2, 4}) { // the third row repeats the primary key
        w->addInt(i);
        w->addNull();
        w->addNull();
        w->addText(u"x"_s);
        w->addBytes({});
        w->addNull();
        w->addNull();
        w->addNull();
        ASSERT_TRUE(w->endRow().ok());
    }
    auto rows = w->finish();
    ASSERT_FALSE(rows.ok());
    const core::Error e = rows.error();
    EXPECT_TRUE(e.message.contains(u"повтор уникального значения"_s)) << e.message.toStdString();
    EXPECT_TRUE(e.message.contains(u"copy_probe"_s));
    EXPECT_FALSE(hasEnglish(QString(e.message).remove(u"copy_probe"_s))) << e.message.toStdString();
    EXPECT_EQ(e.row, 3);
    EXPECT_TRUE(e.details.startsWith(u"23505"_s)) << e.details.toStdString();
    ASSERT_TRUE(m_db.rollback());
    EXPECT_EQ(count(), 0);
    // The connection is usable afterwards.
    QSqlQuery q(m_db);
    EXPECT_TRUE(q.exec(u"SELECT 1"_s));
}

TEST_P(PgCopyWriterTest, AValueTheColumnCannotHoldStopsTheRowBeforeSending) {
    ASSERT_TRUE(m_db.transaction());
    auto w = begin();
    ASSERT_TRUE(w);
    w->addInt(1);
    w->addInt(1LL << 40); // integer column
    w->addInt(0);
    w->addText(u"x"_s);
    w->addBytes({});
    w->addNull();
    w->addNull();
    w->addNull();
    const core::Status s = w->endRow();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().row, 1);
    EXPECT_TRUE(s.error().message.contains(u"вне допустимого диапазона"_s))
        << s.error().message.toStdString();
    EXPECT_FALSE(w->finish().ok());
    ASSERT_TRUE(m_db.rollback());
    EXPECT_EQ(count(), 0);

    // A row with a value missing.
    ASSERT_TRUE(m_db.transaction());
    w = begin();
    ASSERT_TRUE(w);
    w->addInt(1);
    const core::Status short_ = w->endRow();
    ASSERT_FALSE(short_.ok());
    EXPECT_TRUE(short_.error().message.contains(u"значений вместо 8"_s))
        << short_.error().message.toStdString();
    ASSERT_TRUE(m_db.rollback());
}

TEST_P(PgCopyWriterTest, UnknownTableOrColumnIsRefusedBeforeTheCopy) {
    auto noTable = PgCopyWriter::begin(PgCopyWriter::handleOf(m_db), u"no_such_table"_s, {u"id"_s},
                                       GetParam());
    ASSERT_FALSE(noTable.ok());
    EXPECT_TRUE(noTable.error().message.contains(u"такой таблицы нет"_s));
    auto noColumn = PgCopyWriter::begin(PgCopyWriter::handleOf(m_db), u"copy_probe"_s,
                                        {u"id"_s, u"colour"_s}, GetParam());
    ASSERT_FALSE(noColumn.ok());
    EXPECT_TRUE(noColumn.error().message.contains(u"нет столбца «colour»"_s))
        << noColumn.error().message.toStdString();
    // Nothing is left half-open: the connection still runs statements.
    QSqlQuery q(m_db);
    EXPECT_TRUE(q.exec(u"SELECT 1"_s));
    EXPECT_EQ(count(), 0);
}

INSTANTIATE_TEST_SUITE_P(Formats, PgCopyWriterTest,
                         ::testing::Values(PgCopyWriter::Format::Text,
                                           PgCopyWriter::Format::Binary),
                         [](const auto &info) {
                             return info.param == PgCopyWriter::Format::Text ? "Text" : "Binary";
                         });

TEST(PgErrorTextTest, EveryClassReadsAsRussian) {
    for (const char *state :
         {"23505", "23503", "23502", "23514", "22P02", "22P04", "22003", "08006", "08001", "40001",
          "53100", "57P01", "42P01", "XX000", "99999", ""}) {
        const QString text = storage::PgErrorText::russian(QString::fromLatin1(state));
        EXPECT_FALSE(text.isEmpty()) << state;
        EXPECT_FALSE(hasEnglish(text)) << state << ": " << text.toStdString();
    }
    EXPECT_TRUE(storage::PgErrorText::russian(u"08006"_s).contains(u"нет связи"_s));
    EXPECT_TRUE(storage::PgErrorText::russian(u"53100"_s).contains(u"не хватает места"_s));
}

TEST(PgCopyWriterHandleTest, OnlyQpsqlConnectionsHaveAHandle) {
    QSqlDatabase sqlite = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"pg_handle_probe"_s);
    sqlite.setDatabaseName(u":memory:"_s);
    ASSERT_TRUE(sqlite.open());
    EXPECT_EQ(PgCopyWriter::handleOf(sqlite), nullptr);
    sqlite.close();
    sqlite = {};
    QSqlDatabase::removeDatabase(u"pg_handle_probe"_s);
    auto w = PgCopyWriter::begin(nullptr, u"participants"_s, {u"id"_s});
    ASSERT_FALSE(w.ok());
    EXPECT_TRUE(w.error().message.contains(u"нет связи"_s)) << w.error().message.toStdString();
}

} // namespace
