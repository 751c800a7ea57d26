#include "objectivity/gui/plan/StaffDialog.h"

#include "objectivity/gui/shell/ErrorMessage.h"

#include "objectivity/gui/plan/StaffModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace objectivity::gui {

StaffDialog::StaffDialog(StaffModel *model, QWidget *parent)
    : QDialog(parent), m_model(model), m_table(new QTableView(this)), m_name(new QLineEdit(this)),
      m_position(new QLineEdit(this)), m_isRole(new QCheckBox(QStringLiteral("роль"), this)),
      m_duplicates(new QListWidget(this)),
      m_merge(new QPushButton(QStringLiteral("Объединить"), this)) {
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

    auto *dupLabel = new QLabel(QStringLiteral("Похожие имена — возможно, один человек записан по-"
                                               "разному. «Объединить» заменит первое имя вторым "
                                               "в черновиках планов и в справочнике (утверждённые "
                                               "планы не меняются):"),
                                this);
    dupLabel->setWordWrap(true);
    dupLabel->setObjectName(QStringLiteral("duplicatesLabel"));
    m_duplicates->setMaximumHeight(110);
    auto *swap = new QPushButton(QStringLiteral("Поменять местами"), this);
    swap->setObjectName(QStringLiteral("swapButton"));
    auto *dupRow = new QHBoxLayout;
    dupRow->addWidget(m_duplicates, 1);
    auto *dupButtons = new QVBoxLayout;
    dupButtons->addWidget(m_merge);
    dupButtons->addWidget(swap);
    dupButtons->addStretch(1);
    dupRow->addLayout(dupButtons);
    connect(m_merge, &QPushButton::clicked, this, &StaffDialog::mergeSelected);
    connect(swap, &QPushButton::clicked, this, &StaffDialog::swapSelected);
    connect(m_duplicates, &QListWidget::itemDoubleClicked, this, &StaffDialog::mergeSelected);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addLayout(addRow);
    layout->addWidget(dupLabel);
    layout->addLayout(dupRow);
    layout->addWidget(buttons);
    setDuplicates({});
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

void StaffDialog::setDuplicates(const QList<core::PersonName::NearDuplicate> &pairs) {
    m_pairs = pairs;
    m_duplicates->clear();
    for (const auto &p : pairs)
        m_duplicates->addItem(QStringLiteral("«%1» → «%2» (%3)").arg(p.first, p.second, p.reason));
    if (pairs.isEmpty())
        m_duplicates->addItem(QStringLiteral("Похожих имён не найдено."));
    m_duplicates->setCurrentRow(0);
    m_merge->setEnabled(!pairs.isEmpty());
}

void StaffDialog::mergeSelected() {
    const int row = m_duplicates->currentRow();
    if (row < 0 || row >= m_pairs.size())
        return;
    emit mergeRequested(m_pairs[row].first, m_pairs[row].second);
}

void StaffDialog::swapSelected() {
    const int row = m_duplicates->currentRow();
    if (row < 0 || row >= m_pairs.size())
        return;
    std::swap(m_pairs[row].first, m_pairs[row].second);
    const auto &p = m_pairs[row];
    m_duplicates->item(row)->setText(
        QStringLiteral("«%1» → «%2» (%3)").arg(p.first, p.second, p.reason));
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
