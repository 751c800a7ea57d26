#pragma once
#include <QString>

namespace objectivity::simulation {

// A student of a generated cohort. The cohort (year of entry) and index make the student the same
// person in every year: grade g in year Y is grade g+1 in year Y+1 in the same school.
struct GeneratedStudent {
    int index = 0;
    int classIndex = 0; // 0 = «А», 1 = «Б», ...
    double ability = 0; // school effect + student effect
    QString code;       // anonymous participant code, stable across years
};

} // namespace objectivity::simulation
