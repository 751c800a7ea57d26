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
    // organizations of imported plans that have no login yet, by name: a school of the results
    // with that name (in the same municipality, or one the organization does not state) is the
    // same school and gives it its login. Two schools of the results are never one by their name:
    // «МБОУ «СОШ № 2»» is a school in many municipalities, each with a login of its own.
    QMultiHash<QString, qsizetype> withoutCode;
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
        else
            withoutCode.insert(s.name.simplified().toCaseFolded(), schools.size());
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
        bool linked = false;
        const QString key = s.name.simplified().toCaseFolded();
        for (auto it = withoutCode.constFind(key); it != withoutCode.cend() && it.key() == key;
             ++it) {
            DistributionSchool &organization = schools[*it];
            if (!organization.code.isEmpty() || (!organization.municipality.isEmpty() &&
                                                 organization.municipality != s.municipality))
                continue;
            organization.code = s.code;
            if (organization.municipality.isEmpty())
                organization.municipality = s.municipality;
            byCode.insert(s.code, *it);
            linked = true;
            break;
        }
        if (linked)
            continue;
        byCode.insert(s.code, schools.size());
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
        // a login; else a name, when it names one school only
        auto it = std::find_if(every->cbegin(), every->cend(), [&](const auto &s) {
            return s.code.compare(key, Qt::CaseInsensitive) == 0;
        });
        if (it == every->cend()) {
            QStringList same;
            for (auto s = every->cbegin(); s != every->cend(); ++s)
                if (s->name.simplified().compare(key.simplified(), Qt::CaseInsensitive) == 0) {
                    it = s;
                    same << (s->code.isEmpty() ? s->municipality
                                               : s->code + QStringLiteral(", ") + s->municipality);
                }
            if (same.size() > 1) {
                core::Error e;
                e.message = QStringLiteral("Школ с названием %1 несколько (%2): укажите логин.")
                                .arg(core::quoteForMessage(key), same.join(QStringLiteral("; ")));
                return e;
            }
        }
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
        // the organization of its login; else one of its name in its municipality that has no
        // login yet (a plan imported before the results) — never another login's school of the
        // same name
        q.prepare(QStringLiteral(
            "SELECT o.id, COALESCE(c.code, '') FROM organizations o LEFT JOIN organization_codes "
            "c ON c.organization_id = o.id WHERE (c.code <> '' AND c.code = ?) OR (o.name = ? "
            "AND o.municipality = ?) ORDER BY CASE WHEN c.code = ? THEN 0 ELSE 1 END, o.id"));
        q.addBindValue(sql::text(school.code));
        q.addBindValue(sql::text(school.name));
        q.addBindValue(sql::text(school.municipality));
        q.addBindValue(sql::text(school.code));
        if (!q.exec())
            return sql::queryError(m_db, q, what);
        bool nameTaken = false;
        while (q.next()) {
            const QString code = q.value(1).toString();
            if (code.isEmpty() || code == school.code) {
                school.organizationId = q.value(0).toLongLong();
                break;
            }
            nameTaken = true; // the same name and municipality, another login
        }
        if (school.organizationId <= 0) {
            q.finish();
            // an organization's name is unique in its municipality: a second school of the name
            // (two «МКОУ «СОШ д. Горки»» in one district) is told apart by its login
            const QString name = nameTaken && !school.code.isEmpty()
                                     ? QStringLiteral("%1 (%2)").arg(school.name, school.code)
                                     : school.name;
            q.prepare(QStringLiteral("INSERT INTO organizations (name, kind, municipality) "
                                     "VALUES (?, 'school', ?) RETURNING id"));
            q.addBindValue(sql::text(name));
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
