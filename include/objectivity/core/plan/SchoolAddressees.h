#pragma once
#include "objectivity/core/plan/Measure.h"

#include <QStringList>

namespace objectivity::core {

// Which measures of a municipal (or regional) plan are addressed to the schools: an owner that
// names them («Руководители ОУ», «руководители ОО», «общеобразовательные организации», «школы»,
// «Администрация ОО», «Заместители руководителей ОУ»), or a text that names them as the doers
// («Актуализация общеобразовательными учреждениями … плана»). A department specialist
// («Шашок А.В.») or a municipal body («ММО», «Управление образования») is not a school.
// The user may override the answer per measure (storage keeps the override).
class SchoolAddressees {
public:
    // Whether one owner entry names the schools (or their staff).
    static bool isSchoolOwner(const QString &owner);
    // Whether the measure is addressed to the schools.
    static bool addressedToSchools(const Measure &measure);
    // The owners of the school's copy: the owner entries that name the schools, without the
    // department's own people; «Руководители ОУ» when only the text names the schools.
    static QStringList schoolOwners(const Measure &measure);
};

} // namespace objectivity::core
