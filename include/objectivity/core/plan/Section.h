#pragma once
#include "objectivity/core/plan/Measure.h"

#include <QList>

namespace objectivity::core {

// A numbered section of the plan ("1.", "I.", "VIII.") with its measures.
struct Section {
    qint64 id = 0;
    QString number; // as written
    QString title;
    QList<Measure> measures;

    friend bool operator==(const Section &, const Section &) = default;
};

} // namespace objectivity::core
