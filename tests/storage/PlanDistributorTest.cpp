// Municipal plan → school plans in storage (009), on both backends: distribution into approved,
// draft and missing school plans, linked once, updated on the next distribution without touching
// the school's own measures or its execution marks; the roll-up's copies; roles; nothing written
// when refused.
#include "objectivity/storage/plan/PlanDistributor.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/core/plan/PlanRollup.h"
#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QSqlQuery>

using namespace objectivity;
using namespace Qt::StringLiterals;
using storage::Database;
using storage::PlanDistributor;
using storage::PlanRepository;

namespace {

const core::AcademicPeriod kPeriod{2023, 2024};

core::Measure measure(const QString &number, const QString &text, const QStringList &owners,
                      const QString &deadline) {
    core::Measure m = test::makeMeasure(number, text, owners);
    m.deadline = core::DeadlineParser::parse(deadline, kPeriod);
    return m;
}

class PlanDistributorTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString location = testDb.create(dir, u"department.sqlite"_s);
        if (location.isEmpty())
            GTEST_SKIP() << testDb.why().toStdString();
        auto opened = Database::open(location);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());

        // The department's plan: 1.1 and 2.1 go to the schools, 1.2 is the department's own.
        municipal.title = u"План мероприятий управления образования"_s;
        municipal.organization = {0, u"МКУ «Управление образования»"_s,
                                  core::OrganizationKind::MunicipalDepartment, u"Рубцовск"_s};
        municipal.period = kPeriod;
        core::Section s1{0, u"I."_s, u"Анализ"_s, {}};
        s1.measures << measure(u"1.1."_s, u"Анализ результатов ВПР в разрезе классов"_s,
                               {u"Михайлюк Е.И."_s, u"руководители ОУ"_s}, u"Октябрь 2023"_s)
                    << measure(u"1.2."_s, u"Перепроверка работ"_s, {u"Вафина И.А."_s},
                               u"Май 2024"_s);
        core::Section s2{0, u"II."_s, u"Контроль"_s, {}};
        s2.measures << measure(u"2.1."_s, u"Консультации для обучающихся"_s, {u"Руководители ОУ"_s},
                               u"ежемесячно"_s);
        municipal.sections << s1 << s2;
        ASSERT_TRUE(PlanRepository(*db).save(municipal).ok());

        // School А has an approved plan of its own; school Б only a draft; school В is known
        // only from the results registry.
        schoolA = test::importedLikePlan(u"МБОУ «СОШ №1»"_s);
        schoolA.organization.municipality = u"Рубцовск"_s;
        ASSERT_TRUE(PlanRepository(*db).save(schoolA).ok());
        core::Plan draft;
        draft.title = u"План школы №2"_s;
        draft.organization = {0, u"МБОУ «СОШ №2»"_s, core::OrganizationKind::School, u"Рубцовск"_s};
        draft.period = kPeriod;
        draft.sections << core::Section{
            0,
            u"1."_s,
            u"Свои мероприятия"_s,
            {measure(u"1.1."_s, u"Своё"_s, {u"Директор"_s}, u"Сентябрь 2023"_s)}};
        ASSERT_TRUE(PlanRepository(*db).save(draft).ok());
        schoolB = draft;
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(u"INSERT INTO schools (code, name, municipality) VALUES "
                           "('rub003', 'МБОУ «СОШ №3»', 'Рубцовск'), "
                           "('oth001', 'Школа другого города', 'Барнаул')"_s));
    }
    int count(const QString &sql) {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        return q.next() ? q.value(0).toInt() : -1;
    }
    const core::Section *departmentSection(const core::Plan &plan) {
        for (const core::Section &s : plan.sections)
            if (s.title == PlanDistributor::sectionTitle())
                return &s;
        return nullptr;
    }

    QTemporaryDir dir;
    test::TestDatabase testDb; // SQLite file or a server database, per the run
    std::unique_ptr<Database> db;
    core::Plan municipal, schoolA, schoolB;
};

} // namespace

