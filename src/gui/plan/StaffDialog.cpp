#include "objectivity/gui/plan/StaffDialog.h"

#include "objectivity/gui/shell/ErrorMessage.h"

#include "objectivity/gui/plan/StaffModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace objectivity::gui {

StaffDialog::StaffDialog(StaffModel *model, QWidget *parent)
    : QDialog(parent), m_model(model), m_table(new QTableView(this)), m_name(new QLineEdit(this)),
      m_position(new QLineEdit(this)), m_isRole(new QCheckBox(QStringLiteral("роль"), this)) {
    setWindowTitle(QStringLiteral("Справочник ответственных"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(StaffModel::NameColumn, 280);
    m_table->setColumnWidth(StaffModel::PositionColumn, 220);
    m_table->setColumnWidth(StaffModel::KindColumn, 110);
    m_name->setPlaceholderText(QStringLiteral("И.О. Фамилия или роль"));
    m_position->setPlaceholderText(QStringLiteral("должность"));

    auto *hint = new QLabel(QStringLiteral("Двойной щелчок по имени — переименовать: новое имя "
                                           "появится во всех мероприятиях, где указан этот "
                                           "ответственный."),
                            this);
    hint->setWordWrap(true);
    auto *addButton = new QPushButton(QStringLiteral("Добавить"), this);
    auto *removeButton = new QPushButton(QStringLiteral("Удалить"), this);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_name, 2);
    addRow->addWidget(m_position, 2);
    addRow->addWidget(m_isRole);
    addRow->addWidget(addButton);
    addRow->addWidget(removeButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(QStringLiteral("Закрыть"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(addButton, &QPushButton::clicked, this, &StaffDialog::add);
    connect(m_name, &QLineEdit::returnPressed, this, &StaffDialog::add);
    connect(removeButton, &QPushButton::clicked, this, &StaffDialog::removeSelected);
    connect(model, &StaffModel::failed, this,
            [this](const QString &message) { QMessageBox::warning(this, windowTitle(), message); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addLayout(addRow);
    layout->addWidget(buttons);
    resize(760, 480);
}

void StaffDialog::add() {
    storage::Person p;
    p.name = m_name->text();
    p.position = m_position->text().trimmed();
    p.isRole = m_isRole->isChecked();
    auto row = m_model->addPerson(p);
    if (!row) {
        ErrorMessage::show(this, windowTitle(), row.error());
        return;
    }
    m_name->clear();
    m_position->clear();
    m_table->selectRow(row.value());
}

void StaffDialog::removeSelected() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const auto &p = m_model->people().at(current.row());
    if (QMessageBox::question(this, windowTitle(),
                              QStringLiteral("Удалить «%1» из справочника? В мероприятиях имя "
                                             "останется как текст.")
                                  .arg(p.name)) != QMessageBox::Yes)
        return;
    auto st = m_model->removePerson(current.row());
    if (!st)
        ErrorMessage::show(this, windowTitle(), st.error());
}

} // namespace objectivity::gui
