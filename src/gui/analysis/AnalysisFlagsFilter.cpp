#include "objectivity/gui/analysis/AnalysisFlagsFilter.h"

#include "objectivity/gui/analysis/AnalysisFlagsModel.h"

namespace objectivity::gui {

AnalysisFlagsFilter::AnalysisFlagsFilter(QObject *parent) : QSortFilterProxyModel(parent) {
    setSortRole(Qt::UserRole);
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

void AnalysisFlagsFilter::setText(const QString &text) {
    const QStringList words = folded(text).split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

QString AnalysisFlagsFilter::folded(const QString &text) {
    QString s = text.toLower().simplified();
    s.replace(u'ё', u'е');
    return s;
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
    if (m_words.isEmpty())
        return true;
    const QString haystack =
        folded(u->schoolName + u' ' + u->schoolCode + u' ' + u->municipality + u' ' + u->subject);
    for (const QString &w : m_words)
        if (!haystack.contains(w))
            return false;
    return true;
}

} // namespace objectivity::gui