TEST_F(PlanDistributorTest, SchoolsOfTheMunicipality) {
    auto schools = PlanDistributor(*db).schools(municipal.id);
    ASSERT_TRUE(schools.ok()) << schools.error().toString().toStdString();
    QStringList names;
    for (const auto &s : *schools)
        names << s.label();
    EXPECT_EQ(names,
              (QStringList{u"МБОУ «СОШ №1»"_s, u"МБОУ «СОШ №2»"_s, u"rub003 — МБОУ «СОШ №3»"_s}));
    auto chosen = PlanDistributor(*db).schools(municipal.id, {u"rub003"_s, u"мбоу «сош №1»"_s});
    ASSERT_TRUE(chosen.ok());
    EXPECT_EQ(chosen->size(), 2);
    auto unknown = PlanDistributor(*db).schools(municipal.id, {u"rub003"_s, u"xyz"_s});
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(unknown.error().message.contains(u"«xyz»"_s))
        << unknown.error().message.toStdString();
}

// Schools of the results with one name are still as many schools as logins: «МБОУ «СОШ № 2»» is
// a school in many municipalities, and two of them can even share a municipality («МКОУ «СОШ
// д. Горки»» of the demo). They were one school by name: the second was not listed and its login
// was «не найдена». A plan's organization without a login takes the login of the school of its
// name in its own municipality only; a name that names several schools asks for the login.
TEST_F(PlanDistributorTest, SchoolsOfOneNameAreAsManyAsTheirLogins) {
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(u"INSERT INTO schools (code, name, municipality) VALUES "
                       "('rub002', 'МБОУ «СОШ №2»', 'Рубцовск'), "
                       "('brn002', 'МБОУ «СОШ №2»', 'Барнаул'), "
                       "('rub010', 'МКОУ «СОШ д. Горки»', 'Рубцовск'), "
                       "('rub011', 'МКОУ «СОШ д. Горки»', 'Рубцовск')"_s))
        << q.lastError().text().toStdString();
    auto all = PlanDistributor(*db).allSchools();
    ASSERT_TRUE(all.ok()) << all.error().toString().toStdString();
    QStringList labels;
    for (const auto &s : *all)
        labels << s.label() + u" / "_s + s.municipality;
    labels.sort();
    // school Б's plan (МБОУ «СОШ №2», Рубцовск) takes rub002; Барнаул's school of that name
    // stays a school of its own; both Горки are there
    EXPECT_EQ(
        labels,
        (QStringList{u"brn002 — МБОУ «СОШ №2» / Барнаул"_s,
                     u"oth001 — Школа другого города / Барнаул"_s,
                     u"rub002 — МБОУ «СОШ №2» / Рубцовск"_s, u"rub003 — МБОУ «СОШ №3» / Рубцовск"_s,
                     u"rub010 — МКОУ «СОШ д. Горки» / Рубцовск"_s,
                     u"rub011 — МКОУ «СОШ д. Горки» / Рубцовск"_s, u"МБОУ «СОШ №1» / Рубцовск"_s}))
        << labels.join(u'\n').toStdString();
    auto chosen = PlanDistributor(*db).schools(municipal.id, {u"rub011"_s, u"brn002"_s});
    ASSERT_TRUE(chosen.ok()) << chosen.error().toString().toStdString();
    ASSERT_EQ(chosen->size(), 2);
    EXPECT_EQ(chosen->at(0).code, u"rub011"_s);
    EXPECT_EQ(chosen->at(1).municipality, u"Барнаул"_s);
    auto ambiguous = PlanDistributor(*db).schools(municipal.id, {u"МКОУ «СОШ д. Горки»"_s});
    ASSERT_FALSE(ambiguous.ok());
    EXPECT_TRUE(ambiguous.error().message.contains(u"rub010"_s) &&
                ambiguous.error().message.contains(u"rub011"_s) &&
                ambiguous.error().message.contains(u"укажите логин"_s))
        << ambiguous.error().message.toStdString();
    // both Горки get plans of their own; the second organization is told apart by its login
    // (a plain name then names the first one only: the lists show the second with its login)
    // (an organization's name is unique in its municipality)
    auto gorki = PlanDistributor(*db).schools(municipal.id, {u"rub010"_s, u"rub011"_s});
    ASSERT_TRUE(gorki.ok()) << gorki.error().toString().toStdString();
    auto outcome = PlanDistributor(*db).distribute(municipal.id, *gorki);
    ASSERT_TRUE(outcome.ok()) << outcome.error().toString().toStdString();
    ASSERT_EQ(outcome->size(), 2);
    EXPECT_NE(outcome->at(0).planId, outcome->at(1).planId);
    EXPECT_TRUE(outcome->at(0).planCreated);
    EXPECT_TRUE(outcome->at(1).planCreated);
    EXPECT_EQ(outcome->at(1).school.name, u"МКОУ «СОШ д. Горки» (rub011)"_s);
    EXPECT_EQ(count(u"SELECT count(*) FROM organization_codes WHERE code IN ('rub010', "
                    "'rub011')"_s),
              2);
    // and again: each finds its own organization by its login, nothing new
    auto again = PlanDistributor(*db).distribute(municipal.id, *gorki);
    ASSERT_TRUE(again.ok()) << again.error().toString().toStdString();
    EXPECT_EQ(again->at(0).planId, outcome->at(0).planId);
    EXPECT_EQ(again->at(1).planId, outcome->at(1).planId);
    EXPECT_FALSE(again->at(1).planCreated);
}

