// objectivity-cli as a user runs it: a separate process, a temporary database, the real seeds.
#include "CliTest.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

using objectivity::test::CliRun;
using objectivity::test::seedPath;

using PlanCli = objectivity::test::CliTest;

namespace {

struct SeedExpectation {
    const char *seed;
    int sections;
    int measures;
    const char *approver; // nullptr: not checked
    const char *orderNumber;
    const char *orderDate;
};

const QRegularExpression isoDate(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));

void checkSeed(const QJsonObject &plan, const SeedExpectation &e) {
    EXPECT_FALSE(plan.value(QLatin1String("title")).toString().isEmpty());
    EXPECT_FALSE(plan.value(QLatin1String("organization")).toString().isEmpty());
    // A document that names its approval order imports approved (`plan import` without --status).
    EXPECT_EQ(plan.value(QLatin1String("status")).toString(),
              e.orderNumber || e.orderDate ? QStringLiteral("approved") : QStringLiteral("draft"))
        << e.seed;
    EXPECT_TRUE(plan.value(QLatin1String("warnings")).isArray());
    const QJsonArray sections = plan.value(QLatin1String("sections")).toArray();
    EXPECT_EQ(sections.size(), e.sections) << e.seed;
    int measures = 0;
    for (const auto &s : sections) {
        const QJsonObject section = s.toObject();
        EXPECT_TRUE(section.contains(QLatin1String("number")));
        EXPECT_FALSE(section.value(QLatin1String("title")).toString().isEmpty()) << e.seed;
        for (const auto &m : section.value(QLatin1String("measures")).toArray()) {
            const QJsonObject measure = m.toObject();
            ++measures;
            EXPECT_FALSE(measure.value(QLatin1String("text")).toString().isEmpty()) << e.seed;
            EXPECT_TRUE(measure.value(QLatin1String("owners")).isArray());
            EXPECT_TRUE(measure.contains(QLatin1String("number")));
            EXPECT_TRUE(measure.contains(QLatin1String("expected_result")));
            const QJsonObject deadline = measure.value(QLatin1String("deadline")).toObject();
            for (const char *key : {"text", "kind", "from", "to"})
                EXPECT_TRUE(deadline.contains(QLatin1String(key))) << key;
            // Dates are YYYY-MM-DD or null (an event-driven deadline has none).
            for (const char *key : {"from", "to"}) {
                const QJsonValue v = deadline.value(QLatin1String(key));
                EXPECT_TRUE(v.isNull() || isoDate.match(v.toString()).hasMatch())
                    << key << ": " << v.toString().toStdString();
            }
        }
    }
    EXPECT_EQ(measures, e.measures) << e.seed;
    const QJsonObject approval = plan.value(QLatin1String("approval")).toObject();
    for (const char *key : {"approver_name", "approver_position", "order_number", "order_date"})
        EXPECT_TRUE(approval.contains(QLatin1String(key))) << key;
    if (!e.approver)
        return;
    EXPECT_EQ(approval.value(QLatin1String("approver_name")).toString(),
              QString::fromUtf8(e.approver));
    EXPECT_EQ(approval.value(QLatin1String("order_number")).toString(),
              QString::fromUtf8(e.orderNumber));
    EXPECT_EQ(approval.value(QLatin1String("order_date")).toString(),
              QString::fromUtf8(e.orderDate));
}

const SeedExpectation kSeeds[] = {
    {"000", 5, 37, "В.Д. Мазепа", "149", "2022-07-01"},
    {"001", 8, 37, "А.А. Мищерин", "534", "2023-08-20"},
    {"002", 5, 26, "Н.С. Сазонова", "32/1", "2024-03-04"},
};

} // namespace

