#include "objectivity/core/common/Organization.h"

namespace objectivity::core {

QString Organization::kindCode(OrganizationKind kind) {
    switch (kind) {
    case OrganizationKind::School:
        return QStringLiteral("school");
    case OrganizationKind::MunicipalDepartment:
        return QStringLiteral("municipal");
    case OrganizationKind::RegionalBody:
        return QStringLiteral("regional");
    }
    return QStringLiteral("school");
}

OrganizationKind Organization::kindFromCode(const QString &code) {
    if (code == QLatin1String("municipal"))
        return OrganizationKind::MunicipalDepartment;
    if (code == QLatin1String("regional"))
        return OrganizationKind::RegionalBody;
    return OrganizationKind::School;
}

QString Organization::kindDisplayName(OrganizationKind kind) {
    switch (kind) {
    case OrganizationKind::School:
        return QStringLiteral("Общеобразовательная организация");
    case OrganizationKind::MunicipalDepartment:
        return QStringLiteral("Муниципальный орган управления образованием");
    case OrganizationKind::RegionalBody:
        return QStringLiteral("Региональный орган управления образованием");
    }
    return {};
}

} // namespace objectivity::core