TEST_F(PlanDistributorTest, DistributeOnceThenAgain) {
    PlanDistributor distributor(*db);
    auto schools = distributor.schools(municipal.id);
    ASSERT_TRUE(schools.ok());
    auto first = distributor.distribute(municipal.id, *schools);
    ASSERT_TRUE(first.ok()) << first.error().toString().toStdString();
    ASSERT_EQ(first->size(), 3);
    for (const auto &o : *first) {
        EXPECT_EQ(o.added, (QStringList{u"1.1."_s, u"2.1."_s})) << o.school.name.toStdString();
        EXPECT_TRUE(o.updated.isEmpty());
    }
    EXPECT_FALSE(first->at(0).planCreated);
    EXPECT_EQ(first->at(0).planId, schoolA.id);
    EXPECT_TRUE(first->at(2).planCreated);
    EXPECT_EQ(count(u"SELECT count(*) FROM plan_links"_s), 6);

    // The approved plan keeps its status and its own measures; the department's section follows.
    auto a = PlanRepository(*db).load(schoolA.id);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->status, core::PlanStatus::Approved);
    ASSERT_EQ(a->sections.size(), schoolA.sections.size() + 1);
    for (qsizetype i = 0; i < schoolA.sections.size(); ++i)
        EXPECT_EQ(a->sections[i], schoolA.sections[i]);
    const core::Section *dept = departmentSection(*a);
    ASSERT_NE(dept, nullptr);
    ASSERT_EQ(dept->measures.size(), 2);
    EXPECT_EQ(dept->measures[0].text, u"Анализ результатов ВПР в разрезе классов"_s);
    EXPECT_EQ(dept->measures[0].owners, QStringList{u"руководители ОУ"_s});
    EXPECT_EQ(dept->measures[1].deadline.recurrence, core::DeadlineRecurrence::Monthly);
    // Logged as the department's change.
    EXPECT_GE(count(u"SELECT count(*) FROM plan_history WHERE plan_id = %1 AND comment = "
                    "'рассылка плана управления образования №%2'"_s.arg(schoolA.id)
                        .arg(municipal.id)),
              2);
    // The new plan of school В is a draft of its organization, with the registry's login.
    auto c = PlanRepository(*db).load(first->at(2).planId);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->status, core::PlanStatus::Draft);
    EXPECT_EQ(c->organization.name, u"МБОУ «СОШ №3»"_s);
    EXPECT_TRUE(c->title.contains(u"(мероприятия управления образования)"_s));
    EXPECT_EQ(count(u"SELECT count(*) FROM organization_codes WHERE code = 'rub003'"_s), 1);

    // School А marks 1.1 done; the department rewrites 1.1 and moves 2.1's deadline.
    core::Measure done = dept->measures[0];
    done.status = core::MeasureStatus::Done;
    done.completionDate = QDate(2023, 10, 20);
    done.note = u"Справка №5"_s;
    ASSERT_TRUE(PlanRepository(*db).updateMeasureExecution(done).ok());
    auto loaded = PlanRepository(*db).load(municipal.id);
    ASSERT_TRUE(loaded.ok());
    core::Plan edited = *loaded;
    edited.sections[0].measures[0].text = u"Анализ результатов ВПР в разрезе классов и учителей"_s;
    ASSERT_TRUE(PlanRepository(*db).save(edited).ok());

    const int measuresBefore = count(u"SELECT count(*) FROM measures"_s);
    auto second = distributor.distribute(municipal.id, *schools);
    ASSERT_TRUE(second.ok()) << second.error().toString().toStdString();
    for (const auto &o : *second) {
        EXPECT_TRUE(o.added.isEmpty());
        EXPECT_EQ(o.updated, QStringList{u"1.1."_s});
        EXPECT_EQ(o.unchanged, 1);
        EXPECT_FALSE(o.planCreated);
    }
    EXPECT_EQ(count(u"SELECT count(*) FROM measures"_s), measuresBefore);
    EXPECT_EQ(count(u"SELECT count(*) FROM plan_links"_s), 6);
    auto again = PlanRepository(*db).load(schoolA.id);
    ASSERT_TRUE(again.ok());
    const core::Measure &copy = departmentSection(*again)->measures[0];
    EXPECT_EQ(copy.text, u"Анализ результатов ВПР в разрезе классов и учителей"_s);
    EXPECT_EQ(copy.status, core::MeasureStatus::Done);
    EXPECT_EQ(copy.note, u"Справка №5"_s);

    // The roll-up's input: two copies per school, school А's 1.1 done.
    auto copies = distributor.copies(municipal.id);
    ASSERT_TRUE(copies.ok()) << copies.error().toString().toStdString();
    EXPECT_EQ(copies->size(), 6);
    const core::PlanRollup r = core::PlanRollup::build(edited, *copies, QDate(2023, 11, 15));
    ASSERT_EQ(r.measures.size(), 2);
    EXPECT_EQ(r.measures[0].counts, (core::RollupCounts{3, 1, 0, 2, 0}));
    ASSERT_EQ(r.schools.size(), 3);
    EXPECT_EQ(r.schools[0].name, u"МБОУ «СОШ №1»"_s);
    EXPECT_EQ(r.schools[0].counts.done, 1);
}

