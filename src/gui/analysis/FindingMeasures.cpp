#include "objectivity/gui/analysis/FindingMeasures.h"

#include "analysis/LinkFindingCommand.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/core/plan/MeasureProposer.h"
#include "objectivity/gui/analysis/AddMeasuresDialog.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/FindingLinkRepository.h"

#include <QUndoStack>

namespace objectivity::gui {

using namespace Qt::StringLiterals;

namespace {

core::Error failure(const QString &message) {
    core::Error e;
    e.message = message;
    return e;
}

// Into the plan open in the editor: every step an undo command, all in one macro.
core::Result<QList<core::MeasureProposal>> applyInEditor(storage::Database &db, PlanEditor *editor,
                                                         int sectionIndex,
                                                         const QString &newSectionTitle,
                                                         QList<core::MeasureProposal> chosen) {
    if (editor->isReadOnly())
        return failure(u"план утверждён и не изменяется; меры можно добавить в его новую "
                       "редакцию"_s);
    storage::FindingLinkRepository links(db);
    QList<core::MeasureProposal> todo;
    for (const core::MeasureProposal &p : chosen) {
        auto has = links.planHas(editor->plan().id, p.finding, p.templateId);
        if (!has)
            return has.error();
        if (!*has)
            todo << p;
    }
    if (todo.isEmpty())
        return todo;
    PlanTreeModel *model = editor->model();
    QUndoStack *stack = editor->undoStack();
    stack->beginMacro(u"Меры по результатам анализа"_s);
    int section = sectionIndex;
    if (section < 0) {
        const auto &sections = editor->plan().sections;
        for (qsizetype i = 0; i < sections.size(); ++i)
            if (sections[i].title.simplified() == newSectionTitle.simplified())
                section = int(i);
        if (section < 0) {
            const int last = model->rowCount() - 1;
            section = editor
                          ->addSection(last >= 0 ? model->sectionIndex(last) : QModelIndex(),
                                       newSectionTitle)
                          .row();
        }
    }
    QList<LinkFindingCommand *> linking;
    for (const core::MeasureProposal &p : todo) {
        const int count = int(editor->plan().sections.at(section).measures.size());
        const QModelIndex after =
            count > 0 ? model->measureIndex(section, count - 1) : model->sectionIndex(section);
        const int row = editor->addMeasure(after, p.measure.text).row();
        editor->editMeasure(section, row, MeasureField::Deadline, p.measure.deadline.text);
        editor->editMeasure(section, row, MeasureField::Owners, p.measure.owners);
        editor->editMeasure(section, row, MeasureField::ExpectedResult, p.measure.expectedResult);
        // every command saved the plan: the measure has its id, and the link is an undo step too
        // (a redo of the macro links the measure again under its new id)
        auto *link = new LinkFindingCommand(db, editor, section, row, p.finding, p.templateId);
        stack->push(link);
        linking << link;
    }
    stack->endMacro();
    for (qsizetype i = 0; i < todo.size(); ++i) {
        if (!linking[i]->error().isEmpty())
            return failure(linking[i]->error());
        const auto &measures = editor->plan().sections.at(section).measures;
        for (const core::Measure &m : measures)
            if (m.id == linking[i]->measureId())
                todo[i].measure = m;
    }
    return todo;
}

} // namespace

core::Result<QList<core::MeasureProposal>>
FindingMeasures::apply(storage::Database &db, PlanEditor *editor, qint64 planId, int sectionIndex,
                       const QString &newSectionTitle, const core::Plan &newPlan,
                       const QList<core::MeasureProposal> &chosen, qint64 *changedPlanId) {
    if (changedPlanId)
        *changedPlanId = planId;
    if (editor && planId > 0 && editor->hasPlan() && editor->plan().id == planId)
        return applyInEditor(db, editor, sectionIndex, newSectionTitle, chosen);
    core::Plan plan = newPlan;
    plan.id = planId;
    auto added =
        storage::FindingLinkRepository(db).addToPlan(plan, sectionIndex, newSectionTitle, chosen);
    if (changedPlanId)
        *changedPlanId = plan.id;
    return added;
}

core::Result<qint64> FindingMeasures::addFromAnalysis(storage::Database &db,
                                                      const core::AnalysisReport &report,
                                                      const QString &schoolCode,
                                                      const core::FindingRef &finding,
                                                      PlanEditor *editor, QWidget *parent) {
    storage::FindingLinkRepository links(db);
    auto templates = links.templates();
    if (!templates)
        return templates.error();
    const core::UnitReport *unit = nullptr;
    for (const core::UnitReport &u : report.units)
        if (u.schoolCode == schoolCode &&
            (finding.criterion.isEmpty() ? (!unit || u.year > unit->year) : u.year == finding.year))
            unit = &u;
    if (!unit)
        return failure(u"школы «%1» нет в результатах анализа"_s.arg(schoolCode));
    const int year = finding.criterion.isEmpty() ? unit->year : finding.year;
    const core::AcademicPeriod period = core::MeasureProposer::periodAfter(year);
    const QList<core::MeasureProposal> proposals =
        finding.criterion.isEmpty()
            ? core::MeasureProposer::propose(report, schoolCode, *templates, year, period)
            : core::MeasureProposer::proposeFor(finding, unit->schoolName, *templates, period);
    if (proposals.isEmpty())
        return failure(u"для признаков школы %1 за %2 год нет шаблонов мер (см. «Справочники "
                       "→ Шаблоны мер по признакам…»)"_s.arg(unit->schoolName)
                           .arg(year));
    AddMeasuresDialog dialog(db, proposals, unit->schoolName, year, parent);
    if (dialog.exec() != QDialog::Accepted)
        return qint64(0);
    core::Plan fresh;
    fresh.title = u"План мероприятий по обеспечению объективности оценочных процедур на "
                  "%1 учебный год"_s.arg(period.toDisplayString());
    fresh.organization.name = unit->schoolName.isEmpty() ? schoolCode : unit->schoolName;
    fresh.organization.municipality = unit->municipality;
    fresh.period = period;
    QList<core::MeasureProposal> chosen = dialog.chosen();
    for (core::MeasureProposal &p : chosen) // the deadline as edited, against the period
        p.measure.deadline = core::DeadlineParser::parse(p.measure.deadline.text, period);
    qint64 changed = 0;
    auto added = apply(db, editor, dialog.planId(), dialog.sectionIndex(), dialog.newSectionTitle(),
                       fresh, chosen, &changed);
    if (!added)
        return added.error();
    return added->isEmpty() ? qint64(0) : changed;
}

QString FindingMeasures::basisOf(storage::Database &db, qint64 measureId) {
    if (measureId <= 0)
        return {};
    auto findings = storage::FindingLinkRepository(db).findingsOfMeasure(measureId);
    if (!findings)
        return {};
    QStringList lines;
    for (const core::FindingRef &f : *findings)
        lines << u"Основание: признак «%1»"_s.arg(f.describe());
    return lines.join(u'\n');
}

QString FindingMeasures::measuresHtml(storage::Database &db, const core::FindingRef &finding) {
    auto measures = storage::FindingLinkRepository(db).measuresOf(finding);
    if (!measures || measures->isEmpty())
        return {};
    QString html = u"<p><b>Меры в планах школы:</b><br>"_s;
    for (const storage::LinkedMeasure &m : *measures)
        html += u"План №%1, %2 %3<br>"_s.arg(m.planId).arg(m.number.toHtmlEscaped(),
                                                           m.text.toHtmlEscaped());
    return html + u"</p>"_s;
}

} // namespace objectivity::gui
