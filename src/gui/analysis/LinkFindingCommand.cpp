#include "analysis/LinkFindingCommand.h"

#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/storage/plan/FindingLinkRepository.h"

namespace objectivity::gui {

LinkFindingCommand::LinkFindingCommand(storage::Database &db, PlanEditor *editor, int section,
                                       int row, const core::FindingRef &finding, qint64 templateId)
    : m_db(db), m_editor(editor), m_section(section), m_row(row), m_finding(finding),
      m_templateId(templateId) {
    setText(QStringLiteral("связь мероприятия с признаком"));
}

void LinkFindingCommand::redo() {
    m_error.clear();
    m_measureId = 0;
    const auto &sections = m_editor->plan().sections;
    if (m_section < 0 || m_section >= sections.size() ||
        m_row >= sections.at(m_section).measures.size()) {
        m_error = QStringLiteral("мероприятие не найдено в плане");
        return;
    }
    m_measureId = sections.at(m_section).measures.at(m_row).id;
    if (m_measureId <= 0) { // the plan was not saved (the editor said why)
        m_error = m_editor->lastError().isEmpty() ? QStringLiteral("план не сохранён")
                                                  : m_editor->lastError();
        return;
    }
    if (core::Status s =
            storage::FindingLinkRepository(m_db).link(m_measureId, m_finding, m_templateId);
        !s)
        m_error = s.error().message;
}

} // namespace objectivity::gui
