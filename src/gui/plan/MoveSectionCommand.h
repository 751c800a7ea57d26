#pragma once
#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Moves a section with its measures; `to` is its final row.
class MoveSectionCommand : public QUndoCommand {
public:
    MoveSectionCommand(PlanTreeModel *model, int from, int to);
    void redo() override;
    void undo() override;

private:
    PlanTreeModel *m_model;
    QList<QStringList> m_numbering; // before the command, restored by undo
    int m_from, m_to;
};

} // namespace objectivity::gui
