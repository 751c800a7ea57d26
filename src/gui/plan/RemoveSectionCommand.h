#pragma once
#include "objectivity/core/plan/Section.h"

#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Deletes a section with its measures.
class RemoveSectionCommand : public QUndoCommand {
public:
    RemoveSectionCommand(PlanTreeModel *model, int row);
    void redo() override;
    void undo() override;

private:
    PlanTreeModel *m_model;
    QList<QStringList> m_numbering; // before the command, restored by undo
    int m_row;
    core::Section m_section;
};

} // namespace objectivity::gui
