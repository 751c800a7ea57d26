#include "plan/SetColumnsCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"

namespace objectivity::gui {

SetColumnsCommand::SetColumnsCommand(PlanTreeModel *model, const QList<core::PlanColumn> &columns)
    : m_model(model), m_old(model->plan().columns), m_new(columns) {
    setText(QStringLiteral("изменение столбцов"));
}

void SetColumnsCommand::redo() {
    m_model->setColumns(m_new);
}

void SetColumnsCommand::undo() {
    m_model->setColumns(m_old);
}

} // namespace objectivity::gui
