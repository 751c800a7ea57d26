#pragma once
#include "objectivity/core/common/Result.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

class MarkScaleModel;

// «Шкалы отметок»: the mark scales per procedure, year, grade and subject (boundaries of «3»,
// «4», «5»; the ЕГЭ minimum test score), edited in the table. Nothing is written until
// «Сохранить», which checks every row (Russian message, the row selected) and writes all the
// changes in one transaction; «Отменить изменения» rereads the database.
class MarkScaleDialog : public QDialog {
    Q_OBJECT
public:
    explicit MarkScaleDialog(storage::Database &db, QWidget *parent = nullptr);

    MarkScaleModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString errorText() const;

    core::Status reload();
    // Validates and writes; false (with the message shown) when a row is wrong or the write fails.
    bool save();
    void addScale();
    void removeCurrent();
    void setKindFilter(const QString &kind); // "" = all

protected:
    void reject() override;

private:
    void showError(const QString &text, int row);
    void updateButtons();

    storage::Database &m_db;
    MarkScaleModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_kind;
    QLabel *m_error;
    QPushButton *m_save, *m_revert;
    bool m_readOnly = false; // the signed-in role may not change scales
};

} // namespace objectivity::gui
