#include "objectivity/gui/analysis/AnalysisSchoolsFilter.h"

#include "objectivity/gui/analysis/AnalysisFlagsFilter.h"
#include "objectivity/gui/analysis/AnalysisSchoolsModel.h"

namespace objectivity::gui {

AnalysisSchoolsFilter::AnalysisSchoolsFilter(QObject *parent) : QSortFilterProxyModel(parent) {
    setSortRole(Qt::UserRole);
}

void AnalysisSchoolsFilter::setSchoolsModel(AnalysisSchoolsModel *model) {
    m_schools = model;
    setSourceModel(model);
}

void AnalysisSchoolsFilter::setText(const QString &text) {
    const QStringList words = AnalysisFlagsFilter::folded(text).split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool AnalysisSchoolsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    if (!m_schools || m_words.isEmpty())
        return true;
    const core::SchoolSummary *s = m_schools->schoolAt(sourceRow);
    if (!s)
        return false;
    const QString haystack =
        AnalysisFlagsFilter::folded(s->schoolName + u' ' + s->schoolCode + u' ' + s->municipality);
    for (const QString &w : m_words)
        if (!haystack.contains(w))
            return false;
    return true;
}

} // namespace objectivity::gui
