#include "objectivity/gui/plan/PlanEditor.h"

#include "objectivity/core/plan/ApprovalWorkflow.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/core/plan/PlanPermissions.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "plan/EditMeasureCommand.h"
#include "plan/EditSectionTitleCommand.h"
#include "plan/InsertMeasureCommand.h"
#include "plan/InsertSectionCommand.h"
#include "plan/LostEdits.h"
#include "plan/MoveMeasureCommand.h"
#include "plan/MoveSectionCommand.h"
#include "plan/RemoveMeasureCommand.h"
#include "plan/RemoveSectionCommand.h"
#include "plan/SetColumnsCommand.h"

#include <QUndoStack>

#include <algorithm>

namespace objectivity::gui {

using core::Error;
using core::Status;

namespace {
Error fail(const QString &message) {
    Error e;
    e.message = message;
    return e;
}

} // namespace

PlanEditor::PlanEditor(storage::PlanRepository *repository, QObject *parent)
    : QObject(parent), m_repository(repository), m_model(new PlanTreeModel(this)),
      m_stack(new QUndoStack(this)) {
    connect(m_model, &PlanTreeModel::planChanged, this, &PlanEditor::persist);
    connect(m_model, &PlanTreeModel::editRefused, this, &PlanEditor::message);
    m_model->setEditHandler([this](int s, int m, MeasureField f, const QVariant &v) {
        return editMeasure(s, m, f, v);
    });
    m_model->setSectionTitleHandler(
        [this](int s, const QString &title) { return editSectionTitle(s, title); });
    m_model->setMoveHandler([this](int fromS, int fromM, int toS, int toRow) {
        // Drops give the row to insert before; convert to the final row.
        if (fromM < 0) {
            if (toS > fromS)
                --toS;
            if (toS >= m_model->rowCount())
                toS = m_model->rowCount() - 1;
            return moveItem(fromS, -1, toS, -1).isValid();
        }
        if (toS == fromS && toRow > fromM)
            --toRow;
        return moveItem(fromS, fromM, toS, toRow).isValid();
    });
}

PlanEditor::~PlanEditor() {
    m_stack->disconnect(this);
    m_model->disconnect(this);
}

Status PlanEditor::loadPlan(qint64 planId) {
    if (!m_repository)
        return fail(QStringLiteral("База данных не открыта."));
    auto plan = m_repository->load(planId);
    if (!plan)
        return plan.error();
    setPlan(plan.value());
    return {};
}

Status PlanEditor::reloadPlan() {
    if (!m_repository || !m_hasPlan)
        return fail(QStringLiteral("План не выбран."));
    auto fresh = m_repository->load(plan().id);
    if (!fresh)
        return fresh.error();
    emit aboutToReload();
    setPlan(fresh.value());
    emit reloaded();
    return {};
}

void PlanEditor::applyConflict(core::Error error, const core::Plan &current) {
    const QString lost = LostEdits::describe(m_stored, plan());
    if (!lost.isEmpty())
        error.message += QLatin1Char(' ') + lost;
    m_lastError = error.toString();
    m_conflictPending = true;
    QMetaObject::invokeMethod(
        this,
        [this, error, current] {
            m_conflictPending = false;
            if (current.id > 0 && current.id == plan().id) {
                emit aboutToReload();
                setPlan(current);
                emit reloaded();
            } else {
                clear(); // removed elsewhere
            }
            emit headerChanged();
            emit saveFailed(error);
        },
        Qt::QueuedConnection);
}

void PlanEditor::setPlan(const core::Plan &plan) {
    m_stored = plan;
    m_unsaved = false;
    m_saving = false;
    m_stack->clear();
    m_model->setPlan(plan);
    m_hasPlan = true;
    m_saving = true;
    emit planLoaded();
}

void PlanEditor::clear() {
    m_stored = {};
    m_unsaved = false;
    m_saving = false;
    m_stack->clear();
    m_model->setPlan({});
    m_hasPlan = false;
    m_saving = true;
    emit planLoaded();
}

bool PlanEditor::refuseIfReadOnly() {
    if (!m_hasPlan)
        return true;
    if (!isReadOnly())
        return false;
    emit message(core::PlanPermissions::stateRefusal(core::PlanAction::EditText, plan().status) +
                 QStringLiteral("."));
    return true;
}

void PlanEditor::persist(bool executionOnly, int section, int measure) {
    if (!m_saving || !m_repository || !m_hasPlan || m_conflictPending)
        return;
    Status st;
    core::Plan current;
    if (isReadOnly()) {
        const core::Measure *m = m_model->measureAt(m_model->measureIndex(section, measure));
        if (!executionOnly || !m)
            return;
        int version = plan().version;
        st = m_repository->updateMeasureExecution(*m, &version);
        if (st)
            m_model->planForSaving().version = version;
        else if (st.error().code == core::ErrorCode::PlanChanged)
            if (auto fresh = m_repository->load(plan().id))
                current = fresh.value();
    } else {
        st = m_repository->save(m_model->planForSaving(), &current);
    }
    if (!st) {
        m_unsaved = true;
        if (st.error().code == core::ErrorCode::PlanChanged) {
            applyConflict(st.error(), current);
            return;
        }
        m_lastError = st.error().toString();
        emit saveFailed(st.error());
        return;
    }
    m_stored = plan();
    m_unsaved = false;
    emit saved();
}

QModelIndex PlanEditor::addSection(const QModelIndex &current, const QString &title) {
    if (refuseIfReadOnly())
        return {};
    const int at = current.isValid() ? m_model->sectionRow(current) + 1 : m_model->rowCount();
    core::Section s;
    s.title = title.isEmpty() ? QStringLiteral("Новый раздел") : title;
    m_stack->push(new InsertSectionCommand(m_model, at, s));
    return m_model->sectionIndex(at);
}

QModelIndex PlanEditor::addMeasure(const QModelIndex &current, const QString &text) {
    if (refuseIfReadOnly())
        return {};
    if (m_model->rowCount() == 0)
        addSection({});
    int section = current.isValid() ? m_model->sectionRow(current) : m_model->rowCount() - 1;
    const int measure = m_model->measureRow(current);
    const int at =
        measure >= 0 ? measure + 1 : int(m_model->plan().sections[section].measures.size());
    core::Measure m;
    m.text = text.isEmpty() ? QStringLiteral("Новое мероприятие") : text;
    m.deadline = core::DeadlineParser::parse(QString(), m_model->plan().period);
    m_stack->push(new InsertMeasureCommand(m_model, section, at, m));
    return m_model->measureIndex(section, at);
}

bool PlanEditor::removeItem(const QModelIndex &index) {
    if (!index.isValid() || refuseIfReadOnly())
        return false;
    if (m_model->isSection(index))
        m_stack->push(new RemoveSectionCommand(m_model, index.row()));
    else
        m_stack->push(new RemoveMeasureCommand(m_model, m_model->sectionRow(index), index.row()));
    return true;
}

QModelIndex PlanEditor::moveUp(const QModelIndex &index) {
    if (!index.isValid() || refuseIfReadOnly())
        return {};
    const int s = m_model->sectionRow(index);
    const int m = m_model->measureRow(index);
    if (m < 0)
        return s > 0 ? moveItem(s, -1, s - 1, -1) : QModelIndex();
    if (m > 0)
        return moveItem(s, m, s, m - 1);
    if (s == 0)
        return {};
    // The first measure of a section goes to the end of the previous section.
    return moveItem(s, m, s - 1, int(m_model->plan().sections[s - 1].measures.size()));
}

QModelIndex PlanEditor::moveDown(const QModelIndex &index) {
    if (!index.isValid() || refuseIfReadOnly())
        return {};
    const int s = m_model->sectionRow(index);
    const int m = m_model->measureRow(index);
    const int sections = m_model->rowCount();
    if (m < 0)
        return s + 1 < sections ? moveItem(s, -1, s + 1, -1) : QModelIndex();
    if (m + 1 < m_model->plan().sections[s].measures.size())
        return moveItem(s, m, s, m + 1);
    if (s + 1 >= sections)
        return {};
    // The last measure of a section goes to the start of the next section.
    return moveItem(s, m, s + 1, 0);
}

QModelIndex PlanEditor::moveItem(int fromSection, int fromMeasure, int toSection, int toRow) {
    if (refuseIfReadOnly())
        return {};
    const auto &sections = m_model->plan().sections;
    if (fromSection < 0 || fromSection >= sections.size() || toSection < 0 ||
        toSection >= sections.size())
        return {};
    if (fromMeasure < 0) {
        if (fromSection != toSection)
            m_stack->push(new MoveSectionCommand(m_model, fromSection, toSection));
        return m_model->sectionIndex(toSection);
    }
    if (fromMeasure >= sections[fromSection].measures.size())
        return {};
    const int maxRow =
        int(sections[toSection].measures.size()) - (fromSection == toSection ? 1 : 0);
    toRow = std::clamp(toRow, 0, std::max(0, maxRow));
    if (fromSection != toSection || fromMeasure != toRow)
        m_stack->push(new MoveMeasureCommand(m_model, fromSection, fromMeasure, toSection, toRow));
    return m_model->measureIndex(toSection, toRow);
}

bool PlanEditor::editMeasure(int section, int measure, MeasureField field, const QVariant &value) {
    const core::Measure *m = m_model->measureAt(m_model->measureIndex(section, measure));
    if (!m)
        return false;
    const bool execution = PlanTreeModel::isExecutionField(field);
    if (!execution && refuseIfReadOnly())
        return false;
    QVariant stored = value;
    if (field == MeasureField::Deadline) {
        const QString text = value.toString();
        if (text == m->deadline.text)
            return true;
        stored = QVariant::fromValue(core::DeadlineParser::parse(text, m_model->plan().period));
    } else if (field == MeasureField::Owners && value.typeId() == QMetaType::QString) {
        QStringList owners;
        for (const QString &o : value.toString().split(QLatin1Char(',')))
            if (!o.trimmed().isEmpty())
                owners << o.trimmed();
        stored = owners;
    }
    if (PlanTreeModel::fieldValue(*m, field) == stored)
        return true;
    m_stack->push(new EditMeasureCommand(m_model, section, measure, field, stored));
    return true;
}

bool PlanEditor::markWindow(int section, int measure, const core::WindowMark &mark) {
    const core::Measure *m = m_model->measureAt(m_model->measureIndex(section, measure));
    if (!m || !m->deadline.windows.contains(mark.window))
        return false;
    core::Measure changed = *m;
    changed.setWindowMark(mark);
    return editMeasure(section, measure, MeasureField::WindowMarks,
                       QVariant::fromValue(changed.windowMarks));
}

int PlanEditor::replaceOwner(const QString &from, const QString &into) {
    if (!m_hasPlan || isReadOnly() || from == into)
        return 0;
    int changed = 0;
    const auto &sections = m_model->plan().sections;
    for (int s = 0; s < sections.size(); ++s) {
        for (int m = 0; m < sections[s].measures.size(); ++m) {
            const QStringList &owners = m_model->plan().sections[s].measures[m].owners;
            if (!owners.contains(from))
                continue;
            QStringList next;
            for (const QString &o : owners) {
                const QString name = o == from ? into : o;
                if (!next.contains(name))
                    next << name;
            }
            if (changed == 0)
                m_stack->beginMacro(QStringLiteral("объединение «%1» с «%2»").arg(from, into));
            m_stack->push(new EditMeasureCommand(m_model, s, m, MeasureField::Owners, next));
            ++changed;
        }
    }
    if (changed > 0)
        m_stack->endMacro();
    return changed;
}

bool PlanEditor::editSectionTitle(int section, const QString &title) {
    if (refuseIfReadOnly() || section < 0 || section >= m_model->rowCount())
        return false;
    if (m_model->plan().sections[section].title == title)
        return true;
    m_stack->push(new EditSectionTitleCommand(m_model, section, title));
    return true;
}

bool PlanEditor::setColumns(const QList<core::PlanColumn> &columns) {
    if (refuseIfReadOnly())
        return false;
    if (columns == m_model->plan().columns)
        return true;
    m_stack->push(new SetColumnsCommand(m_model, columns));
    return true;
}

Status PlanEditor::saveHeader(const core::Plan &header) {
    const core::Plan before = plan();
    m_saving = false;
    m_model->setPlanHeader(header);
    m_saving = true;
    if (m_repository) {
        core::Plan current;
        auto st = m_repository->save(m_model->planForSaving(), &current);
        if (!st) {
            m_saving = false;
            m_model->setPlanHeader(before);
            m_saving = true;
            if (st.error().code == core::ErrorCode::PlanChanged && current.id == before.id) {
                emit aboutToReload();
                setPlan(current);
                emit reloaded();
                emit headerChanged();
            }
            return st;
        }
        m_stored = plan();
    }
    emit headerChanged();
    return {};
}

Status PlanEditor::applyWorkflow(const std::function<Status()> &stored,
                                 const std::function<Status(core::Plan &)> &inMemory) {
    if (!m_hasPlan)
        return fail(QStringLiteral("План не выбран."));
    if (!m_repository) {
        core::Plan header = plan();
        if (Status s = inMemory(header); !s)
            return s;
        return saveHeader(header);
    }
    if (Status s = stored(); !s) {
        // Changed elsewhere since it was shown: show it as it is now, the step is not taken.
        if (s.error().code == core::ErrorCode::PlanChanged)
            (void)reloadPlan();
        return s;
    }
    // The workflow step is saved; show the plan as stored (status, approval), history cleared.
    if (Status s = loadPlan(plan().id); !s)
        return s;
    emit headerChanged();
    return {};
}

Status PlanEditor::submitForApproval() {
    const qint64 id = plan().id;
    const int version = expectedVersion();
    auto st = applyWorkflow([&] { return m_repository->submit(id, version); },
                            [](core::Plan &p) { return core::ApprovalWorkflow::submit(p); });
    if (st)
        emit message(QStringLiteral("План отправлен на утверждение: его текст закрыт, пока "
                                    "директор не утвердит план или не вернёт на доработку."));
    return st;
}

Status PlanEditor::approve(const core::Approval &approval) {
    const qint64 id = plan().id;
    const int version = expectedVersion();
    auto st =
        applyWorkflow([&] { return m_repository->approve(id, approval, version); },
                      [&](core::Plan &p) { return core::ApprovalWorkflow::approve(p, approval); });
    if (st)
        emit message(QStringLiteral("План утверждён. Текст закрыт для изменений; отметки о "
                                    "выполнении мероприятий по-прежнему можно ставить."));
    return st;
}

Status PlanEditor::returnToDraft(const QString &comment) {
    const qint64 id = plan().id;
    const int version = expectedVersion();
    auto st = applyWorkflow(
        [&] { return m_repository->returnToDraft(id, comment, version); },
        [&](core::Plan &p) { return core::ApprovalWorkflow::returnToDraft(p, comment); });
    if (st)
        emit message(QStringLiteral("План возвращён на доработку: %1").arg(comment.trimmed()));
    return st;
}

core::Result<qint64> PlanEditor::makeRevision() {
    if (!m_hasPlan)
        return fail(QStringLiteral("План не выбран."));
    qint64 id = 0;
    int revision = 0;
    if (m_repository) {
        auto created = m_repository->revise(plan().id);
        if (!created)
            return created.error();
        id = created.value();
        if (Status s = loadPlan(id); !s)
            return s.error();
        revision = plan().revision;
    } else {
        auto draft = core::ApprovalWorkflow::revise(plan());
        if (!draft)
            return draft.error();
        revision = draft->revision;
        setPlan(draft.value());
    }
    emit message(QStringLiteral("Создана редакция %1 — черновик, его можно изменять. Прежняя "
                                "редакция действует, пока новая не утверждена.")
                     .arg(revision));
    return id;
}

} // namespace objectivity::gui
