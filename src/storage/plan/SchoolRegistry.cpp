#include "plan/SchoolRegistry.h"

#include "SqlSupport.h"
#include "objectivity/core/common/Error.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/storage/Database.h"

#include <QCollator>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace objectivity::storage {

using core::Result;

core::Result<QList<DistributionSchool>> SchoolRegistry::all(const QString &municipality) const {
    const QString what = QStringLiteral("не удалось прочитать список школ");
    QList<DistributionSchool> schools;
    QHash<QString, qsizetype> byCode;
    QHash<QString, qsizetype> byName;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT o.id, COALESCE(c.code, ''), o.name, o.municipality FROM "
                             "organizations o LEFT JOIN organization_codes c ON c.organization_id "
                             "= o.id WHERE o.kind = 'school' AND (? = '' OR o.municipality = ?) "
                             "ORDER BY o.id"));
    q.addBindValue(sql::text(municipality));
    q.addBindValue(sql::text(municipality));
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    while (q.next()) {
        DistributionSchool s;
        s.organizationId = q.value(0).toLongLong();
        s.code = q.value(1).toString();
        s.name = q.value(2).toString();
        s.municipality = q.value(3).toString();
        if (!s.code.isEmpty())
            byCode.insert(s.code, schools.size());
        byName.insert(s.name.simplified().toCaseFolded(), schools.size());
        schools.append(s);
    }
    q.finish();
    q.prepare(QStringLiteral("SELECT code, name, municipality FROM schools WHERE (? = '' OR "
                             "municipality = ?) ORDER BY code"));
    q.addBindValue(sql::text(municipality));
    q.addBindValue(sql::text(municipality));
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    while (q.next()) {
        DistributionSchool s;
        s.code = q.value(0).toString();
        s.name = q.value(1).toString().isEmpty() ? s.code : q.value(1).toString();
        s.municipality = q.value(2).toString();
        if (byCode.contains(s.code))
            continue;
        const QString key = s.name.simplified().toCaseFolded();
        if (const auto it = byName.constFind(key); it != byName.constEnd()) {
            if (schools[*it].code.isEmpty())
                schools[*it].code = s.code;
            continue;
        }
        byCode.insert(s.code, schools.size());
        byName.insert(key, schools.size());
        schools.append(s);
    }
    QCollator collator(QLocale(QLocale::Russian, QLocale::Russia));
    collator.setNumericMode(true);
    std::stable_sort(schools.begin(), schools.end(),
                     [&](const DistributionSchool &a, const DistributionSchool &b) {
                         return collator.compare(a.name, b.name) < 0;
                     });
    return schools;
}

core::Result<QList<DistributionSchool>> SchoolRegistry::find(const QStringList &keys) const {
    auto every = all(QString());
    if (!every)
        return every.error();
    QList<DistributionSchool> chosen;
    QStringList unknown;
    for (const QString &raw : keys) {
        const QString key = raw.trimmed();
        if (key.isEmpty())
            continue;
        const auto it = std::find_if(every->cbegin(), every->cend(), [&](const auto &s) {
            return s.code.compare(key, Qt::CaseInsensitive) == 0 ||
                   s.name.simplified().compare(key.simplified(), Qt::CaseInsensitive) == 0;
        });
        if (it == every->cend())
            unknown << core::quoteForMessage(key);
        else if (!chosen.contains(*it))
            chosen.append(*it);
    }
    if (!unknown.isEmpty()) {
        core::Error e;
        e.message = QStringLiteral("Школа не найдена: %1. Школы — это организации планов вида "
                                   "«школа» и школы загруженных результатов (по логину ОО или "
                                   "названию).")
                        .arg(unknown.join(QStringLiteral(", ")));
        return e;
    }
    return chosen;
}

core::Result<qint64> SchoolRegistry::ensureOrganization(DistributionSchool &school) {
    const QString what = QStringLiteral("не удалось добавить школу «%1»").arg(school.name);
    QSqlQuery q(m_db.connection());
    if (school.organizationId <= 0) {
        q.prepare(QStringLiteral("SELECT o.id FROM organizations o LEFT JOIN organization_codes c "
                                 "ON c.organization_id = o.id WHERE (c.code <> '' AND c.code = ?) "
                                 "OR (o.name = ? AND o.municipality = ?) ORDER BY o.id LIMIT 1"));
        q.addBindValue(sql::text(school.code));
        q.addBindValue(sql::text(school.name));
        q.addBindValue(sql::text(school.municipality));
        if (!q.exec())
            return sql::queryError(m_db, q, what);
        if (q.next()) {
            school.organizationId = q.value(0).toLongLong();
        } else {
            q.finish();
            q.prepare(QStringLiteral("INSERT INTO organizations (name, kind, municipality) "
                                     "VALUES (?, 'school', ?) RETURNING id"));
            q.addBindValue(sql::text(school.name));
            q.addBindValue(sql::text(school.municipality));
            if (!q.exec() || !q.next())
                return sql::queryError(m_db, q, what);
            school.organizationId = q.value(0).toLongLong();
        }
        q.finish();
    }
    if (!school.code.isEmpty()) {
        q.prepare(QStringLiteral("INSERT INTO organization_codes (organization_id, code) VALUES "
                                 "(?, ?) ON CONFLICT (organization_id) DO NOTHING"));
        q.addBindValue(school.organizationId);
        q.addBindValue(school.code);
        if (!q.exec())
            return sql::queryError(m_db, q, what);
        q.finish();
    }
    // The organization's own name: a plan written for it must find it again by name.
    q.prepare(QStringLiteral("SELECT name, municipality FROM organizations WHERE id = ?"));
    q.addBindValue(school.organizationId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    if (q.next()) {
        school.name = q.value(0).toString();
        school.municipality = q.value(1).toString();
    }
    return school.organizationId;
}

} // namespace objectivity::storage
