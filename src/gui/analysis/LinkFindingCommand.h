#pragma once
#include "objectivity/core/plan/FindingRef.h"

#include <QString>
#include <QUndoCommand>

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {
class PlanEditor;

// Links the measure at (section, row) of the editor's plan to a finding of the analysis. Part of
// the «Меры по результатам анализа» macro, after the commands that add the measure: a redo of the
// macro inserts the measure again under a new id, and this redo links that new id (undo needs
// nothing: removing the measure removes its links). A failed link is kept in error().
class LinkFindingCommand : public QUndoCommand {
public:
    LinkFindingCommand(storage::Database &db, PlanEditor *editor, int section, int row,
                       const core::FindingRef &finding, qint64 templateId);
    void redo() override;
    void undo() override {}

    qint64 measureId() const { return m_measureId; }
    const QString &error() const { return m_error; }

private:
    storage::Database &m_db;
    PlanEditor *m_editor;
    int m_section, m_row;
    core::FindingRef m_finding;
    qint64 m_templateId;
    qint64 m_measureId = 0;
    QString m_error;
};

} // namespace objectivity::gui
