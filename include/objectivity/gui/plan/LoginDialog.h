#pragma once
#include <QDialog>

class QLabel;
class QLineEdit;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// «Вход»: the account's name and password, asked at start when the database has accounts. A
// wrong name or password is said inside the dialog; the dialog stays open.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    LoginDialog(storage::Database &db, QWidget *parent = nullptr);

    // Signs in on `db` (Database::setActor). True when the database has no accounts (nothing to
    // do) or the user signed in; false when cancelled or the accounts cannot be read.
    static bool signIn(storage::Database &db, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }

public slots:
    void accept() override;

private:
    storage::Database &m_db;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace objectivity::gui
