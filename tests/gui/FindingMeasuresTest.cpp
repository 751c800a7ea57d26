// From a sign to the plan in the GUI: the measures go into the open plan through its undo stack
// (one step, undone at once, links with them; a redo links them again), into a plan not open in one
// transaction; the dialog offers the school's editable plans and returns the checked, edited
// measures; the templates table saves; the detail panel shows a linked measure's source.
#include "GuiTestSupport.h"
#include "ResultsTestSupport.h"

#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/plan/MeasureProposer.h"
#include "objectivity/gui/analysis/AddMeasuresDialog.h"
#include "objectivity/gui/analysis/FindingMeasures.h"
#include "objectivity/gui/plan/MeasureDetailPanel.h"
#include "objectivity/gui/plan/MeasureTemplatesDialog.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/storage/plan/FindingLinkRepository.h"

#include <QComboBox>
#include <QLabel>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

class FindingMeasuresTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (test::seedPath(u"000"_s).isEmpty())
            GTEST_SKIP() << "../shared is absent (seed 000 not found)";
        ASSERT_TRUE(db.load(u"000"_s));
        core::Plan draft = db.imported; // the seed's plan as a draft the school still edits
        draft.status = core::PlanStatus::Draft;
        ASSERT_TRUE(db.session.plans()->save(draft).ok());
        editor = std::make_unique<gui::PlanEditor>(db.session.plans());
        ASSERT_TRUE(editor->loadPlan(db.planId).ok());
    }
    storage::Database &database() { return *db.session.database(); }
    core::FindingRef finding() const {
        return {QString::fromUtf16(core::criterion::BoundaryBunching),
                core::ProcedureKind::VPR,
                2024,
                5,
                u"Математика"_s,
                u"sch0001"_s,
                QString()};
    }
    QList<core::MeasureProposal> proposals() {
        auto templates = storage::FindingLinkRepository(database()).templates();
        EXPECT_TRUE(templates.ok());
        return core::MeasureProposer::proposeFor(finding(), db.imported.organization.name,
                                                 *templates,
                                                 core::MeasureProposer::periodAfter(2024));
    }
    int measureCount() { return db.session.plans()->load(db.planId)->measureCount(); }

    test::SeedDatabase db;
    std::unique_ptr<gui::PlanEditor> editor;
};

} // namespace

TEST_F(FindingMeasuresTest, IntoTheOpenPlanAsOneUndoableStep) {
    const int before = measureCount();
    const qsizetype sections = editor->plan().sections.size();
    const auto chosen = proposals();
    ASSERT_GE(chosen.size(), 2);
    auto added = gui::FindingMeasures::apply(database(), editor.get(), db.planId, -1,
                                             core::MeasureProposer::sectionTitle(2024),
                                             core::Plan{}, chosen);
    ASSERT_TRUE(added.ok()) << added.error().toString().toStdString();
    ASSERT_EQ(added->size(), chosen.size());
    EXPECT_EQ(editor->undoStack()->count(), 1); // one step for the user
    EXPECT_EQ(editor->plan().sections.size(), sections + 1);
    EXPECT_EQ(editor->plan().sections.last().title,
              u"Меры по результатам анализа объективности 2024"_s);
    EXPECT_EQ(editor->plan().sections.last().measures.first().owners,
              chosen.first().measure.owners);
    EXPECT_EQ(editor->plan().sections.last().measures.first().deadline.text,
              chosen.first().measure.deadline.text);
    EXPECT_EQ(measureCount(), before + chosen.size()); // saved
    const QString basis = gui::FindingMeasures::basisOf(database(), added->first().measure.id);
    EXPECT_EQ(basis, u"Основание: признак «Скопление баллов у границ отметок, ВПР 2024, "
                     "математика, 5 класс»"_s);
    EXPECT_TRUE(gui::FindingMeasures::measuresHtml(database(), finding())
                    .contains(chosen.first().measure.text.toHtmlEscaped()));

    // the detail panel shows the source
    gui::MeasureDetailPanel panel(editor.get());
    panel.setBasisProvider(
        [this](qint64 id) { return gui::FindingMeasures::basisOf(database(), id); });
    panel.setCurrent(editor->model()->measureIndex(int(sections), 0));
    EXPECT_TRUE(panel.findChild<QLabel *>()->text().contains(u"Основание: признак"_s));

    // again: nothing new
    auto twice = gui::FindingMeasures::apply(database(), editor.get(), db.planId, -1,
                                             core::MeasureProposer::sectionTitle(2024),
                                             core::Plan{}, chosen);
    ASSERT_TRUE(twice.ok());
    EXPECT_TRUE(twice->isEmpty());

    editor->undoStack()->undo();
    EXPECT_EQ(editor->plan().sections.size(), sections);
    EXPECT_EQ(measureCount(), before);
    EXPECT_TRUE(gui::FindingMeasures::measuresHtml(database(), finding()).isEmpty());

    // redo puts the measures back under new ids, linked to the finding again
    editor->undoStack()->redo();
    EXPECT_EQ(editor->plan().sections.size(), sections + 1);
    EXPECT_EQ(measureCount(), before + chosen.size());
    const qint64 redone = editor->plan().sections.last().measures.first().id;
    EXPECT_GT(redone, 0);
    EXPECT_EQ(gui::FindingMeasures::basisOf(database(), redone), basis);
    EXPECT_TRUE(gui::FindingMeasures::measuresHtml(database(), finding())
                    .contains(chosen.first().measure.text.toHtmlEscaped()));
}

