#pragma once
#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Moves a measure within its section or to another one; `toRow` is its final row.
class MoveMeasureCommand : public QUndoCommand {
public:
    MoveMeasureCommand(PlanTreeModel *model, int fromSection, int fromRow, int toSection,
                       int toRow);
    void redo() override;
    void undo() override;

private:
    PlanTreeModel *m_model;
    QList<QStringList> m_numbering; // before the command, restored by undo
    int m_fromSection, m_fromRow, m_toSection, m_toRow;
};

} // namespace objectivity::gui
