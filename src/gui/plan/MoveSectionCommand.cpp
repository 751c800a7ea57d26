#include "plan/MoveSectionCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"

namespace objectivity::gui {

MoveSectionCommand::MoveSectionCommand(PlanTreeModel *model, int from, int to)
    : m_model(model), m_numbering(model->numbering()), m_from(from), m_to(to) {
    setText(QStringLiteral("перемещение раздела"));
}

void MoveSectionCommand::redo() {
    m_model->moveSection(m_from, m_to);
}

void MoveSectionCommand::undo() {
    m_model->keepNumberingOnce(m_numbering);
    m_model->moveSection(m_to, m_from);
}

} // namespace objectivity::gui
