#pragma once
#include "objectivity/core/results/SchoolKind.h"

#include <QStringList>

namespace objectivity::core {

struct School {
    qint64 id = 0;
    QString code; // ФИС ОКО login, e.g. "edu053001"
    QString name;
    QString municipality;
    SchoolKind kind = SchoolKind::Unknown;
    bool rural = false;
    QStringList advancedSubjects; // canonical subject names studied in depth

    friend bool operator==(const School &, const School &) = default;
};

} // namespace objectivity::core
