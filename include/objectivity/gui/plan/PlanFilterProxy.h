#pragma once
#include "objectivity/gui/common/WordFilterProxy.h"

namespace objectivity::gui {

// The filter line over the plan view: keeps the measures whose text, owners, deadline (as written
// or as understood), expected result or note contain every word typed (WordFilterProxy: case and
// «ё» ignored), with their sections.
class PlanFilterProxy : public WordFilterProxy {
    Q_OBJECT
public:
    explicit PlanFilterProxy(QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};

} // namespace objectivity::gui
