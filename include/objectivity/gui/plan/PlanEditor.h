#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/gui/plan/PlanTreeModel.h"

#include <QObject>
#include <QPersistentModelIndex>

#include <functional>

class QUndoStack;

namespace objectivity::storage {
class PlanRepository;
}

namespace objectivity::gui {

// The open plan: its tree model, its undo history and its saving. Every user action is an undo
// command; after each command (and each undo/redo) the plan is saved to the database in one
// transaction, so closing the window or a crash loses nothing. An approved plan refuses text
// edits with a Russian message; its measures' execution can still be marked.
//
// Two people, one plan: every save carries the plan's version. A save refused because the plan
// was changed elsewhere (core::ErrorCode::PlanChanged) loads the current plan, clears the undo
// history and reports the refusal with the lost edit named (saveFailed); nothing is overwritten.
class PlanEditor : public QObject {
    Q_OBJECT
public:
    // `repository` may be null (an in-memory plan, e.g. the import preview).
    explicit PlanEditor(storage::PlanRepository *repository, QObject *parent = nullptr);
    ~PlanEditor() override;

    core::Status loadPlan(qint64 planId);
    // Loads the open plan again as stored now (changed elsewhere): the undo history is cleared;
    // aboutToReload/reloaded let a view keep its selection.
    core::Status reloadPlan();
    // True while the last save of an edit failed: the window shows what the database lacks.
    bool hasUnsavedEdit() const { return m_unsaved; }
    void setPlan(const core::Plan &plan); // shows a plan as it is, clears the history
    void clear();
    bool hasPlan() const { return m_hasPlan; }
    const core::Plan &plan() const { return m_model->plan(); }
    PlanTreeModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_stack; }
    bool isReadOnly() const { return m_model->plan().isReadOnly(); }

    // Structure. Each returns the index of what it created or moved (invalid when refused).
    QModelIndex addSection(const QModelIndex &current, const QString &title = {});
    QModelIndex addMeasure(const QModelIndex &current, const QString &text = {});
    bool removeItem(const QModelIndex &index);
    QModelIndex moveUp(const QModelIndex &index);
    QModelIndex moveDown(const QModelIndex &index);
    // Moves a measure to (toSection, toRow) where toRow is its final row; a section when
    // fromMeasure is -1 (toSection is then its final row).
    QModelIndex moveItem(int fromSection, int fromMeasure, int toSection, int toRow);

    // Content. A deadline is given as text and interpreted against the plan's period.
    bool editMeasure(int section, int measure, MeasureField field, const QVariant &value);
    // Marks one window of a recurring measure (an undoable execution edit, allowed on an
    // approved plan like the measure's status).
    bool markWindow(int section, int measure, const core::WindowMark &mark);
    // Replaces the owner `from` with `into` in every measure of the open plan (one undo step; a
    // measure naming both keeps one). Returns how many measures changed; 0 on a read-only plan.
    int replaceOwner(const QString &from, const QString &into);
    bool editSectionTitle(int section, const QString &title);
    bool setColumns(const QList<core::PlanColumn> &columns);

    // Approval workflow (not undoable; each saved at once).
    core::Status submitForApproval();
    core::Status approve(const core::Approval &approval);
    core::Status returnToDraft(const QString &comment);
    // A new draft copied from the approved plan; saved; returns its id. The editor opens it.
    core::Result<qint64> makeRevision();

    QString lastError() const { return m_lastError; }

signals:
    void planLoaded();                         // a different plan (or none) is shown
    void headerChanged();                      // status/approval/title changed
    void message(const QString &text);         // a status-bar message in Russian
    void saveFailed(const core::Error &error); // shown with ErrorMessage (details included)
    void saved();
    void aboutToReload(); // the same plan is about to be shown as stored now
    void reloaded();

private:
    bool refuseIfReadOnly();
    void persist(bool executionOnly, int section, int measure);
    core::Status saveHeader(const core::Plan &header);
    // After a refused save (ErrorCode::PlanChanged): shows `current` (queued: the refusal may come
    // from inside an undo command) and reports `error` with the lost edit named.
    void applyConflict(core::Error error, const core::Plan &current);
    // The version the open plan's workflow step expects.
    int expectedVersion() const { return plan().version; }
    // A workflow step: through the repository (then the stored plan is shown again), or on the
    // in-memory plan when there is no repository.
    core::Status applyWorkflow(const std::function<core::Status()> &stored,
                               const std::function<core::Status(core::Plan &)> &inMemory);

    storage::PlanRepository *m_repository;
    PlanTreeModel *m_model;
    QUndoStack *m_stack;
    bool m_hasPlan = false;
    bool m_saving = true;
    bool m_unsaved = false;
    bool m_conflictPending = false; // a refused save's reload is queued: further saves wait
    core::Plan m_stored;            // the open plan as this window last loaded or saved it
    QString m_lastError;
};

} // namespace objectivity::gui
