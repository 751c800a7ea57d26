#include "plan/XmlWalkBudget.h"

#include "objectivity/io/formats/ReaderLimits.h"

namespace objectivity::io {

void XmlWalkBudget::refuse(const QString &what) {
    if (!m_refused)
        m_refused = ReaderLimits::planRefused(m_sourceName, what);
    m_xml.raiseError(what);
}

bool XmlWalkBudget::addBlock() {
    if (++m_blocks > ReaderLimits::kPlanBlocks)
        refuse(QStringLiteral("в документе больше %1 абзацев и строк таблиц")
                   .arg(ReaderLimits::count(ReaderLimits::kPlanBlocks)));
    return ok();
}

bool XmlWalkBudget::addCells(qsizetype rowCells, qsizetype added) {
    m_cells += added;
    if (rowCells > ReaderLimits::kPlanRowCells)
        refuse(QStringLiteral("в строке таблицы больше %1 ячеек")
                   .arg(ReaderLimits::count(ReaderLimits::kPlanRowCells)));
    else if (m_cells > ReaderLimits::kPlanCells)
        refuse(QStringLiteral("в таблицах документа больше %1 ячеек")
                   .arg(ReaderLimits::count(ReaderLimits::kPlanCells)));
    return ok();
}

bool XmlWalkBudget::checkLength(qsizetype chars) {
    if (chars > ReaderLimits::kPlanCellChars)
        refuse(QStringLiteral("абзац или ячейка таблицы длиннее %1 символов")
                   .arg(ReaderLimits::count(ReaderLimits::kPlanCellChars)));
    return ok();
}

XmlWalkBudget::Nested::Nested(XmlWalkBudget &budget, bool table)
    : m_budget(budget), m_depth(table ? budget.m_tableDepth : budget.m_containerDepth) {
    if (++m_depth > ReaderLimits::kTableNesting)
        m_budget.refuse(table ? QStringLiteral("вложенность таблиц больше %1 уровней")
                                    .arg(ReaderLimits::kTableNesting)
                              : QStringLiteral("вложенность полей и разделов документа больше "
                                               "%1 уровней")
                                    .arg(ReaderLimits::kTableNesting));
}

} // namespace objectivity::io
