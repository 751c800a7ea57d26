#pragma once
// Runs objectivity-cli as a user does: a separate process with a temporary database.
#include "TestDatabase.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace objectivity::test {

// How many owner entries of a plan (`plan show --json`) equal `name`.
inline int ownerCount(const QJsonObject &plan, const QString &name) {
    int n = 0;
    for (const auto &s : plan.value(QLatin1String("sections")).toArray())
        for (const auto &m : s.toObject().value(QLatin1String("measures")).toArray())
            for (const auto &o : m.toObject().value(QLatin1String("owners")).toArray())
                n += o.toString() == name ? 1 : 0;
    return n;
}

// The unit's entry of `criterion` in `analyze --json --all-units` (empty when absent).
inline QJsonObject criterionOf(const QJsonObject &unit, const QString &criterion) {
    for (const auto &c : unit.value(QLatin1String("criteria")).toArray())
        if (c.toObject().value(QLatin1String("criterion")).toString() == criterion)
            return c.toObject();
    return {};
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

class CliTest : public ::testing::Test {
protected:
    // Skips every test of a PostgreSQL run that has no server. A fixture's own SetUp calls this
    // first and returns when IsSkipped().
    void SetUp() override {
        if (const QString why = TestDatabase::unavailable(); !why.isEmpty())
            GTEST_SKIP() << why.toStdString();
    }

    // The database the CLI works on: plans.sqlite in the test's folder, or on the PostgreSQL run
    // a fresh database on the server (its postgresql:// URL), dropped after the test.
    QString dbPath() const {
        if (m_location.isEmpty())
            m_location = m_testDb.create(dir, QStringLiteral("plans.sqlite"));
        return m_location;
    }

    CliRun run(const QStringList &args, bool withDb = true) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OBJECTIVITY_DB"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
        p.start(QString::fromUtf8(OBJECTIVITY_CLI_PATH),
                withDb ? QStringList{QStringLiteral("--db"), dbPath()} + args : args);
        EXPECT_TRUE(p.waitForFinished(120000)) << "objectivity-cli did not finish";
        CliRun r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Imports a document and returns the id printed on the last line (0 on failure); `extra`
    // options such as {"--status", "draft"} (a seed with its order imports as approved).
    qint64 import(const QString &path, const QStringList &extra = {}) {
        const CliRun r =
            run(QStringList{QStringLiteral("plan"), QStringLiteral("import"), path} + extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (lines.isEmpty())
            return 0;
        bool ok = false;
        const qint64 id = lines.last().toLongLong(&ok);
        EXPECT_TRUE(ok) << "last line is not an id: " << lines.last().toStdString();
        return ok ? id : 0;
    }

    QJsonObject showJson(qint64 id) {
        const CliRun r = run({QStringLiteral("plan"), QStringLiteral("show"), QString::number(id),
                              QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
        return doc.object();
    }

    // The number of plans, as `plan list` reports it.
    int planCount() {
        const CliRun r = run({QStringLiteral("plan"), QStringLiteral("list")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        if (r.out.startsWith(QStringLiteral("В базе нет планов")))
            return 0;
        static const QRegularExpression total(QStringLiteral("Планов: (\\d+)"));
        const auto m = total.match(r.out);
        EXPECT_TRUE(m.hasMatch()) << r.out.toStdString();
        return m.captured(1).toInt();
    }

    // A fingerprint of the database: of the file on SQLite, of every row on PostgreSQL.
    QByteArray dbHash() {
        if (TestDatabase::postgres())
            return QCryptographicHash::hash(m_testDb.contents(), QCryptographicHash::Sha256);
        QFile f(dbPath());
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    QString writeFile(const QString &name, const QByteArray &content) {
        const QString path = dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return path;
    }

    QTemporaryDir dir;

private:
    mutable TestDatabase m_testDb;
    mutable QString m_location;
};

} // namespace objectivity::test
