#include "objectivity/gui/plan/ColumnsDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace objectivity::gui {

using core::ColumnRole;
using core::PlanColumn;

ColumnsDialog::ColumnsDialog(const QList<PlanColumn> &columns, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this)) {
    setWindowTitle(QStringLiteral("Столбцы плана"));
    auto addItem = [this](ColumnRole role, const QString &heading, bool checked) {
        auto *item = new QListWidgetItem(heading, m_list);
        item->setData(Qt::UserRole, int(role));
        item->setToolTip(QStringLiteral("Содержимое: ") + PlanColumn::defaultHeading(role));
        Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
        if (role != ColumnRole::Measure)
            f |= Qt::ItemIsUserCheckable;
        item->setFlags(f);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    };
    QList<ColumnRole> present;
    for (const auto &c : columns) {
        addItem(c.role, c.heading, true);
        present << c.role;
    }
    for (auto role : {ColumnRole::Number, ColumnRole::Measure, ColumnRole::Deadline,
                      ColumnRole::Owners, ColumnRole::ExpectedResult, ColumnRole::Status,
                      ColumnRole::CompletionDate, ColumnRole::Note})
        if (!present.contains(role))
            addItem(role, PlanColumn::defaultHeading(role), false);

    auto *up = new QPushButton(QStringLiteral("Выше"), this);
    auto *down = new QPushButton(QStringLiteral("Ниже"), this);
    auto *rename = new QPushButton(QStringLiteral("Переименовать"), this);
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(rename, &QPushButton::clicked, this, [this] {
        if (m_list->currentItem())
            m_list->editItem(m_list->currentItem());
    });
    auto *side = new QVBoxLayout;
    side->addWidget(up);
    side->addWidget(down);
    side->addWidget(rename);
    side->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *hint = new QLabel(QStringLiteral("Отметьте нужные столбцы, расставьте их в порядке "
                                           "документа; заголовок меняется двойным щелчком."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Применить"));
    buttons->button(QDialogButtonBox::Cancel)->setText(QStringLiteral("Отмена"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(row);
    layout->addWidget(buttons);
    m_list->setCurrentRow(0);
    resize(460, 360);
}

void ColumnsDialog::moveCurrent(int delta) {
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
}

QList<PlanColumn> ColumnsDialog::columns() const {
    QList<PlanColumn> result;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        const auto role = ColumnRole(item->data(Qt::UserRole).toInt());
        if (role != ColumnRole::Measure && item->checkState() != Qt::Checked)
            continue;
        QString heading = item->text().trimmed();
        if (heading.isEmpty())
            heading = PlanColumn::defaultHeading(role);
        result.append({role, heading});
    }
    return result;
}

} // namespace objectivity::gui
