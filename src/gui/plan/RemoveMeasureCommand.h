#pragma once
#include "objectivity/core/plan/Measure.h"

#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Deletes a measure.
class RemoveMeasureCommand : public QUndoCommand {
public:
    RemoveMeasureCommand(PlanTreeModel *model, int section, int row);
    void redo() override;
    void undo() override;

private:
    PlanTreeModel *m_model;
    QList<QStringList> m_numbering; // before the command, restored by undo
    int m_section;
    int m_row;
    core::Measure m_measure;
};

} // namespace objectivity::gui
