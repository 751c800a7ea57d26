#include "objectivity/gui/plan/ApprovalDialog.h"

#include "objectivity/core/plan/ApprovalWorkflow.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace objectivity::gui {

ApprovalDialog::ApprovalDialog(const core::Approval &initial, const core::AcademicPeriod &period,
                               QWidget *parent)
    : QDialog(parent), m_initial(initial), m_period(period),
      m_position(new QLineEdit(initial.approverPosition, this)),
      m_name(new QLineEdit(initial.approverName, this)),
      m_order(new QLineEdit(initial.orderNumber, this)), m_date(new QDateEdit(this)),
      m_dateRemark(new QLabel(this)) {
    setWindowTitle(QStringLiteral("Утверждение плана"));
    m_position->setPlaceholderText(QStringLiteral("Директор МАОУ «СОШ № 1»"));
    m_name->setPlaceholderText(QStringLiteral("И.О. Фамилия"));
    m_order->setPlaceholderText(QStringLiteral("32/1"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_date->setDate(initial.orderDate.isValid() ? initial.orderDate : QDate::currentDate());

    auto *hint = new QLabel(QStringLiteral("После утверждения текст плана закрывается для "
                                           "изменений; отмечать выполнение мероприятий можно "
                                           "по-прежнему. Изменения вносятся в новую редакцию."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Должность утверждающего:"), m_position);
    form->addRow(QStringLiteral("Ф. И. О.:"), m_name);
    form->addRow(QStringLiteral("Номер приказа:"), m_order);
    form->addRow(QStringLiteral("Дата приказа:"), m_date);
    m_dateRemark->setWordWrap(true);
    m_dateRemark->setStyleSheet(QStringLiteral("color: #b03020;"));
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(QStringLiteral("Утвердить"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QStringLiteral("Отмена"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_dateRemark);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this, &ApprovalDialog::validate);
    connect(m_position, &QLineEdit::textChanged, this, &ApprovalDialog::validate);
    connect(m_order, &QLineEdit::textChanged, this, &ApprovalDialog::validate);
    connect(m_date, &QDateEdit::dateChanged, this, &ApprovalDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

void ApprovalDialog::validate() {
    const QString remark =
        core::ApprovalWorkflow::orderDateRemark(m_date->date(), m_period, QDate::currentDate());
    m_dateRemark->setText(remark);
    m_dateRemark->setVisible(!remark.isEmpty());
    // the remark takes two or three lines: the dialog grows to show them, and shrinks back
    if (const int h = layout() ? layout()->totalHeightForWidth(width()) : -1; h > 0)
        resize(width(), h);
    // The order's number is required (core::ApprovalWorkflow::approve); the date always has one.
    m_ok->setEnabled(!m_name->text().trimmed().isEmpty() &&
                     !m_position->text().trimmed().isEmpty() &&
                     !m_order->text().trimmed().isEmpty());
}

QString ApprovalDialog::dateRemark() const {
    return m_dateRemark->text();
}

core::Approval ApprovalDialog::approval() const {
    core::Approval a = m_initial;
    a.approverPosition = m_position->text().trimmed();
    a.approverName = m_name->text().trimmed();
    a.orderNumber = m_order->text().trimmed();
    a.orderDate = m_date->date();
    return a;
}

} // namespace objectivity::gui
