#include "plan/MoveMeasureCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"

namespace objectivity::gui {

MoveMeasureCommand::MoveMeasureCommand(PlanTreeModel *model, int fromSection, int fromRow,
                                       int toSection, int toRow)
    : m_model(model), m_numbering(model->numbering()), m_fromSection(fromSection),
      m_fromRow(fromRow), m_toSection(toSection), m_toRow(toRow) {
    setText(QStringLiteral("перемещение мероприятия"));
}

void MoveMeasureCommand::redo() {
    m_model->moveMeasure(m_fromSection, m_fromRow, m_toSection, m_toRow);
}

void MoveMeasureCommand::undo() {
    m_model->keepNumberingOnce(m_numbering);
    m_model->moveMeasure(m_toSection, m_toRow, m_fromSection, m_fromRow);
}

} // namespace objectivity::gui
