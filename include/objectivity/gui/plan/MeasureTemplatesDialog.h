#pragma once
#include "objectivity/core/plan/MeasureTemplate.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// «Справочники → Шаблоны мер по признакам…»: the measures proposed for each criterion of the
// analysis, as a table (criterion, measure, owners, deadline, expected result) with placeholders
// {предмету}, {класс}, {процедура}, {год}, {год+1}; add, remove, restore the built-in ones. Saved
// in one transaction on «Сохранить» (storage::FindingLinkRepository::saveTemplates).
class MeasureTemplatesDialog : public QDialog {
    Q_OBJECT
public:
    explicit MeasureTemplatesDialog(storage::Database &db, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The templates as the table shows them.
    QList<core::MeasureTemplate> templates() const;
    void setTemplates(const QList<core::MeasureTemplate> &templates);
    void addRow(const QString &criterion);
    // Saves; false (the error shown in the dialog) when the database refused.
    bool save();

private:
    storage::Database &m_db;
    QTableWidget *m_table;
    QComboBox *m_criterion;
    QLabel *m_error;
};

} // namespace objectivity::gui
