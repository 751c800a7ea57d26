#pragma once
#include "objectivity/core/plan/Measure.h"

#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Adds a measure to a section at a row.
class InsertMeasureCommand : public QUndoCommand {
public:
    InsertMeasureCommand(PlanTreeModel *model, int section, int row, const core::Measure &measure);
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
