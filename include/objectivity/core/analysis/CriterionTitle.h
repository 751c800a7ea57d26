#pragma once
#include <QString>

namespace objectivity::core {

// The Russian name of a criterion for tables and reports («Лёгкие задания хуже, сложные лучше»);
// the code itself when it is unknown.
QString criterionTitle(const QString &code);

} // namespace objectivity::core
