#include "objectivity/gui/analysis/AnalysisSchoolsFilter.h"

#include "objectivity/gui/analysis/AnalysisSchoolsModel.h"

namespace objectivity::gui {

AnalysisSchoolsFilter::AnalysisSchoolsFilter(QObject *parent) : WordFilterProxy(parent) {
    setSortRole(Qt::UserRole); // numbers as numbers
}

void AnalysisSchoolsFilter::setSchoolsModel(AnalysisSchoolsModel *model) {
    m_schools = model;
    setSourceModel(model);
}

bool AnalysisSchoolsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    if (!m_schools || !hasWords())
        return true;
    const core::SchoolSummary *s = m_schools->schoolAt(sourceRow);
    return s && containsAllWords(s->schoolName + u' ' + s->schoolCode + u' ' + s->municipality);
}

} // namespace objectivity::gui
