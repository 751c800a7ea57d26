#pragma once
#include <QString>
#include <QUndoCommand>

namespace objectivity::gui {
class PlanTreeModel;

// Renames a section; consecutive typing in the same title merges into one step.
class EditSectionTitleCommand : public QUndoCommand {
public:
    EditSectionTitleCommand(PlanTreeModel *model, int section, const QString &title);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    PlanTreeModel *m_model;
    int m_section;
    QString m_old, m_new;
};

} // namespace objectivity::gui
