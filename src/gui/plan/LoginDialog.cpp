#include "objectivity/gui/plan/LoginDialog.h"

#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace objectivity::gui {

LoginDialog::LoginDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_name(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_error(new QLabel(this)) {
    setWindowTitle(QStringLiteral("Вход — Объективность"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setStyleSheet(QStringLiteral("color: #b03030"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *hint = new QLabel(QStringLiteral("В этой базе есть учётные записи: войдите, чтобы "
                                           "изменять планы. Действия записываются в историю "
                                           "под вашим именем."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Имя:"), m_name);
    form->addRow(QStringLiteral("Пароль:"), m_password);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QStringLiteral("Войти"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(QStringLiteral("Отмена"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

void LoginDialog::accept() {
    auto account =
        storage::AccountRepository(m_db).authenticate(m_name->text(), m_password->text());
    if (!account) {
        m_error->setText(account.error().message);
        m_error->show();
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_db.setActor(account.value());
    QDialog::accept();
}

bool LoginDialog::signIn(storage::Database &db, QWidget *parent) {
    auto count = storage::AccountRepository(db).count();
    if (!count)
        return false;
    if (*count == 0)
        return true;
    LoginDialog dialog(db, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace objectivity::gui
