#include "objectivity/gui/shell/ServerConnectDialog.h"

#include "objectivity/storage/PostgresUrl.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace objectivity::gui {

namespace {
const QString kGroup = QStringLiteral("server/");
} // namespace

ServerConnectDialog::ServerConnectDialog(QWidget *parent)
    : QDialog(parent), m_host(new QLineEdit(this)), m_database(new QLineEdit(this)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_sslMode(new QComboBox(this)) {
    setWindowTitle(QStringLiteral("Подключиться к серверу"));
    m_host->setObjectName(QStringLiteral("host"));
    m_database->setObjectName(QStringLiteral("database"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    QSettings settings;
    m_host->setText(settings.value(kGroup + QStringLiteral("host")).toString());
    m_host->setPlaceholderText(QStringLiteral("например, db.uo.local"));
    m_port->setRange(1, 65535);
    m_port->setValue(settings.value(kGroup + QStringLiteral("port"), 5432).toInt());
    m_database->setText(
        settings.value(kGroup + QStringLiteral("database"), QStringLiteral("objectivity"))
            .toString());
    m_user->setText(settings.value(kGroup + QStringLiteral("user")).toString());
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(QStringLiteral("пусто — из PGPASSWORD или ~/.pgpass"));
    const std::pair<const char *, QString> modes[] = {
        {"disable", QStringLiteral("без шифрования")},
        {"prefer", QStringLiteral("шифровать, если сервер умеет")},
        {"require", QStringLiteral("только с шифрованием")},
        {"verify-full", QStringLiteral("с шифрованием и проверкой сертификата сервера")}};
    for (const auto &[code, text] : modes)
        m_sslMode->addItem(text, QString::fromLatin1(code));
    const int mode = m_sslMode->findData(
        settings.value(kGroup + QStringLiteral("sslmode"), QStringLiteral("prefer")).toString());
    m_sslMode->setCurrentIndex(mode >= 0 ? mode : 1);

    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(QStringLiteral("Общая база управления образованием на сервере "
                                            "PostgreSQL. Адрес, имя базы и пользователя сообщит "
                                            "администратор сервера."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(QStringLiteral("Сервер:"), m_host);
    form->addRow(QStringLiteral("Порт:"), m_port);
    form->addRow(QStringLiteral("База данных:"), m_database);
    form->addRow(QStringLiteral("Пользователь:"), m_user);
    form->addRow(QStringLiteral("Пароль:"), m_password);
    form->addRow(QStringLiteral("Шифрование:"), m_sslMode);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Подключиться"));
    buttons->button(QDialogButtonBox::Cancel)->setText(QStringLiteral("Отмена"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(460);
}

QString ServerConnectDialog::url() const {
    storage::PostgresUrl url;
    url.host = m_host->text().trimmed();
    url.port = m_port->value();
    url.database = m_database->text().trimmed();
    url.user = m_user->text().trimmed();
    url.password = m_password->text();
    url.sslMode = m_sslMode->currentData().toString();
    return url.toString(true);
}

void ServerConnectDialog::accept() {
    QString missing;
    if (m_host->text().trimmed().isEmpty())
        missing = QStringLiteral("адрес сервера");
    else if (m_database->text().trimmed().isEmpty())
        missing = QStringLiteral("имя базы данных");
    else if (m_user->text().trimmed().isEmpty())
        missing = QStringLiteral("имя пользователя");
    if (!missing.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), QStringLiteral("Укажите %1.").arg(missing));
        return;
    }
    QSettings settings; // everything but the password
    settings.setValue(kGroup + QStringLiteral("host"), m_host->text().trimmed());
    settings.setValue(kGroup + QStringLiteral("port"), m_port->value());
    settings.setValue(kGroup + QStringLiteral("database"), m_database->text().trimmed());
    settings.setValue(kGroup + QStringLiteral("user"), m_user->text().trimmed());
    settings.setValue(kGroup + QStringLiteral("sslmode"), m_sslMode->currentData().toString());
    QDialog::accept();
}

} // namespace objectivity::gui
