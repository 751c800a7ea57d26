#include "plan/InsertMeasureCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"
#include "plan/PlanCommands.h"

namespace objectivity::gui {

InsertMeasureCommand::InsertMeasureCommand(PlanTreeModel *model, int section, int row,
                                           const core::Measure &measure)
    : m_model(model), m_numbering(model->numbering()), m_section(section), m_row(row),
      m_measure(measure) {
    clearIds(m_measure);
    setText(QStringLiteral("добавление мероприятия"));
}

void InsertMeasureCommand::redo() {
    m_model->insertMeasure(m_section, m_row, m_measure);
}

void InsertMeasureCommand::undo() {
    m_model->keepNumberingOnce(m_numbering);
    m_measure = m_model->removeMeasure(m_section, m_row);
    clearIds(m_measure);
}

} // namespace objectivity::gui
