#pragma once
#include "objectivity/core/plan/Section.h"

#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Adds a section at a row.
class InsertSectionCommand : public QUndoCommand {
public:
    InsertSectionCommand(PlanTreeModel *model, int row, const core::Section &section);
    void redo() override;
    void undo() override;

private:
    PlanTreeModel *m_model;
    QList<QStringList> m_numbering; // before the command, restored by undo
    int m_row;
    core::Section m_section;
};

} // namespace objectivity::gui
