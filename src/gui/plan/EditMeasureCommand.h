#pragma once
#include "objectivity/gui/plan/PlanTreeModel.h"
#include "plan/PlanCommands.h"

#include <QUndoCommand>
#include <QVariant>

namespace objectivity::gui {

// Changes one field of a measure. Consecutive typing in the same field of the same measure
// merges into one step of the undo history.
class EditMeasureCommand : public QUndoCommand {
public:
    // `value` is what PlanTreeModel::setMeasureField takes (a core::Deadline for the deadline).
    EditMeasureCommand(PlanTreeModel *model, int section, int row, MeasureField field,
                       const QVariant &value);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    static bool isTyping(MeasureField f);

    PlanTreeModel *m_model;
    int m_section, m_row;
    MeasureField m_field;
    QVariant m_old, m_new;
};

} // namespace objectivity::gui
