#include "objectivity/gui/plan/NewOwnersDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace objectivity::gui {

NewOwnersDialog::NewOwnersDialog(const QList<storage::Person> &people, QWidget *parent)
    : QDialog(parent), m_people(people), m_table(new QTableWidget(int(people.size()), 3, this)) {
    setWindowTitle(QStringLiteral("Новые ответственные"));
    auto *hint = new QLabel(
        QStringLiteral("В плане указаны ответственные, которых нет в справочнике (%1). Отмеченные "
                       "будут добавлены: их имена будут предлагаться при вводе ответственных, а "
                       "похожие написания — показаны в справочнике.")
            .arg(people.size()),
        this);
    hint->setWordWrap(true);
    m_table->setHorizontalHeaderLabels(
        {QStringLiteral("Имя или роль"), QStringLiteral("Тип"), QStringLiteral("Должность")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < people.size(); ++i) {
        auto *name = new QTableWidgetItem(people[i].name);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Checked);
        auto *kind = new QTableWidgetItem(people[i].isRole ? QStringLiteral("роль")
                                                           : QStringLiteral("сотрудник"));
        kind->setFlags(Qt::ItemIsEnabled);
        auto *position = new QTableWidgetItem(people[i].position);
        position->setFlags(Qt::ItemIsEnabled | Qt::ItemIsEditable);
        m_table->setItem(i, 0, name);
        m_table->setItem(i, 1, kind);
        m_table->setItem(i, 2, position);
    }
    m_table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QStringLiteral("Добавить в справочник"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QStringLiteral("Не добавлять"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

QList<storage::Person> NewOwnersDialog::chosen() const {
    QList<storage::Person> out;
    for (int i = 0; i < m_people.size(); ++i) {
        if (m_table->item(i, 0)->checkState() != Qt::Checked)
            continue;
        storage::Person p = m_people[i];
        p.position = m_table->item(i, 2)->text().trimmed();
        out.append(p);
    }
    return out;
}

} // namespace objectivity::gui