TEST_F(PlanDistributorTest, ANewRevisionKeepsItsCopiesWithoutDuplicates) {
    PlanDistributor distributor(*db);
    auto chosen = distributor.schools(municipal.id, {u"МБОУ «СОШ №1»"_s});
    ASSERT_TRUE(chosen.ok());
    ASSERT_TRUE(distributor.distribute(municipal.id, *chosen).ok());
    auto revision = PlanRepository(*db).revise(schoolA.id);
    ASSERT_TRUE(revision.ok()) << revision.error().toString().toStdString();
    auto second = distributor.distribute(municipal.id, *chosen);
    ASSERT_TRUE(second.ok()) << second.error().toString().toStdString();
    EXPECT_EQ(second->at(0).planId, *revision);
    EXPECT_TRUE(second->at(0).added.isEmpty());
    EXPECT_EQ(second->at(0).unchanged, 2);
    auto revised = PlanRepository(*db).load(*revision);
    ASSERT_TRUE(revised.ok());
    EXPECT_EQ(departmentSection(*revised)->measures.size(), 2);
    auto copies = distributor.copies(municipal.id);
    ASSERT_TRUE(copies.ok());
    ASSERT_EQ(copies->size(), 2);
    EXPECT_EQ(copies->at(0).planId, *revision);
}

