#include "objectivity/gui/shell/AccountsDialog.h"

#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/ServerAccountRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace objectivity::gui {

AccountsDialog::AccountsDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_table(new QTableWidget(0, 2, this)), m_name(new QLineEdit(this)),
      m_role(new QComboBox(this)), m_password(new QLineEdit(this)), m_repeated(new QLineEdit(this)),
      m_error(new QLabel(this)) {
    setWindowTitle(QStringLiteral("Учётные записи"));
    m_table->setHorizontalHeaderLabels({QStringLiteral("Имя"), QStringLiteral("Роль")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (core::Role r : core::Roles::all())
        m_role->addItem(core::Roles::displayName(r), QVariant::fromValue(int(r)));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeated->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *remove = new QPushButton(QStringLiteral("Удалить выбранную"), this);
    auto *password = new QPushButton(QStringLiteral("Сменить пароль…"), this);
    auto *role = new QPushButton(QStringLiteral("Сменить роль…"), this);
    auto *selected = new QHBoxLayout;
    selected->addWidget(password);
    selected->addWidget(role);
    selected->addStretch();
    selected->addWidget(remove);
    auto *add = new QPushButton(QStringLiteral("Добавить"), this);
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Имя:"), m_name);
    form->addRow(QStringLiteral("Роль:"), m_role);
    form->addRow(QStringLiteral("Пароль:"), m_password);
    form->addRow(QStringLiteral("Пароль ещё раз:"), m_repeated);
    form->addRow(QString(), add);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(QStringLiteral("Закрыть"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(selected);
    layout->addWidget(new QLabel(QStringLiteral("Новая учётная запись"), this));
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, [this] {
        if (addAccount(m_name->text(), core::Role(m_role->currentData().toInt()),
                       m_password->text(), m_repeated->text())) {
            m_name->clear();
            m_password->clear();
            m_repeated->clear();
        }
    });
    connect(password, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        if (name.isEmpty())
            return;
        bool ok = false;
        const QString first =
            QInputDialog::getText(this, QStringLiteral("Сменить пароль"),
                                  QStringLiteral("Новый пароль учётной записи «%1»:").arg(name),
                                  QLineEdit::Password, QString(), &ok);
        if (!ok)
            return;
        const QString second = QInputDialog::getText(this, QStringLiteral("Сменить пароль"),
                                                     QStringLiteral("Новый пароль ещё раз:"),
                                                     QLineEdit::Password, QString(), &ok);
        if (ok && changePassword(name, first, second))
            QMessageBox::information(
                this, QStringLiteral("Сменить пароль"),
                QStringLiteral("Пароль учётной записи «%1» изменён.").arg(name));
    });
    connect(role, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        if (name.isEmpty())
            return;
        QStringList names;
        for (core::Role r : core::Roles::all())
            names << core::Roles::displayName(r);
        const int row = m_table->currentRow();
        bool ok = false;
        const QString chosen =
            QInputDialog::getItem(this, QStringLiteral("Сменить роль"),
                                  QStringLiteral("Роль учётной записи «%1»:").arg(name), names,
                                  int(names.indexOf(m_table->item(row, 1)->text())), false, &ok);
        if (ok && names.contains(chosen))
            changeRole(name, core::Roles::all().at(names.indexOf(chosen)));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        if (name.isEmpty())
            return;
        if (QMessageBox::question(this, QStringLiteral("Удалить учётную запись"),
                                  QStringLiteral("Удалить учётную запись «%1»?").arg(name)) ==
            QMessageBox::Yes)
            removeAccount(name);
    });
    resize(460, 480);
    reload();
}

bool AccountsDialog::addAccount(const QString &name, core::Role role, const QString &password,
                                const QString &repeated) {
    if (name.trimmed().isEmpty()) {
        showError(QStringLiteral("Укажите имя учётной записи."));
        return false;
    }
    if (password != repeated) {
        showError(QStringLiteral("Пароли не совпадают: введите пароль ещё раз."));
        return false;
    }
    core::Account account;
    account.name = name.trimmed();
    account.role = role;
    if (core::Status s = storage::AccountRepository(m_db).add(account, password); !s) {
        showError(s.error().message);
        return false;
    }
    showError({});
    reload();
    return true;
}

bool AccountsDialog::removeAccount(const QString &name) {
    if (core::Status s = storage::AccountRepository(m_db).remove(name); !s) {
        showError(s.error().message);
        return false;
    }
    showError({});
    reload();
    return true;
}

bool AccountsDialog::changePassword(const QString &name, const QString &password,
                                    const QString &repeated) {
    if (password != repeated) {
        showError(QStringLiteral("Пароли не совпадают: введите пароль ещё раз."));
        return false;
    }
    if (core::Status s = storage::AccountRepository(m_db).setPassword(name, password); !s) {
        showError(s.error().message);
        return false;
    }
    showError({});
    return true;
}

bool AccountsDialog::changeRole(const QString &name, core::Role role) {
    if (core::Status s = storage::AccountRepository(m_db).setRole(name, role); !s) {
        showError(s.error().message);
        return false;
    }
    showError({});
    reload();
    return true;
}

QString AccountsDialog::selectedName() {
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, 0)) {
        showError(QStringLiteral("Выберите учётную запись в списке."));
        return {};
    }
    return m_table->item(row, 0)->text();
}

void AccountsDialog::changeOwnPassword(storage::Database &db, QWidget *parent) {
    if (!db.actor())
        return;
    const QString title = QStringLiteral("Сменить свой пароль");
    // On a server the account is the login role the connection signed in with (its password was
    // checked then); in a file, the current password is asked again.
    const std::optional<storage::ServerAccount> server =
        storage::ServerAccountRepository::current(db);
    const QString name = server ? server->roleName : db.actor()->name;
    bool ok = false;
    storage::AccountRepository accounts(db);
    if (!server) {
        const QString current = QInputDialog::getText(
            parent, title, QStringLiteral("Текущий пароль учётной записи «%1»:").arg(name),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return;
        if (auto checked = accounts.authenticate(name, current); !checked) {
            QMessageBox::warning(parent, title, checked.error().message);
            return;
        }
    }
    const QString first = QInputDialog::getText(parent, title, QStringLiteral("Новый пароль:"),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    const QString second =
        QInputDialog::getText(parent, title, QStringLiteral("Новый пароль ещё раз:"),
                              QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    if (first != second) {
        QMessageBox::warning(parent, title,
                             QStringLiteral("Пароли не совпадают; пароль не изменён."));
        return;
    }
    const core::Status s = server ? storage::ServerAccountRepository(db).setPassword(name, first)
                                  : accounts.setPassword(name, first);
    if (!s)
        QMessageBox::warning(parent, title, s.error().message);
    else
        QMessageBox::information(parent, title, QStringLiteral("Пароль изменён."));
}

QString AccountsDialog::errorText() const {
    return m_error->text();
}

void AccountsDialog::reload() {
    auto accounts = storage::AccountRepository(m_db).list();
    if (!accounts) {
        showError(accounts.error().message);
        return;
    }
    m_table->setRowCount(int(accounts->size()));
    for (int i = 0; i < accounts->size(); ++i) {
        const core::Account &a = accounts->at(i);
        m_table->setItem(i, 0, new QTableWidgetItem(a.name));
        m_table->setItem(i, 1, new QTableWidgetItem(core::Roles::displayName(a.role)));
    }
}

void AccountsDialog::showError(const QString &text) {
    m_error->setText(text);
}

} // namespace objectivity::gui
