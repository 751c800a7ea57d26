#pragma once
#include "objectivity/core/common/AcademicPeriod.h"
#include "objectivity/core/plan/Approval.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;

namespace objectivity::gui {

// «Утвердить…»: who approves the plan (position, name) and the order (number, date). A date that
// looks mistyped — still to come, after the plan's period or long before it — is pointed out under
// the form (ApprovalWorkflow::orderDateRemark); it does not stop the approval.
class ApprovalDialog : public QDialog {
    Q_OBJECT
public:
    explicit ApprovalDialog(const core::Approval &initial,
                            const core::AcademicPeriod &period = core::AcademicPeriod(),
                            QWidget *parent = nullptr);
    core::Approval approval() const;
    // The remark on the order's date shown now (empty when there is none).
    QString dateRemark() const;

    QLineEdit *positionEdit() const { return m_position; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *orderNumberEdit() const { return m_order; }
    QDateEdit *orderDateEdit() const { return m_date; }

private:
    void validate();

    core::Approval m_initial;
    core::AcademicPeriod m_period;
    QLineEdit *m_position;
    QLineEdit *m_name;
    QLineEdit *m_order;
    QDateEdit *m_date;
    QLabel *m_dateRemark;
    class QPushButton *m_ok;
};

} // namespace objectivity::gui