TEST_F(PlanCli, ImportsEachSeedAndShowsItAsJson) {
    for (const auto &e : kSeeds) {
        const QString path = seedPath(QString::fromLatin1(e.seed));
        OBJ_REQUIRE_SHARED(
            path, QStringLiteral("seed %1").arg(QString::fromLatin1(e.seed)).toStdString());
        const qint64 id = import(path);
        ASSERT_GT(id, 0) << e.seed;
        checkSeed(showJson(id), e);
    }
    EXPECT_EQ(planCount(), 3);
}

TEST_F(PlanCli, PlanWithoutApprovalHasNullOrderDate) {
    const QString path = writeFile(
        QStringLiteral("план.txt"),
        QStringLiteral("План мероприятий по объективности оценки на 2024-2025 учебный год\n\n"
                       "№\tМероприятие\tСрок\tОтветственный\n"
                       "1.\tАнализ ВПР\tОктябрь 2024\tЗам. директора по УВР\n"
                       "2.\tПерепроверка работ\tПо графику ВПР\tРуководители ШМО\n")
            .toUtf8());
    const qint64 id = import(path);
    ASSERT_GT(id, 0);
    const QJsonObject plan = showJson(id);
    const QJsonObject approval = plan.value(QLatin1String("approval")).toObject();
    EXPECT_TRUE(approval.value(QLatin1String("order_date")).isNull());
    EXPECT_EQ(approval.value(QLatin1String("approver_name")).toString(), QString());
    const QJsonArray sections = plan.value(QLatin1String("sections")).toArray();
    ASSERT_EQ(sections.size(), 1);
    const QJsonArray measures = sections[0].toObject().value(QLatin1String("measures")).toArray();
    ASSERT_EQ(measures.size(), 2);
    const QJsonObject event = measures[1].toObject().value(QLatin1String("deadline")).toObject();
    EXPECT_EQ(event.value(QLatin1String("text")).toString(), QStringLiteral("По графику ВПР"));
    EXPECT_EQ(event.value(QLatin1String("kind")).toString(), QStringLiteral("event"));
    EXPECT_TRUE(event.value(QLatin1String("from")).isNull());
    // «Не найдено название организации»: warnings reach the JSON.
    EXPECT_FALSE(plan.value(QLatin1String("warnings")).toArray().isEmpty());
}

TEST_F(PlanCli, ImportsAWordWebPageExport) {
    const QString path =
        objectivity::test::sourceFile(QStringLiteral("tests/data/plans/sosh14_word_export.html"));
    const qint64 id = import(path);
    ASSERT_GT(id, 0);
    const QJsonObject plan = showJson(id);
    EXPECT_EQ(plan.value(QLatin1String("organization")).toString(),
              QStringLiteral("МБОУ «СОШ № 14»"));
    const QJsonObject approval = plan.value(QLatin1String("approval")).toObject();
    EXPECT_EQ(approval.value(QLatin1String("approver_name")).toString(),
              QStringLiteral("С.В. Громова"));
    EXPECT_EQ(approval.value(QLatin1String("order_date")).toString(), QStringLiteral("2024-08-30"));
    EXPECT_EQ(plan.value(QLatin1String("sections")).toArray().size(), 3);
}

TEST_F(PlanCli, ShowWithoutJsonIsReadableText) {
    const QString path = seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(path, "seed 002");
    const qint64 id = import(path);
    ASSERT_GT(id, 0);
    const CliRun r = run({QStringLiteral("plan"), QStringLiteral("show"), QString::number(id)});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Н.С. Сазонова"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("приказ № 32/1 от 04.03.2024")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("Всего: разделов 5, мероприятий 26")));

    const CliRun list = run({QStringLiteral("plan"), QStringLiteral("list")});
    ASSERT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains(QStringLiteral("МАОУ «Калиновская СОШ»")));
    EXPECT_TRUE(list.out.contains(QStringLiteral("26 (выполнено 0)")));
}

