#pragma once
#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// «Пороговые значения анализа»: every threshold of core::AnalysisSettings with its description,
// current value and default (AnalysisSettingsRepository). «Сохранить» writes the changed ones in
// one transaction (a value equal to the default is stored as "default").
class AnalysisSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit AnalysisSettingsDialog(storage::Database &db, QWidget *parent = nullptr);

    void setValue(const QString &key, double value);
    double value(const QString &key) const;
    bool save();
    QString errorText() const;

private:
    QDoubleSpinBox *spinFor(const QString &key) const;

    storage::Database &m_db;
    QTableWidget *m_table;
    QLabel *m_error;
};

} // namespace objectivity::gui
