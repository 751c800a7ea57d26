#pragma once
#include <QString>
#include <QStringView>

namespace objectivity::core {

// One spelling of a school's login (ФИС ОКО «edu053001»), so that one school stays one school
// whichever file or hand wrote it: spaces around it dropped, Latin letters lower case
// («EDU053001» → «edu053001»). Other characters are kept as written.
QString canonicalSchoolLogin(QStringView text);

} // namespace objectivity::core
