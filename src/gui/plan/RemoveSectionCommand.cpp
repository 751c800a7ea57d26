#include "plan/RemoveSectionCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"
#include "plan/PlanCommands.h"

namespace objectivity::gui {

RemoveSectionCommand::RemoveSectionCommand(PlanTreeModel *model, int row)
    : m_model(model), m_numbering(model->numbering()), m_row(row) {
    setText(QStringLiteral("удаление раздела"));
}

void RemoveSectionCommand::redo() {
    m_section = m_model->removeSection(m_row);
    clearIds(m_section);
}

void RemoveSectionCommand::undo() {
    m_model->keepNumberingOnce(m_numbering);
    m_model->insertSection(m_row, m_section);
}

} // namespace objectivity::gui
