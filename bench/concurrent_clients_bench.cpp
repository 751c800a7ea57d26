// Two people, one plan — many of them: N clients (threads, each with its own connection) edit and
// read a few shared plans for a while. An edit loads a plan, writes a unique token into the note
// of a random measure and saves with the version it loaded; a refused save (ErrorCode::PlanChanged)
// is a conflict, retried on the plan loaded again. At the end it checks that nothing was lost:
// every successful edit is in the plans' history exactly once, each measure holds the last token
// written to it, and each plan's version is 1 + its successful saves.
//
// Usage: concurrent_clients_bench [--clients N] [--seconds S] [--plans P] [--db PATH|URL]
//   defaults: 20 clients, 60 s, 3 plans of 12 measures, a new SQLite file in a temporary folder.
//   --db postgresql://USER@HOST:PORT/DB runs on that server database (it should hold no plans: the
//   check reads the whole history); --db server makes a new database `objectivity_concurrent` on
//   the server of the PG* variables (dropped first): `pg_virtualenv -t -v 15
//   build/bench/concurrent_clients_bench --db server`.
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace objectivity;

namespace {

struct Edit {
    qint64 planId;
    qint64 measureId;
    QString token;
    qint64 order; // commit order is unknown across threads: the history gives it
};

struct Totals {
    std::atomic<qint64> edits{0}, reads{0}, conflicts{0}, retries{0}, failures{0};
    std::mutex mutex;
    QList<Edit> saved;
    QStringList errors;
};

core::Plan samplePlan(int n) {
    core::Plan plan;
    plan.title = QStringLiteral("План школы %1").arg(n + 1);
    plan.organization.name = QStringLiteral("МАОУ «СОШ №%1»").arg(n + 1);
    plan.period = {2025, 2026};
    for (int s = 0; s < 3; ++s) {
        core::Section section{
            0, QStringLiteral("%1.").arg(s + 1), QStringLiteral("Раздел %1").arg(s + 1), {}};
        for (int m = 0; m < 4; ++m) {
            core::Measure measure;
            measure.number = QStringLiteral("%1.%2.").arg(s + 1).arg(m + 1);
            measure.text = QStringLiteral("Мероприятие %1.%2").arg(s + 1).arg(m + 1);
            section.measures.append(measure);
        }
        plan.sections.append(section);
    }
    return plan;
}

void client(const QString &db, int index, const QList<qint64> &plans, qint64 deadlineMs,
            Totals &totals) {
    auto opened = storage::Database::open(db);
    if (!opened) {
        const std::lock_guard lock(totals.mutex);
        totals.errors << opened.error().toString();
        return;
    }
    storage::PlanRepository repository(**opened);
    QRandomGenerator random(quint32(1000 + index));
    QElapsedTimer clock;
    clock.start();
    int n = 0;
    while (clock.elapsed() < deadlineMs) {
        const qint64 planId = plans[random.bounded(int(plans.size()))];
        if (random.bounded(10) < 3) { // a read
            if (auto p = repository.load(planId); !p) {
                ++totals.failures;
                const std::lock_guard lock(totals.mutex);
                totals.errors << p.error().toString();
            }
            ++totals.reads;
            continue;
        }
        const QString token = QStringLiteral("клиент %1, правка %2").arg(index).arg(++n);
        const int s = random.bounded(3);
        const int m = random.bounded(4);
        for (int attempt = 0;; ++attempt) {
            auto loaded = repository.load(planId);
            if (!loaded) {
                ++totals.failures;
                const std::lock_guard lock(totals.mutex);
                totals.errors << loaded.error().toString();
                break;
            }
            core::Plan plan = *loaded;
            plan.sections[s].measures[m].note = token;
            const core::Status st = repository.save(plan);
            if (st) {
                ++totals.edits;
                const std::lock_guard lock(totals.mutex);
                totals.saved.append({planId, plan.sections[s].measures[m].id, token, 0});
                break;
            }
            if (st.error().code == core::ErrorCode::PlanChanged) {
                ++totals.conflicts;
                ++totals.retries;
                continue; // load the current plan and apply the edit again
            }
            ++totals.failures;
            const std::lock_guard lock(totals.mutex);
            totals.errors << st.error().toString();
            break;
        }
    }
}

// A new database on the server of PGHOST/PGPORT/PGUSER/PGPASSWORD; its URL, or empty (and *why).
QString newServerDatabase(const QString &name, QString *why) {
    if (qEnvironmentVariableIsEmpty("PGHOST")) {
        *why = QStringLiteral("нет PGHOST: запустите под pg_virtualenv");
        return {};
    }
    {
        QSqlDatabase admin =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        const QString maintenance = qEnvironmentVariable("PGDATABASE");
        admin.setDatabaseName(maintenance.isEmpty() ? QStringLiteral("postgres") : maintenance);
        QSqlQuery q(admin);
        if (!admin.open() ||
            !q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)) ||
            !q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            *why = admin.lastError().text() + q.lastError().text();
            return {};
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    const QString host = qEnvironmentVariable("PGHOST");
    if (!host.startsWith(QLatin1Char('/'))) // a socket folder is left to libpq
        url.setHost(host);
    if (const int port = qEnvironmentVariableIntValue("PGPORT"); port > 0)
        url.setPort(port);
    url.setUserName(qEnvironmentVariable("PGUSER"));
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    int clients = 20;
    int seconds = 60;
    int planCount = 3;
    QString db;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--clients"))
            clients = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--plans"))
            planCount = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--db"))
            db = args[i + 1];
    }
    if (clients < 1 || seconds < 1 || planCount < 1) {
        std::fprintf(stderr, "Использование: concurrent_clients_bench [--clients N] [--seconds S] "
                             "[--plans P] [--db ФАЙЛ|postgresql://…|server]\n");
        return 2;
    }
    QTemporaryDir dir;
    if (db.isEmpty())
        db = dir.filePath(QStringLiteral("concurrent.sqlite"));
    if (db == QLatin1String("server")) {
        QString why;
        db = newServerDatabase(QStringLiteral("objectivity_concurrent"), &why);
        if (db.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(why));
            return 1;
        }
    }

    QList<qint64> plans;
    QHash<qint64, int> startVersion;
    {
        auto opened = storage::Database::open(db);
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
            return 1;
        }
        storage::PlanRepository repository(**opened);
        for (int i = 0; i < planCount; ++i) {
            core::Plan plan = samplePlan(i);
            if (auto st = repository.save(plan); !st) {
                std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
                return 1;
            }
            plans << plan.id;
            startVersion.insert(plan.id, plan.version);
        }
    }

    std::printf("%d clients, %d s, %d plans of 12 measures, database %s\n", clients, seconds,
                planCount, qPrintable(db));
    Totals totals;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i)
        threads.emplace_back(client, db, i, plans, qint64(seconds) * 1000, std::ref(totals));
    for (auto &t : threads)
        t.join();
    const double elapsed = wall.elapsed() / 1000.0;

    // The check, on a fresh connection.
    auto opened = storage::Database::open(db);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    QSqlQuery q((*opened)->connection());
    QHash<QString, int> inHistory; // token → rows
    QHash<qint64, QString> lastOfMeasure;
    // target «мероприятие N» is enough with the token: tokens are unique
    if (!q.exec(QStringLiteral(
            "SELECT new_value FROM plan_history WHERE field = 'note' ORDER BY id"))) {
        std::fprintf(stderr, "history not read\n");
        return 1;
    }
    while (q.next())
        ++inHistory[q.value(0).toString()];
    int lost = 0, duplicated = 0;
    QHash<qint64, int> savesPerPlan;
    for (const Edit &e : totals.saved) {
        const int rows = inHistory.value(e.token);
        lost += rows == 0 ? 1 : 0;
        duplicated += rows > 1 ? 1 : 0;
        ++savesPerPlan[e.planId];
    }
    // Each measure holds the last token the history wrote to it.
    int wrongFinal = 0;
    if (!q.exec(QStringLiteral(
            "SELECT m.id, m.note, (SELECT h.new_value FROM plan_history h WHERE h.plan_id = "
            "s.plan_id AND h.field = 'note' AND h.target = 'мероприятие ' || m.number ORDER BY "
            "h.id DESC LIMIT 1) FROM measures m JOIN sections s ON s.id = m.section_id")))
        return 1;
    while (q.next())
        if (!q.value(2).isNull() && q.value(1).toString() != q.value(2).toString())
            ++wrongFinal;
    int wrongVersions = 0;
    for (qint64 id : plans) {
        auto v = storage::PlanRepository(**opened).version(id);
        const int expected = startVersion.value(id) + savesPerPlan.value(id);
        if (!v || *v != expected) {
            ++wrongVersions;
            std::printf("  plan %lld: version %d, expected %d\n", id, v ? *v : -1, expected);
        }
    }

    const qint64 ops = totals.edits + totals.reads;
    std::printf("operations        %lld (%.0f/s): %lld saved edits, %lld reads\n", ops,
                ops / elapsed, qint64(totals.edits), qint64(totals.reads));
    std::printf("conflicts         %lld (refused saves, each retried on the current plan)\n",
                qint64(totals.conflicts));
    std::printf("retries           %lld\n", qint64(totals.retries));
    std::printf("other failures    %lld\n", qint64(totals.failures));
    for (const QString &e : totals.errors.mid(0, 5))
        std::printf("  %s\n", qPrintable(e));
    std::printf("check: lost edits %d, edits recorded twice %d, measures not holding their last "
                "edit %d, plans with a wrong version %d -> %s\n",
                lost, duplicated, wrongFinal, wrongVersions,
                lost + duplicated + wrongFinal + wrongVersions == 0 && totals.failures == 0
                    ? "NOTHING LOST"
                    : "FAILED");
    return lost + duplicated + wrongFinal + wrongVersions == 0 && totals.failures == 0 ? 0 : 1;
}
