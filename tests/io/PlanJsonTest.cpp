#include "objectivity/io/plan/PlanJson.h"
#include "SamplePlans.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

using objectivity::core::Plan;
using objectivity::io::PlanJson;

namespace {
Plan planWithIds() {
    Plan plan = objectivity::test::importedLikePlan();
    plan.id = 12;
    plan.organization.id = 3; // not in JSON: the database finds the organization by name
    qint64 id = 100;
    for (auto &s : plan.sections) {
        s.id = ++id;
        for (auto &m : s.measures)
            m.id = ++id;
    }
    plan.createdAt = QDateTime(QDate(2024, 3, 1), QTime(9, 30, 15));
    plan.updatedAt = QDateTime(QDate(2024, 3, 4), QTime(17, 5, 0));
    plan.revision = 2;
    plan.parentPlanId = 7;
    return plan;
}
} // namespace

TEST(PlanJson, WritesTheDocumentedKeys) {
    const QJsonObject o = QJsonDocument::fromJson(PlanJson::toBytes(planWithIds())).object();
    EXPECT_EQ(o.value(QLatin1String("title")).toString(),
              QStringLiteral("План мероприятий по обеспечению объективности результатов ВПР"));
    EXPECT_EQ(o.value(QLatin1String("organization")).toString(),
              QStringLiteral("МАОУ «Калиновская СОШ»"));
    EXPECT_EQ(o.value(QLatin1String("status")).toString(), QStringLiteral("approved"));
    const QJsonObject approval = o.value(QLatin1String("approval")).toObject();
    EXPECT_EQ(approval.value(QLatin1String("approver_name")).toString(),
              QStringLiteral("Н.С. Сазонова"));
    EXPECT_EQ(approval.value(QLatin1String("order_number")).toString(), QStringLiteral("32/1"));
    EXPECT_EQ(approval.value(QLatin1String("order_date")).toString(), QStringLiteral("2024-03-04"));
    const QJsonArray sections = o.value(QLatin1String("sections")).toArray();
    ASSERT_EQ(sections.size(), 3);
    EXPECT_EQ(sections[1].toObject().value(QLatin1String("number")).toString(),
              QStringLiteral("II."));
    const QJsonArray measures = sections[0].toObject().value(QLatin1String("measures")).toArray();
    ASSERT_EQ(measures.size(), 2);
    const QJsonObject m = measures[1].toObject();
    EXPECT_EQ(m.value(QLatin1String("owners")).toArray().size(), 2);
    const QJsonObject deadline = m.value(QLatin1String("deadline")).toObject();
    EXPECT_EQ(deadline.value(QLatin1String("kind")).toString(), QStringLiteral("month_range"));
    EXPECT_EQ(deadline.value(QLatin1String("from")).toString(), QStringLiteral("2024-08-01"));
    EXPECT_TRUE(deadline.value(QLatin1String("yearly")).toBool());
    EXPECT_EQ(deadline.value(QLatin1String("windows")).toArray().size(), 2);
    EXPECT_EQ(m.value(QLatin1String("completion_date")).toString(), QStringLiteral("2024-09-20"));
    // An event deadline has no dates: null, not "".
    const QJsonObject event = sections[1]
                                  .toObject()
                                  .value(QLatin1String("measures"))
                                  .toArray()[2]
                                  .toObject()
                                  .value(QLatin1String("deadline"))
                                  .toObject();
    EXPECT_TRUE(event.value(QLatin1String("from")).isNull());
    EXPECT_EQ(o.value(QLatin1String("warnings")).toArray().size(), 2);
    EXPECT_EQ(o.value(QLatin1String("measure_count")).toInt(), 7);

    Plan undated = planWithIds();
    undated.approval.orderDate = QDate();
    const QJsonObject u = PlanJson::toJson(undated);
    EXPECT_TRUE(
        u.value(QLatin1String("approval")).toObject().value(QLatin1String("order_date")).isNull());
}

TEST(PlanJson, ReadsBackWhatItWrote) {
    Plan plan = planWithIds();
    auto back = PlanJson::fromBytes(PlanJson::toBytes(plan, false), QStringLiteral("план.json"));
    ASSERT_TRUE(back.ok()) << back.error().toString().toStdString();
    plan.organization.id = 0;
    EXPECT_TRUE(*back == plan);
}

TEST(PlanJson, RejectsWhatIsNotAPlan) {
    auto garbage = PlanJson::fromBytes(QByteArray("{not json"), QStringLiteral("мусор.json"));
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().file, QStringLiteral("мусор.json"));
    EXPECT_TRUE(garbage.error().message.contains(QStringLiteral("не является JSON")));
    auto other = PlanJson::fromBytes(QByteArray("{\"a\": 1}"), QStringLiteral("другое.json"));
    ASSERT_FALSE(other.ok());
    EXPECT_TRUE(other.error().message.contains(QStringLiteral("не план")));
}
