// From a sign to the plan in storage (008): templates seeded and edited, measures added with their
// link to the finding in one transaction, not twice, the link surviving edits of the plan.
#include "objectivity/storage/plan/FindingLinkRepository.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/plan/MeasureProposer.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QSqlQuery>

using namespace objectivity;
using namespace Qt::StringLiterals;
using storage::Database;
using storage::FindingLinkRepository;
using storage::PlanRepository;

namespace {

class FindingLinkRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString location = testDb.create(dir, u"links.sqlite"_s);
        if (location.isEmpty())
            GTEST_SKIP() << testDb.why().toStdString();
        auto opened = Database::open(location);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    core::FindingRef bunching() const {
        return {QString::fromUtf16(core::criterion::BoundaryBunching),
                core::ProcedureKind::VPR,
                2024,
                5,
                u"Математика"_s,
                u"sch0001"_s,
                QString()};
    }
    QList<core::MeasureProposal> proposals(FindingLinkRepository &repo) {
        auto templates = repo.templates();
        EXPECT_TRUE(templates.ok());
        return core::MeasureProposer::proposeFor(bunching(), u"МБОУ СОШ №1"_s, *templates,
                                                 core::MeasureProposer::periodAfter(2024));
    }
    int count(const QString &table) {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(u"SELECT count(*) FROM "_s + table));
        return q.next() ? q.value(0).toInt() : -1;
    }
    QTemporaryDir dir;
    objectivity::test::TestDatabase testDb; // before db: dropped after it is closed
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(FindingLinkRepositoryTest, TemplatesAreSeededOnceAndEditable) {
    FindingLinkRepository repo(*db);
    auto first = repo.templates();
    ASSERT_TRUE(first.ok()) << first.error().toString().toStdString();
    EXPECT_EQ(first->size(), core::MeasureTemplate::defaults().size());
    for (const auto &t : *first)
        EXPECT_GT(t.id, 0);
    QList<core::MeasureTemplate> edited = *first;
    edited.removeLast();
    edited.first().text = u"Своя мера по {предмету}"_s;
    edited.first().owners = {u"директор"_s, u"руководитель ШМО"_s};
    ASSERT_TRUE(repo.saveTemplates(edited).ok());
    auto again = repo.templates(); // not re-seeded: the user's edits stay
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->size(), first->size() - 1);
    bool found = false;
    for (const auto &t : *again)
        found |= t.text == u"Своя мера по {предмету}"_s &&
                 t.owners == QStringList{u"директор"_s, u"руководитель ШМО"_s};
    EXPECT_TRUE(found);
    QList<core::MeasureTemplate> none;
    ASSERT_TRUE(repo.saveTemplates(none).ok());
    EXPECT_TRUE(repo.templates()->isEmpty()); // an emptied table is not refilled
}

TEST_F(FindingLinkRepositoryTest, ADatabaseSeededBeforeANewCriterionGetsItsTemplatesOnce) {
    // a database seeded by an earlier version: no cohort_unconfirmed (version 2) and
    // journal_mismatch_scatter (version 3) templates, version «1», and the user's own edit of
    // another template
    FindingLinkRepository repo(*db);
    ASSERT_TRUE(repo.templates().ok());
    const QString added = QString::fromUtf16(core::criterion::CohortUnconfirmed);
    const QString scatter = QString::fromUtf16(core::criterion::JournalScatter);
    {
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(u"DELETE FROM measure_templates WHERE criterion IN ('%1', '%2')"_s.arg(
            added, scatter)));
        ASSERT_TRUE(q.exec(u"UPDATE measure_templates SET text = 'Своя мера' WHERE id = "
                           "(SELECT min(id) FROM measure_templates)"_s));
        ASSERT_TRUE(
            q.exec(u"UPDATE meta SET value = '1' WHERE key = 'measure_templates_seeded'"_s));
    }
    const int before = count(u"measure_templates"_s);
    auto upgraded = repo.templates();
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().toString().toStdString();
    int ofAdded = 0, ofScatter = 0;
    bool ownKept = false;
    for (const auto &t : *upgraded) {
        ofAdded += t.criterion == added;
        ofScatter += t.criterion == scatter;
        ownKept |= t.text == u"Своя мера"_s;
    }
    EXPECT_EQ(ofAdded, 2);
    EXPECT_EQ(ofScatter, 1);
    EXPECT_TRUE(ownKept);
    EXPECT_EQ(count(u"measure_templates"_s), before + 3);
    ASSERT_TRUE(repo.templates().ok()); // once: the version is now current
    EXPECT_EQ(count(u"measure_templates"_s), before + 3);
}

TEST_F(FindingLinkRepositoryTest, ADatabaseOfVersionTwoGetsOnlyTheScatterTemplate) {
    FindingLinkRepository repo(*db);
    ASSERT_TRUE(repo.templates().ok());
    const QString scatter = QString::fromUtf16(core::criterion::JournalScatter);
    {
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(u"DELETE FROM measure_templates WHERE criterion = '%1'"_s.arg(scatter)));
        ASSERT_TRUE(
            q.exec(u"UPDATE meta SET value = '2' WHERE key = 'measure_templates_seeded'"_s));
    }
    const int before = count(u"measure_templates"_s);
    ASSERT_TRUE(repo.templates().ok());
    EXPECT_EQ(count(u"measure_templates"_s), before + 1);
    ASSERT_TRUE(repo.templates().ok());
    EXPECT_EQ(count(u"measure_templates"_s), before + 1);
}

