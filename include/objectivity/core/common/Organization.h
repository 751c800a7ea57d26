#pragma once
#include <QString>

namespace objectivity::core {

enum class OrganizationKind { School, MunicipalDepartment, RegionalBody };

struct Organization {
    qint64 id = 0;
    QString name;
    OrganizationKind kind = OrganizationKind::School;
    QString municipality;

    static QString kindCode(OrganizationKind kind); // "school", "municipal", "regional"
    static OrganizationKind kindFromCode(const QString &code);
    static QString kindDisplayName(
        OrganizationKind kind); // «Школа», «Муниципальный орган управления образованием», ...

    friend bool operator==(const Organization &, const Organization &) = default;
};

} // namespace objectivity::core
