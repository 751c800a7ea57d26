#include "objectivity/core/results/SchoolLogin.h"

namespace objectivity::core {

QString canonicalSchoolLogin(QStringView text) {
    QString login = text.trimmed().toString();
    for (QChar &c : login)
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    return login;
}

} // namespace objectivity::core
