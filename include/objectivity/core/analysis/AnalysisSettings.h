#pragma once
#include <QList>
#include <QMap>
#include <QString>

namespace objectivity::core {

// One threshold of the analysis: a stable key, its default and a Russian description.
struct AnalysisSetting {
    QString key;
    double defaultValue = 0;
    QString description;
    bool whole = false; // a count, a year span or a switch: no fractional values
};

// The thresholds of every criterion (stored in analysis_settings; see docs/methodology.md).
// Values not set explicitly fall back to their defaults.
class AnalysisSettings {
public:
    static const QList<AnalysisSetting> &definitions();
    static bool isKnown(const QString &key);

    double value(const QString &key) const; // the default for an unset key; 0 for an unknown key
    int intValue(const QString &key) const { return static_cast<int>(value(key)); }
    void setValue(const QString &key, double value) { m_values.insert(key, value); }
    QMap<QString, double> overrides() const { return m_values; }

    // Parses "key=value"; false with a Russian message when the key is unknown or the value is
    // not a number.
    bool setFromText(const QString &assignment, QString *error);

private:
    QMap<QString, double> m_values;
};

} // namespace objectivity::core
