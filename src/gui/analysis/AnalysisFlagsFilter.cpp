#include "objectivity/gui/analysis/AnalysisFlagsFilter.h"

#include "objectivity/gui/analysis/AnalysisFlagsModel.h"

namespace objectivity::gui {

AnalysisFlagsFilter::AnalysisFlagsFilter(QObject *parent) : WordFilterProxy(parent) {
    setSortRole(Qt::UserRole); // numbers as numbers
}

void AnalysisFlagsFilter::setFlagsModel(AnalysisFlagsModel *model) {
    m_flags = model;
    setSourceModel(model);
}

void AnalysisFlagsFilter::setKind(std::optional<core::CriterionKind> kind) {
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void AnalysisFlagsFilter::setCriterion(const QString &code) {
    if (code == m_criterion)
        return;
    m_criterion = code;
    invalidateRowsFilter();
}

bool AnalysisFlagsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    if (!m_flags)
        return true;
    const core::UnitReport *u = m_flags->unitAt(sourceRow);
    const core::CriterionFinding *f = m_flags->findingAt(sourceRow);
    if (!u || !f)
        return false;
    if (m_kind && f->kind() != *m_kind)
        return false;
    if (!m_criterion.isEmpty() && f->code != m_criterion)
        return false;
    return !hasWords() || containsAllWords(u->schoolName + u' ' + u->schoolCode + u' ' +
                                           u->municipality + u' ' + u->subject);
}

} // namespace objectivity::gui
