#include "plan/EditSectionTitleCommand.h"

#include "objectivity/gui/plan/PlanTreeModel.h"
#include "plan/PlanCommands.h"

namespace objectivity::gui {

EditSectionTitleCommand::EditSectionTitleCommand(PlanTreeModel *model, int section,
                                                 const QString &title)
    : m_model(model), m_section(section), m_old(model->plan().sections.value(section).title),
      m_new(title) {
    setText(QStringLiteral("изменение названия раздела"));
}

void EditSectionTitleCommand::redo() {
    m_model->setSectionTitle(m_section, m_new);
}

void EditSectionTitleCommand::undo() {
    m_model->setSectionTitle(m_section, m_old);
}

int EditSectionTitleCommand::id() const {
    return EditSectionTitleCommandId;
}

bool EditSectionTitleCommand::mergeWith(const QUndoCommand *other) {
    const auto *o = dynamic_cast<const EditSectionTitleCommand *>(other);
    if (!o || o->m_section != m_section)
        return false;
    m_new = o->m_new;
    return true;
}

} // namespace objectivity::gui
