#pragma once
#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace objectivity::gui {

// «Подключиться к серверу»: host, port, database, user, password and the encryption of the
// connection (sslmode) of a PostgreSQL server. Remembers everything but the password in QSettings
// (group «server»); an empty password leaves it to PGPASSWORD or ~/.pgpass.
class ServerConnectDialog : public QDialog {
    Q_OBJECT
public:
    explicit ServerConnectDialog(QWidget *parent = nullptr);
    // postgresql://USER:PASSWORD@HOST:PORT/DB?sslmode=… (with the password: pass it to the
    // database only, never into a message or the settings).
    QString url() const;
    void accept() override;

private:
    QLineEdit *m_host, *m_database, *m_user, *m_password;
    QSpinBox *m_port;
    QComboBox *m_sslMode;
};

} // namespace objectivity::gui
