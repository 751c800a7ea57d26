#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/common/Result.h"

#include <QSqlDatabase>

namespace objectivity::storage {

class Database;

// The analysis thresholds in analysis_settings (003_analysis.sql): every key of
// core::AnalysisSettings::definitions() with its default and description; value NULL = default.
// setValue and resetToDefault are core::DataAction::EditAnalysisSettings: through a Database, the
// signed-in role decides; through a bare connection (a worker thread), they are refused once the
// database has accounts.
class AnalysisSettingsRepository {
public:
    explicit AnalysisSettingsRepository(QSqlDatabase db) : m_db(std::move(db)) {}
    explicit AnalysisSettingsRepository(Database &db);

    // Writes the rows missing for known keys (defaults and descriptions refreshed).
    core::Status ensureDefaults();
    core::Result<core::AnalysisSettings> load();
    core::Status setValue(const QString &key, double value);
    core::Status resetToDefault(const QString &key);

private:
    core::Status mayEdit();
    QSqlDatabase m_db;
    Database *m_database = nullptr;
};

} // namespace objectivity::storage
