#include "plan/InsertSectionCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"
#include "plan/PlanCommands.h"

namespace objectivity::gui {

InsertSectionCommand::InsertSectionCommand(PlanTreeModel *model, int row,
                                           const core::Section &section)
    : m_model(model), m_numbering(model->numbering()), m_row(row), m_section(section) {
    clearIds(m_section);
    setText(QStringLiteral("добавление раздела"));
}

void InsertSectionCommand::redo() {
    m_model->insertSection(m_row, m_section);
}

void InsertSectionCommand::undo() {
    m_model->keepNumberingOnce(m_numbering);
    m_section = m_model->removeSection(m_row);
    clearIds(m_section);
}

} // namespace objectivity::gui