TEST_F(FindingMeasuresTest, IntoANewPlanInOneTransactionTheOpenPlanUntouched) {
    const core::Plan open = editor->plan();
    core::Plan fresh;
    fresh.title = u"План"_s;
    fresh.organization.name = u"МБОУ СОШ №1"_s;
    fresh.period = core::MeasureProposer::periodAfter(2024);
    qint64 newId = 0;
    auto added = gui::FindingMeasures::apply(database(), editor.get(), 0, -1, u"Меры"_s, fresh,
                                             proposals(), &newId);
    ASSERT_TRUE(added.ok()) << added.error().toString().toStdString();
    ASSERT_GT(newId, 0);
    EXPECT_NE(newId, db.planId);
    EXPECT_EQ(db.session.plans()->load(newId)->measureCount(), proposals().size());
    EXPECT_EQ(editor->plan(), open);
    EXPECT_EQ(editor->undoStack()->count(), 0);
}

TEST_F(FindingMeasuresTest, DialogOffersTheSchoolsDraftAndReturnsTheCheckedEdits) {
    const auto proposed = proposals();
    gui::AddMeasuresDialog dialog(database(), proposed, db.imported.organization.name, 2024);
    dialog.resize(1400, 420);
    dialog.show(); // rows are laid out at the widths of the shown columns
    test::screenshot(&dialog, u"add-measures-dialog.png"_s);
    ASSERT_EQ(dialog.planCombo()->count(), 2); // «новый план» and the school's draft
    EXPECT_EQ(dialog.planId(), db.planId);
    // its sections, and the new one first
    EXPECT_EQ(dialog.sectionCombo()->count(), db.imported.sections.size() + 1);
    EXPECT_EQ(dialog.sectionIndex(), -1);
    dialog.sectionCombo()->setCurrentIndex(1);
    EXPECT_EQ(dialog.sectionIndex(), 0);
    dialog.planCombo()->setCurrentIndex(0);
    EXPECT_EQ(dialog.planId(), 0);
    EXPECT_EQ(dialog.sectionCombo()->count(), 1);

    ASSERT_EQ(dialog.list()->topLevelItemCount(), proposed.size());
    dialog.list()->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
    dialog.list()->topLevelItem(1)->setText(0, u"Своя формулировка"_s);
    dialog.list()->topLevelItem(1)->setText(2, u"директор, руководитель ШМО"_s);
    const auto chosen = dialog.chosen();
    ASSERT_EQ(chosen.size(), proposed.size() - 1);
    EXPECT_EQ(chosen.first().measure.text, u"Своя формулировка"_s);
    EXPECT_EQ(chosen.first().measure.owners, (QStringList{u"директор"_s, u"руководитель ШМО"_s}));
    EXPECT_EQ(chosen.first().finding, finding());

    // an approved plan is not offered
    core::Approval order;
    order.orderNumber = u"17"_s;
    order.orderDate = QDate(2024, 9, 1);
    ASSERT_TRUE(db.session.plans()->submit(db.planId).ok());
    ASSERT_TRUE(db.session.plans()->approve(db.planId, order).ok());
    gui::AddMeasuresDialog again(database(), proposed, db.imported.organization.name, 2024);
    EXPECT_EQ(again.planCombo()->count(), 1);
}

TEST_F(FindingMeasuresTest, TemplatesTableSavesTheUsersEdits) {
    gui::MeasureTemplatesDialog dialog(database());
    test::screenshot(&dialog, u"measure-templates-dialog.png"_s);
    const int rows = dialog.table()->rowCount();
    EXPECT_EQ(rows, core::MeasureTemplate::defaults().size());
    dialog.addRow(QString::fromUtf16(core::criterion::BoundaryBunching));
    const int r = dialog.table()->currentRow();
    dialog.table()->item(r, 1)->setText(u"Открытый урок по {предмету}"_s);
    dialog.table()->item(r, 2)->setText(u"руководитель ШМО"_s);
    dialog.table()->removeRow(rows); // the last default row (medals) removed
    ASSERT_TRUE(dialog.save());
    auto stored = storage::FindingLinkRepository(database()).templates();
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->size(), rows);
    const auto p = core::MeasureProposer::proposeFor(finding(), QString(), *stored,
                                                     core::MeasureProposer::periodAfter(2024));
    ASSERT_FALSE(p.isEmpty());
    EXPECT_EQ(p.last().measure.text, u"Открытый урок по математике"_s);
}
