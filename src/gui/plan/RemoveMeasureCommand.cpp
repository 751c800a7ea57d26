#include "plan/RemoveMeasureCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"
#include "plan/PlanCommands.h"

namespace objectivity::gui {

RemoveMeasureCommand::RemoveMeasureCommand(PlanTreeModel *model, int section, int row)
    : m_model(model), m_numbering(model->numbering()), m_section(section), m_row(row) {
    setText(QStringLiteral("удаление мероприятия"));
}

void RemoveMeasureCommand::redo() {
    m_measure = m_model->removeMeasure(m_section, m_row);
    clearIds(m_measure);
}

void RemoveMeasureCommand::undo() {
    m_model->keepNumberingOnce(m_numbering);
    m_model->insertMeasure(m_section, m_row, m_measure);
}

} // namespace objectivity::gui
