#pragma once
#include "objectivity/core/plan/PlanColumn.h"

#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Changes which columns the plan shows, their order and headings.
class SetColumnsCommand : public QUndoCommand {
public:
    SetColumnsCommand(PlanTreeModel *model, const QList<core::PlanColumn> &columns);
    void redo() override;
    void undo() override;

private:
    PlanTreeModel *m_model;
    QList<core::PlanColumn> m_old, m_new;
};

} // namespace objectivity::gui
