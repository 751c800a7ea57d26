#pragma once
#include "objectivity/core/plan/Approval.h"

#include <QDialog>

class QDateEdit;
class QLineEdit;

namespace objectivity::gui {

// «Утвердить…»: who approves the plan (position, name) and the order (number, date).
class ApprovalDialog : public QDialog {
    Q_OBJECT
public:
    explicit ApprovalDialog(const core::Approval &initial, QWidget *parent = nullptr);
    core::Approval approval() const;

    QLineEdit *positionEdit() const { return m_position; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *orderNumberEdit() const { return m_order; }
    QDateEdit *orderDateEdit() const { return m_date; }

private:
    void validate();

    core::Approval m_initial;
    QLineEdit *m_position;
    QLineEdit *m_name;
    QLineEdit *m_order;
    QDateEdit *m_date;
    class QPushButton *m_ok;
};

} // namespace objectivity::gui
