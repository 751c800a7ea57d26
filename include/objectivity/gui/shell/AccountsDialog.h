#pragma once
#include "objectivity/core/plan/Role.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// «Учётные записи»: the accounts (name, role), add one (name, role, password twice), remove the
// selected one, give it a new password (a forgotten one) or another role — all through
// storage::AccountRepository, which decides who may (an administrator, or anyone while the database
// has none). A refusal is shown in the dialog and changes nothing.
class AccountsDialog : public QDialog {
    Q_OBJECT
public:
    explicit AccountsDialog(storage::Database &db, QWidget *parent = nullptr);

    // The buttons' work, also for tests: false with the reason in errorText().
    bool addAccount(const QString &name, core::Role role, const QString &password,
                    const QString &repeated);
    bool removeAccount(const QString &name);
    bool changePassword(const QString &name, const QString &password, const QString &repeated);
    bool changeRole(const QString &name, core::Role role);
    QString errorText() const;
    QTableWidget *table() const { return m_table; }

    // «Сменить свой пароль…» for whoever is signed in: the current password, then the new one
    // twice (AccountRepository::setPassword on the signed-in account).
    static void changeOwnPassword(storage::Database &db, QWidget *parent);

private:
    void reload();
    QString selectedName();
    void showError(const QString &text);

    storage::Database &m_db;
    QTableWidget *m_table;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLineEdit *m_password;
    QLineEdit *m_repeated;
    QLabel *m_error;
};

} // namespace objectivity::gui
