#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/common/Result.h"

#include <QSqlDatabase>

namespace objectivity::storage {

// The analysis thresholds in analysis_settings (003_analysis.sql): every key of
// core::AnalysisSettings::definitions() with its default and description; value NULL = default.
class AnalysisSettingsRepository {
public:
    explicit AnalysisSettingsRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Writes the rows missing for known keys (defaults and descriptions refreshed).
    core::Status ensureDefaults();
    core::Result<core::AnalysisSettings> load();
    core::Status setValue(const QString &key, double value);
    core::Status resetToDefault(const QString &key);

private:
    QSqlDatabase m_db;
};

} // namespace objectivity::storage