TEST_F(PlanCli, BadDocumentsFailInRussianAndLeaveTheDatabaseUnchanged) {
    ASSERT_EQ(run({QStringLiteral("db"), QStringLiteral("info")}).exitCode, 0);
    const QString seed = seedPath(QStringLiteral("002"));
    if (!seed.isEmpty()) {
        ASSERT_GT(import(seed), 0);
    }
    const int plansBefore = planCount();
    const QByteArray hashBefore = dbHash();

    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(char((i * 7919 + 13) % 256));
    const QList<QString> bad = {
        writeFile(QStringLiteral("пустой.txt"), QByteArray()),
        writeFile(QStringLiteral("картинка.bin"), QByteArray("\x89PNG\r\n\x1a\n", 8) + binary),
        writeFile(QStringLiteral("не-архив.docx"), QByteArray("Это не zip, а просто текст.\n")),
        writeFile(
            QStringLiteral("без-таблицы.txt"),
            QStringLiteral(
                "Уважаемые коллеги!\nПриглашаем на совещание в пятницу.\nС уважением, директор.\n")
                .toUtf8()),
        dir.filePath(QStringLiteral("нет-такого.txt")),
    };
    for (const QString &path : bad) {
        const CliRun r = run({QStringLiteral("plan"), QStringLiteral("import"), path});
        const QString name = QFileInfo(path).fileName();
        EXPECT_NE(r.exitCode, 0) << name.toStdString();
        EXPECT_TRUE(r.err.contains(name)) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QRegularExpression(QStringLiteral("[а-яё]{4}"))))
            << r.err.toStdString();
        EXPECT_TRUE(r.out.trimmed().isEmpty()) << r.out.toStdString();
    }
    EXPECT_EQ(dbHash(), hashBefore);
    EXPECT_EQ(planCount(), plansBefore);
}

TEST_F(PlanCli, HelpAndUsageErrorsAreRussian) {
    const CliRun help = run({QStringLiteral("--help")}, false);
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("Использование: objectivity-cli")));
    EXPECT_TRUE(help.out.contains(QStringLiteral("  plan")));

    const CliRun planHelp = run({QStringLiteral("plan"), QStringLiteral("--help")}, false);
    EXPECT_EQ(planHelp.exitCode, 0);
    for (const char *command : {"import ФАЙЛ", "list", "show ID [--json]"})
        EXPECT_TRUE(planHelp.out.contains(QString::fromUtf8(command))) << command;

    const CliRun unknown = run({QStringLiteral("планы")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("неизвестная группа команд «планы»")));

    const CliRun noFile = run({QStringLiteral("plan"), QStringLiteral("import")});
    EXPECT_EQ(noFile.exitCode, 2);
    EXPECT_TRUE(noFile.err.contains(QStringLiteral("не указан файл")));

    const CliRun missing =
        run({QStringLiteral("plan"), QStringLiteral("show"), QStringLiteral("42")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("план №42 не найден")))
        << missing.err.toStdString();

    const CliRun notDb =
        run({QStringLiteral("--db"), dir.path(), QStringLiteral("plan"), QStringLiteral("list")},
            false);
    EXPECT_EQ(notDb.exitCode, 1);
    EXPECT_TRUE(notDb.err.contains(QStringLiteral("папка"))) << notDb.err.toStdString();
}

TEST_F(PlanCli, RemoveDeletesAPlan) {
    const QString path = seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(path, "seed 000");
    const qint64 id = import(path);
    ASSERT_GT(id, 0);
    // Seed 000 is an approved document: removed only with --force (no accounts: by anyone).
    EXPECT_EQ(run({QStringLiteral("plan"), QStringLiteral("remove"), QString::number(id)}).exitCode,
              1);
    EXPECT_EQ(run({QStringLiteral("plan"), QStringLiteral("remove"), QString::number(id),
                   QStringLiteral("--force")})
                  .exitCode,
              0);
    EXPECT_EQ(planCount(), 0);
    EXPECT_EQ(run({QStringLiteral("plan"), QStringLiteral("remove"), QString::number(id)}).exitCode,
              1);
}
