#include "objectivity/storage/results/AnalysisSettingsRepository.h"

#include "SqlSupport.h"
#include "objectivity/storage/Database.h"
#include "results/DataAccess.h"

#include <QSqlQuery>
#include <QVariant>

namespace objectivity::storage {

using core::Error;

AnalysisSettingsRepository::AnalysisSettingsRepository(Database &db)
    : m_db(db.connection()), m_database(&db) {}

core::Status AnalysisSettingsRepository::mayEdit() {
    if (m_database)
        return DataAccess::check(*m_database, core::DataAction::EditAnalysisSettings);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM accounts")) || !q.next())
        return sql::queryError(q);
    if (q.value(0).toInt() > 0)
        return Error{
            QStringLiteral("В базе есть учётные записи: чтобы %1, войдите под своей "
                           "учётной записью.")
                .arg(core::DataActions::displayName(core::DataAction::EditAnalysisSettings)),
            {},
            -1,
            -1};
    return {};
}

core::Status AnalysisSettingsRepository::ensureDefaults() {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO analysis_settings (key, value, default_value, description) VALUES (?, NULL, "
        "?, ?) ON CONFLICT(key) DO UPDATE SET default_value = excluded.default_value, "
        "description = excluded.description"));
    for (const auto &d : core::AnalysisSettings::definitions()) {
        q.addBindValue(d.key);
        q.addBindValue(d.defaultValue);
        q.addBindValue(d.description);
        if (!q.exec())
            return sql::queryError(q);
    }
    return {};
}

core::Result<core::AnalysisSettings> AnalysisSettingsRepository::load() {
    core::AnalysisSettings s;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM analysis_settings WHERE value IS NOT NULL")))
        return sql::queryError(q);
    while (q.next())
        if (core::AnalysisSettings::isKnown(q.value(0).toString()))
            s.setValue(q.value(0).toString(), q.value(1).toDouble());
    return s;
}

core::Status AnalysisSettingsRepository::setValue(const QString &key, double value) {
    if (!core::AnalysisSettings::isKnown(key))
        return Error{QStringLiteral("Неизвестный порог «%1»").arg(key), {}, -1, -1};
    if (core::Status s = mayEdit(); !s)
        return s;
    if (core::Status s = ensureDefaults(); !s)
        return s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE analysis_settings SET value = ? WHERE key = ?"));
    q.addBindValue(value);
    q.addBindValue(key);
    if (!q.exec())
        return sql::queryError(q);
    return {};
}

core::Status AnalysisSettingsRepository::resetToDefault(const QString &key) {
    if (core::Status s = mayEdit(); !s)
        return s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE analysis_settings SET value = NULL WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sql::queryError(q);
    return {};
}

} // namespace objectivity::storage
