// Migrations 012 and 014: the shipped official scales (resources/scales/official_mark_scales.csv)
// are the default rows of mark_scales, marked «официальная»; a row the user changed is the user's
// and a later run of the migration leaves it alone; an official row is brought back to the shipped
// values.
#include "objectivity/core/results/OfficialMarkScales.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/MarkScaleRepository.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

QString keyOf(const core::MarkScale &s) {
    return u"%1|%2|%3|%4"_s.arg(core::procedureKindCode(s.kind))
        .arg(s.year)
        .arg(s.grade)
        .arg(s.subject);
}

// Runs the upserts of migration 014 (every shipped row) again, as a later version would.
void rerunOfficialInserts(storage::Database &db) {
    QFile f(u":/sql/014_official_scales.sql"_s);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QSqlQuery q(db.connection());
    int inserts = 0;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n'))
        if (line.startsWith(u"INSERT"_s)) {
            ASSERT_TRUE(q.exec(line)) << q.lastError().text().toStdString();
            ++inserts;
        }
    EXPECT_GT(inserts, 80);
}

} // namespace

TEST(OfficialScalesMigration, ANewDatabaseHoldsEveryShippedRowAsOfficial) {
    const auto shipped = core::OfficialMarkScales::load();
    ASSERT_TRUE(shipped.ok()) << shipped.error().toString().toStdString();
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"a.sqlite"_s));
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    const auto stored = storage::MarkScaleRepository(**opened).list();
    ASSERT_TRUE(stored.ok());
    QHash<QString, core::MarkScale> byKey;
    for (const core::MarkScale &s : *stored) {
        EXPECT_EQ(s.origin, core::MarkScale::Origin::Official) << keyOf(s).toStdString();
        byKey.insert(keyOf(s), s);
    }
    EXPECT_EQ(stored->size(), shipped->size()); // migration 002's rows are all among them
    for (const core::MarkScale &s : *shipped) {
        SCOPED_TRACE(keyOf(s).toStdString());
        ASSERT_TRUE(byKey.contains(keyOf(s)));
        core::MarkScale db = byKey.value(keyOf(s));
        db.id = 0;
        EXPECT_EQ(db, s); // the migration and the resource agree (scripts/scales_to_sql.py)
    }
}

TEST(OfficialScalesMigration, UserRowsStayTheUsersOfficialRowsFollowTheShippedValues) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"a.sqlite"_s));
    ASSERT_TRUE(opened.ok());
    storage::Database &db = **opened;
    storage::MarkScaleRepository repo(db);
    ASSERT_TRUE(repo.list().ok());
    auto find = [&](const QString &subject, int year) -> core::MarkScale {
        const QList<core::MarkScale> list = repo.list().value();
        for (const core::MarkScale &s : list)
            if (s.kind == core::ProcedureKind::OGE && s.subject == subject && s.year == year)
                return s;
        return {};
    };
    // the user corrects the 2024 history scale in the dialog
    core::MarkScale history = find(u"История"_s, 2024);
    ASSERT_EQ(history.minFor3, 11);
    history.minFor3 = 12;
    history.source = u"приказ министерства образования области"_s;
    ASSERT_TRUE(repo.update(history).ok());
    EXPECT_EQ(find(u"История"_s, 2024).origin, core::MarkScale::Origin::User);
    // an official row that an older version shipped with other values
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(u"UPDATE mark_scales SET min_for_4 = 16 WHERE kind = 'ОГЭ' AND year = 2023 "
                       "AND subject = 'Математика'"_s));
    // a row the user added
    core::MarkScale own;
    own.kind = core::ProcedureKind::VPR;
    own.year = 2025;
    own.grade = 5;
    own.subject = u"Математика"_s;
    own.maxPrimary = 20;
    own.minFor3 = 5;
    own.minFor4 = 10;
    own.minFor5 = 15;
    own.origin = core::MarkScale::Origin::Official; // the repository marks it the user's anyway
    ASSERT_TRUE(repo.add(own).ok());

    rerunOfficialInserts(db);
    const core::MarkScale kept = find(u"История"_s, 2024);
    EXPECT_EQ(kept.minFor3, 12);
    EXPECT_EQ(kept.source, u"приказ министерства образования области"_s);
    EXPECT_EQ(kept.origin, core::MarkScale::Origin::User);
    EXPECT_EQ(find(u"Математика"_s, 2023).minFor4, 15);
    bool ownFound = false;
    const QList<core::MarkScale> after = repo.list().value();
    for (const core::MarkScale &s : after)
        if (s.kind == core::ProcedureKind::VPR && s.year == 2025) {
            ownFound = true;
            EXPECT_EQ(s.origin, core::MarkScale::Origin::User);
        }
    EXPECT_TRUE(ownFound);
}

// A database of an earlier version: the rows migration 002 shipped become official (and get the
// sources of the resource), a row the user had added stays the user's.
TEST(OfficialScalesMigration, UpgradeKeepsTheUsersOwnRows) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.sqlite"_s);
    {
        auto opened = storage::Database::open(path);
        ASSERT_TRUE(opened.ok());
        QSqlQuery q((*opened)->connection());
        // back to the schema before 012 with 002's rows as they were
        ASSERT_TRUE(q.exec(u"DELETE FROM mark_scales"_s));
        ASSERT_TRUE(q.exec(u"DROP TABLE mark_scale_user_rows"_s))
            << q.lastError().text().toStdString();
        ASSERT_TRUE(q.exec(u"INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, "
                           "source) VALUES ('ОГЭ', 2019, 9, 'Физика', 10, 'Rosobrnadzor letter "
                           "10-151 of 27.02.2019, as quoted by uris72.ru')"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO mark_scales (kind, year, grade, subject, min_for_3, "
                           "source) VALUES ('ОГЭ', 2019, 9, 'Химия', 11, 'наш приказ')"_s));
        // 011 is not used: 012 is the next one; 013 adds a column the file already has (the
        // runner skips it); 014 brings the rows added since 012
        ASSERT_TRUE(q.exec(u"PRAGMA user_version = 10"_s));
    }
    auto reopened = storage::Database::open(path);
    ASSERT_TRUE(reopened.ok()) << reopened.error().toString().toStdString();
    int seen = 0;
    const QList<core::MarkScale> list = storage::MarkScaleRepository(**reopened).list().value();
    for (const core::MarkScale &s : list) {
        if (s.kind != core::ProcedureKind::OGE || s.year != 2019)
            continue;
        if (s.subject == u"Физика"_s) {
            ++seen;
            EXPECT_EQ(s.origin, core::MarkScale::Origin::Official);
            EXPECT_TRUE(s.source.contains(u"10-151"_s));
            EXPECT_TRUE(s.source.contains(u"вторичный источник"_s)) << s.source.toStdString();
        } else if (s.subject == u"Химия"_s) {
            ++seen;
            EXPECT_EQ(s.origin, core::MarkScale::Origin::User);
            EXPECT_EQ(s.minFor3, 11);
            EXPECT_EQ(s.source, u"наш приказ"_s);
        }
    }
    EXPECT_EQ(seen, 2);
}
