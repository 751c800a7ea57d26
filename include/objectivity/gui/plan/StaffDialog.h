#pragma once
#include <QDialog>

class QCheckBox;
class QLineEdit;
class QTableView;

namespace objectivity::gui {

class StaffModel;

// «Справочник ответственных»: people and roles with positions. Editing a name renames the owner in
// every measure that names it; the window reloads the open plan afterwards.
class StaffDialog : public QDialog {
    Q_OBJECT
public:
    explicit StaffDialog(StaffModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }

private:
    void add();
    void removeSelected();

    StaffModel *m_model;
    QTableView *m_table;
    QLineEdit *m_name;
    QLineEdit *m_position;
    QCheckBox *m_isRole;
};

} // namespace objectivity::gui
