// Whose schools a department's plan goes to when its organization was imported without a
// municipality (the seeds' plans never store one): the municipality its name or title names
// among the schools' municipalities, every school when they are all of one, and no default
// (the municipalities listed) when the plan names none of several — never the whole region.
#include "TestDatabase.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanDistributor.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using storage::PlanDistributor;

namespace {

class PlanDistributionScopeTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString location = created.create(dir, u"scope.sqlite"_s);
        if (location.isEmpty())
            GTEST_SKIP() << created.why().toStdString();
        auto opened = storage::Database::open(location);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    qint64 departmentPlan(const QString &organization, const QString &title,
                          const QString &municipality = {}) {
        core::Plan plan;
        plan.title = title;
        plan.organization = {0, organization, core::OrganizationKind::MunicipalDepartment,
                             municipality};
        plan.period = {2023, 2024};
        plan.sections << core::Section{0, u"1."_s, u"Анализ"_s, {}};
        EXPECT_TRUE(storage::PlanRepository(*db).save(plan).ok());
        return plan.id;
    }
    void schools(const QString &values) {
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(u"INSERT INTO schools (code, name, municipality) VALUES "_s + values))
            << q.lastError().text().toStdString();
    }
    QStringList codes(qint64 planId) {
        auto list = PlanDistributor(*db).schools(planId);
        if (!list.ok()) {
            ADD_FAILURE() << list.error().message.toStdString();
            return {};
        }
        QStringList out;
        for (const auto &s : *list)
            out << s.code;
        out.sort();
        return out;
    }

    QTemporaryDir dir;
    test::TestDatabase created;
    std::unique_ptr<storage::Database> db;
};

} // namespace

TEST_F(PlanDistributionScopeTest, TheMunicipalityTheSeedsDepartmentNames) {
    schools(u"('rub001', 'МБОУ «СОШ №1»', 'г. Рубцовск'), ('rub002', 'МБОУ «СОШ №2»', "
            "'г. Рубцовск'), ('rr001', 'МКОУ «Школа №1»', 'Рубцовский район'), "
            "('brn001', 'МБОУ «Гимназия №1»', 'г. Барнаул')"_s);
    // seed 001's organization and title
    const qint64 plan = departmentPlan(
        u"МКУ «Управление образования» г. Рубцовска"_s,
        u"План мероприятий (Дорожная карта) по повышению объективности проведения оценочных "
        "процедур и профилактики школьной неуспешности в общеобразовательных учреждениях г. "
        "Рубцовска на 2023-2024 учебный год"_s);
    auto scope = PlanDistributor(*db).scope(plan);
    ASSERT_TRUE(scope.ok());
    EXPECT_EQ(scope->municipality, u"г. Рубцовск"_s);
    EXPECT_TRUE(scope->guessed);
    EXPECT_TRUE(scope->undetermined.isEmpty());
    EXPECT_EQ(codes(plan), (QStringList{u"rub001"_s, u"rub002"_s}));

    // a stored municipality wins over the name
    const qint64 stored =
        departmentPlan(u"МКУ «Управление образования» г. Рубцовска"_s, u"План"_s, u"г. Барнаул"_s);
    EXPECT_FALSE(PlanDistributor(*db).scope(stored)->guessed);
    EXPECT_EQ(codes(stored), QStringList{u"brn001"_s});
}

TEST_F(PlanDistributionScopeTest, NoDefaultWhenThePlanNamesNoneOfSeveral) {
    schools(u"('rub001', 'МБОУ «СОШ №1»', 'г. Рубцовск'), ('brn001', 'МБОУ «Гимназия №1»', "
            "'г. Барнаул')"_s);
    const qint64 plan = departmentPlan(u"Комитет по образованию"_s, u"План мероприятий"_s);
    auto scope = PlanDistributor(*db).scope(plan);
    ASSERT_TRUE(scope.ok());
    EXPECT_TRUE(scope->municipality.isEmpty());
    EXPECT_EQ(scope->undetermined, (QStringList{u"г. Барнаул"_s, u"г. Рубцовск"_s}));
    auto list = PlanDistributor(*db).schools(plan);
    ASSERT_FALSE(list.ok());
    EXPECT_TRUE(list.error().message.contains(u"«г. Барнаул», «г. Рубцовск»"_s))
        << list.error().message.toStdString();
    EXPECT_EQ(PlanDistributor(*db).allSchools()->size(), 2);
}

TEST_F(PlanDistributionScopeTest, EverySchoolWhenAllAreOfOneMunicipality) {
    schools(u"('rub001', 'МБОУ «СОШ №1»', 'г. Рубцовск'), ('rub002', 'МБОУ «СОШ №2»', "
            "'г. Рубцовск')"_s);
    const qint64 plan = departmentPlan(u"Комитет по образованию"_s, u"План мероприятий"_s);
    auto scope = PlanDistributor(*db).scope(plan);
    ASSERT_TRUE(scope.ok());
    EXPECT_FALSE(scope->guessed);
    EXPECT_TRUE(scope->undetermined.isEmpty());
    EXPECT_EQ(codes(plan), (QStringList{u"rub001"_s, u"rub002"_s}));
}