TEST_F(FindingLinkRepositoryTest, MeasuresLandWithTheirLinkOnceAndKeepItThroughEdits) {
    core::Plan plan = test::importedLikePlan();
    plan.status = core::PlanStatus::Draft;
    ASSERT_TRUE(PlanRepository(*db).save(plan).ok());
    const int measuresBefore = plan.measureCount();
    const qsizetype sectionsBefore = plan.sections.size();
    FindingLinkRepository repo(*db);
    const auto proposed = proposals(repo);
    ASSERT_GE(proposed.size(), 2);

    auto added = repo.addToPlan(plan, -1, core::MeasureProposer::sectionTitle(2024), proposed);
    ASSERT_TRUE(added.ok()) << added.error().toString().toStdString();
    ASSERT_EQ(added->size(), proposed.size());
    ASSERT_EQ(plan.sections.size(), sectionsBefore + 1);
    EXPECT_EQ(plan.sections.last().title, u"Меры по результатам анализа объективности 2024"_s);
    EXPECT_EQ(plan.sections.last().number, u"%1."_s.arg(sectionsBefore + 1));
    EXPECT_EQ(plan.sections.last().measures.first().number, u"%1.1."_s.arg(sectionsBefore + 1));
    auto stored = PlanRepository(*db).load(plan.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->measureCount(), measuresBefore + proposed.size());

    auto links = repo.findingsOfPlan(plan.id);
    ASSERT_TRUE(links.ok());
    EXPECT_EQ(links->size(), proposed.size());
    EXPECT_EQ(links->value(added->first().measure.id), QList<core::FindingRef>{bunching()});
    auto measures = repo.measuresOf(bunching());
    ASSERT_TRUE(measures.ok());
    ASSERT_EQ(measures->size(), proposed.size());
    EXPECT_EQ(measures->first().text, proposed.first().measure.text);

    // again: nothing added, nothing written
    auto twice = repo.addToPlan(plan, -1, core::MeasureProposer::sectionTitle(2024), proposed);
    ASSERT_TRUE(twice.ok());
    EXPECT_TRUE(twice->isEmpty());
    EXPECT_EQ(PlanRepository(*db).load(plan.id)->measureCount(), measuresBefore + proposed.size());

    // an edit of the plan elsewhere keeps the link; removing the measure drops it
    core::Plan edited = *PlanRepository(*db).load(plan.id);
    edited.sections.last().measures.first().text += u" (уточнено)"_s;
    ASSERT_TRUE(PlanRepository(*db).save(edited).ok());
    EXPECT_EQ(count(u"measure_findings"_s), proposed.size());
    edited.sections.last().measures.removeFirst();
    ASSERT_TRUE(PlanRepository(*db).save(edited).ok());
    EXPECT_EQ(count(u"measure_findings"_s), proposed.size() - 1);
}

TEST_F(FindingLinkRepositoryTest, AnApprovedPlanIsRefusedAndNothingChanges) {
    core::Plan plan = test::importedLikePlan(); // approved
    ASSERT_TRUE(PlanRepository(*db).save(plan).ok());
    FindingLinkRepository repo(*db);
    const auto proposed = proposals(repo);
    const int measures = count(u"measures"_s);
    auto added = repo.addToPlan(plan, 0, QString(), proposed);
    ASSERT_FALSE(added.ok());
    EXPECT_TRUE(added.error().message.contains(u"утверждён"_s))
        << added.error().message.toStdString();
    EXPECT_EQ(count(u"measures"_s), measures);
    EXPECT_EQ(count(u"measure_findings"_s), 0);
}

TEST_F(FindingLinkRepositoryTest, AnExistingSectionAndANewPlan) {
    FindingLinkRepository repo(*db);
    const auto proposed = proposals(repo);
    core::Plan fresh;
    fresh.title = u"План"_s;
    fresh.organization.name = u"МБОУ СОШ №1"_s;
    fresh.period = core::MeasureProposer::periodAfter(2024);
    auto added = repo.addToPlan(fresh, -1, u"Меры"_s, proposed.mid(0, 1));
    ASSERT_TRUE(added.ok()) << added.error().toString().toStdString();
    ASSERT_GT(fresh.id, 0);
    ASSERT_EQ(fresh.sections.size(), 1);
    // a second call into section 1 of the now stored plan
    auto more = repo.addToPlan(fresh, 0, QString(), proposed);
    ASSERT_TRUE(more.ok());
    EXPECT_EQ(more->size(), proposed.size() - 1);
    EXPECT_EQ(fresh.sections.size(), 1);
    EXPECT_EQ(fresh.sections.first().measures.size(), proposed.size());
    auto bad = repo.addToPlan(fresh, 5, QString(), {proposed.first()});
    ASSERT_TRUE(bad.ok()); // already there: nothing to add, the section is not looked at
    QList<core::MeasureProposal> other = proposed;
    other.first().finding.grade = 6;
    bad = repo.addToPlan(fresh, 5, QString(), {other.first()});
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(u"нет раздела 6"_s))
        << bad.error().message.toStdString();
}
