#pragma once
#include <QMap>
#include <QString>

namespace objectivity::core {

// One row of an official list of schools with signs of non-objective results (e.g. the regional
// ВПР list): the year, the school's ФИС ОКО login and the markers set for it.
struct FlaggedSchool {
    int year = 0;
    QString schoolCode; // ФИС ОКО login, e.g. "edu053001"
    QString municipality;
    QString schoolName; // exactly as published
    QMap<QString, int>
        markers; // heading of the marker column («4 РУ») → value (only non-zero ones)
    int markerCount = 0;

    friend bool operator==(const FlaggedSchool &, const FlaggedSchool &) = default;
};

} // namespace objectivity::core