TEST_F(PlanDistributorTest, ANewRevisionOfTheMunicipalPlanTakesOverTheCopies) {
    PlanDistributor distributor(*db);
    auto schools = distributor.schools(municipal.id);
    ASSERT_TRUE(schools.ok());
    ASSERT_TRUE(distributor.distribute(municipal.id, *schools).ok());
    ASSERT_TRUE(PlanRepository(*db).submit(municipal.id).ok());
    ASSERT_TRUE(
        PlanRepository(*db)
            .approve(municipal.id,
                     {u"Начальник"_s, u"А.А. Мищерин"_s, u"534"_s, QDate(2023, 8, 20), {}, {}})
            .ok());
    auto revision = PlanRepository(*db).revise(municipal.id);
    ASSERT_TRUE(revision.ok()) << revision.error().toString().toStdString();
    const int measuresBefore = count(u"SELECT count(*) FROM measures"_s);
    auto again = distributor.distribute(*revision, *schools);
    ASSERT_TRUE(again.ok()) << again.error().toString().toStdString();
    for (const auto &o : *again) {
        EXPECT_TRUE(o.added.isEmpty()) << o.school.name.toStdString();
        EXPECT_EQ(o.unchanged, 2);
    }
    EXPECT_EQ(count(u"SELECT count(*) FROM measures"_s), measuresBefore);
    EXPECT_EQ(distributor.copies(*revision)->size(), 6);
    EXPECT_TRUE(distributor.copies(municipal.id)->isEmpty()); // the links moved
}

TEST_F(PlanDistributorTest, OverrideAndRefusals) {
    PlanDistributor distributor(*db);
    ASSERT_TRUE(distributor.setAddressing(municipal.id, u"1.2."_s, true).ok());
    ASSERT_TRUE(distributor.setAddressing(municipal.id, u"2.1."_s, false).ok());
    auto addressed = distributor.addressedMeasures(municipal.id);
    ASSERT_TRUE(addressed.ok());
    ASSERT_EQ(addressed->size(), 2);
    EXPECT_EQ(addressed->at(1).number, u"1.2."_s);
    ASSERT_TRUE(distributor.setAddressing(municipal.id, u"2.1."_s, std::nullopt).ok());
    EXPECT_EQ(distributor.addressedMeasures(municipal.id)->size(), 3);
    EXPECT_FALSE(distributor.setAddressing(municipal.id, u"9.9."_s, true).ok());

    // A school's plan is not distributed.
    auto schoolPlan = distributor.distribute(schoolA.id, {});
    ASSERT_FALSE(schoolPlan.ok());
    EXPECT_TRUE(schoolPlan.error().message.contains(u"план школы"_s));

    // With accounts: a deputy may not, a municipal specialist may; a refusal writes nothing.
    core::Account admin{0, u"admin"_s, core::Role::Admin, {}};
    core::Account deputy{0, u"zam"_s, core::Role::Deputy, {}};
    core::Account specialist{0, u"spec"_s, core::Role::Municipal, {}};
    storage::AccountRepository accounts(*db);
    ASSERT_TRUE(accounts.add(admin, u"пароль-1"_s).ok());
    db->setActor(admin);
    ASSERT_TRUE(accounts.add(deputy, u"пароль-2"_s).ok());
    ASSERT_TRUE(accounts.add(specialist, u"пароль-3"_s).ok());
    auto schools = distributor.schools(municipal.id);
    ASSERT_TRUE(schools.ok());
    const int history = count(u"SELECT count(*) FROM plan_history"_s);
    db->setActor(deputy);
    auto refused = distributor.distribute(municipal.id, *schools);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(u"разослать план в планы школ"_s))
        << refused.error().message.toStdString();
    EXPECT_EQ(count(u"SELECT count(*) FROM plan_links"_s), 0);
    EXPECT_EQ(count(u"SELECT count(*) FROM plan_history"_s), history);
    EXPECT_EQ(count(u"SELECT count(*) FROM plans"_s), 3);
    db->setActor(specialist);
    auto allowed = distributor.distribute(municipal.id, *schools);
    ASSERT_TRUE(allowed.ok()) << allowed.error().toString().toStdString();
    EXPECT_EQ(count(u"SELECT count(*) FROM plan_links"_s), 9);
}
