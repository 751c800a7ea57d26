// Migration 007 (deadline recurrence, execution per window) on a database holding plans, and the
// window marks through save, load and the execution update.
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QDir>
#include <QSqlQuery>

using namespace objectivity::core;
using objectivity::storage::Database;
using objectivity::storage::PlanRepository;
using objectivity::test::makeMeasure;

namespace {

QDate d(int y, int m, int day) {
    return QDate(y, m, day);
}

// A draft for 2024/25–2025/26: a monthly measure, one due «Август, ноябрь» marked done as a whole
// (as before 007), and a one-off measure.
Plan recurringPlan() {
    Plan plan;
    plan.title = QStringLiteral("План мероприятий по обеспечению объективности");
    plan.organization.name = QStringLiteral("МБОУ СОШ № 1");
    plan.period = {2024, 2026};
    Section s{0, QStringLiteral("1."), QStringLiteral("Мероприятия"), {}};
    Measure monthly = makeMeasure(QStringLiteral("1.1."), QStringLiteral("Мониторинг"),
                                  {QStringLiteral("Иванова И.И.")});
    monthly.deadline =
        DeadlineParser::parse(QStringLiteral("В течение года, ежемесячно"), plan.period);
    Measure twice = makeMeasure(QStringLiteral("1.2."), QStringLiteral("Анализ результатов"),
                                {QStringLiteral("Петров П.П.")});
    twice.deadline = DeadlineParser::parse(QStringLiteral("Август, ноябрь"), plan.period);
    twice.status = MeasureStatus::Done;
    twice.completionDate = d(2024, 11, 20);
    Measure once =
        makeMeasure(QStringLiteral("1.3."), QStringLiteral("Приказ"), {QStringLiteral("Директор")});
    once.deadline = DeadlineParser::parse(QStringLiteral("до 15.09.2024"), plan.period);
    s.measures << monthly << twice << once;
    plan.sections << s;
    return plan;
}

int count(Database &db, const QString &sql) {
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
    return q.value(0).toInt();
}

} // namespace

TEST(WindowMarksStorage, Migration7UpgradesADatabaseWithPlans) {
    OBJ_SQLITE_ONLY("rebuilds a version 6 SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
    qint64 planId = 0;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        ASSERT_GE(Database::latestSchemaVersion(), 7);
        Plan plan = recurringPlan();
        OBJ_ASSERT_OK(PlanRepository(**db).save(plan));
        planId = plan.id;
        // back to the layout before 007: no recurrence, no marks, the monthly measure stored with
        // the one window the older program gave it ("ежемесячно" read as the whole period)
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE measure_window_marks")));
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE measure_recurrence")));
        ASSERT_TRUE(q.exec(QStringLiteral(
            "UPDATE measures SET deadline_windows = '[{\"from\":\"2024-09-01\",\"to\":"
            "\"2026-08-31\"}]' WHERE number = '1.1.'")));
        // plans.version came with migration 010
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE plans DROP COLUMN version")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 6")));
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_FALSE((*db)->backupPath().isEmpty());
    EXPECT_TRUE(QFileInfo::exists((*db)->backupPath()));
    EXPECT_EQ(count(**db, QStringLiteral("SELECT count(*) FROM measure_recurrence")), 0);

    PlanRepository repo(**db);
    auto loaded = repo.load(planId);
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString().toStdString();
    const QList<Measure> &ms = loaded->sections[0].measures;
    ASSERT_EQ(ms.size(), 3);
    // the monthly measure is read again: one window per month of the two years
    EXPECT_EQ(ms[0].deadline.recurrence, DeadlineRecurrence::Monthly);
    EXPECT_EQ(ms[0].deadline.windows.size(), 24);
    // the measure done as a whole keeps its status, and every window of it counts as done
    EXPECT_EQ(ms[1].deadline.recurrence, DeadlineRecurrence::Yearly);
    EXPECT_EQ(ms[1].status, MeasureStatus::Done);
    EXPECT_EQ(ms[1].completionDate, d(2024, 11, 20));
    ASSERT_EQ(ms[1].deadline.windows.size(), 4);
    for (const DateRange &w : ms[1].deadline.windows)
        EXPECT_EQ(ms[1].windowStatus(w), MeasureStatus::Done);
    EXPECT_TRUE(ms[1].windowMarks.isEmpty());
    EXPECT_EQ(ms[2].deadline.recurrence, DeadlineRecurrence::Once);
    EXPECT_FALSE(ms[2].isMarkedPerWindow());

    // a window reopened after the upgrade: stored, and read back
    Measure reopened = ms[1];
    reopened.setWindowMark({ms[1].deadline.windows[2], MeasureStatus::NotDone, QDate(),
                            QStringLiteral("перенесено на педсовет")});
    OBJ_ASSERT_OK(repo.updateMeasureExecution(reopened));
    auto again = repo.load(planId);
    ASSERT_TRUE(again.ok());
    const Measure &m = again->sections[0].measures[1];
    ASSERT_EQ(m.windowMarks.size(), 1);
    EXPECT_EQ(m.windowStatus(m.deadline.windows[2]), MeasureStatus::NotDone);
    EXPECT_EQ(m.windowMarks[0].note, QStringLiteral("перенесено на педсовет"));
    EXPECT_EQ(m.windowStatus(m.deadline.windows[3]), MeasureStatus::Done);

    // a save writes the recurrence codes
    Plan edited = *again;
    edited.sections[0].measures[0].text = QStringLiteral("Мониторинг посещаемости");
    OBJ_ASSERT_OK(repo.save(edited));
    EXPECT_EQ(count(**db, QStringLiteral("SELECT count(*) FROM measures m JOIN measure_recurrence "
                                         "r ON r.measure_id = m.id WHERE r.recurrence = 'monthly' "
                                         "AND m.deadline_windows LIKE '%2026-08-01%'")),
              1);
}

TEST(WindowMarksStorage, MarksRoundTripAndGoWithTheirMeasure) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, QStringLiteral("marks.sqlite"));
    auto db = Database::open(location);
    ASSERT_TRUE(db.ok());
    PlanRepository repo(**db);
    Plan plan = recurringPlan();
    Measure &monthly = plan.sections[0].measures[0];
    monthly.setWindowMark({monthly.deadline.windows[0], MeasureStatus::Done, d(2024, 9, 30),
                           QStringLiteral("Отчёт")});
    monthly.setWindowMark({monthly.deadline.windows[1], MeasureStatus::InProgress, {}, {}});
    OBJ_ASSERT_OK(repo.save(plan));
    auto loaded = repo.load(plan.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, plan) << "the marks, recurrences and windows come back as saved";
    EXPECT_EQ(count(**db, QStringLiteral("SELECT count(*) FROM measure_window_marks")), 2);

    // a mark cleared in the editor is removed on save
    Plan edited = *loaded;
    Measure &m = edited.sections[0].measures[0];
    m.setWindowMark({m.deadline.windows[1], MeasureStatus::Planned, {}, {}});
    OBJ_ASSERT_OK(repo.save(edited));
    EXPECT_EQ(count(**db, QStringLiteral("SELECT count(*) FROM measure_window_marks")), 1);

    // the measure removed: its marks go with it
    edited.sections[0].measures.removeFirst();
    OBJ_ASSERT_OK(repo.save(edited));
    EXPECT_EQ(count(**db, QStringLiteral("SELECT count(*) FROM measure_window_marks")), 0);
}
