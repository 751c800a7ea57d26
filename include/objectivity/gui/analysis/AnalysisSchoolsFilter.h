#pragma once
#include "objectivity/gui/common/WordFilterProxy.h"

namespace objectivity::gui {

class AnalysisSchoolsModel;

// The «По школам» table as the user narrows it: the words typed must all be found in the school's
// name, login or municipality, matched as in the «Признаки» table (WordFilterProxy).
class AnalysisSchoolsFilter : public WordFilterProxy {
    Q_OBJECT
public:
    explicit AnalysisSchoolsFilter(QObject *parent = nullptr);

    void setSchoolsModel(AnalysisSchoolsModel *model);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AnalysisSchoolsModel *m_schools = nullptr;
};

} // namespace objectivity::gui
