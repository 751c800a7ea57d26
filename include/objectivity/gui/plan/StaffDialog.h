#pragma once
#include "objectivity/core/plan/PersonName.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;

namespace objectivity::gui {

class StaffModel;

// «Справочник ответственных»: people and roles with positions. Editing a name renames the owner in
// every measure that names it; the window reloads the open plan afterwards. Below the table, the
// near-duplicate names («Михайлок Е.И.» → «Михайлюк Е.И.») with a one-click merge: the window does
// the merge (mergeRequested) — undoably in the open draft, then in the other drafts and the
// directory — and gives the dialog the new list.
class StaffDialog : public QDialog {
    Q_OBJECT
public:
    explicit StaffDialog(StaffModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }

    // The pairs to point out; each is shown «first» → «second» (merge first into second).
    void setDuplicates(const QList<core::PersonName::NearDuplicate> &pairs);
    QListWidget *duplicatesList() const { return m_duplicates; }
    QPushButton *mergeButton() const { return m_merge; }

signals:
    void mergeRequested(const QString &from, const QString &into);

private:
    void add();
    void removeSelected();
    void mergeSelected();
    void swapSelected();

    StaffModel *m_model;
    QTableView *m_table;
    QLineEdit *m_name;
    QLineEdit *m_position;
    QCheckBox *m_isRole;
    QList<core::PersonName::NearDuplicate> m_pairs;
    QListWidget *m_duplicates;
    QPushButton *m_merge;
};

} // namespace objectivity::gui
