#pragma once
#include "objectivity/core/plan/Role.h"
#include "objectivity/io/plan/PlanImporter.h"

#include <optional>

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTreeWidget;
class QListWidget;
class QLabel;

namespace objectivity::gui {

// What an import found, before anything is saved: the title, organization and period, the
// approval data, the tree of sections and measures with each deadline's interpretation, and the
// warnings. «Импортировать» accepts (the caller saves), «Отмена» saves nothing.
class ImportPreviewDialog : public QDialog {
    Q_OBJECT
public:
    // `role`: who imports (empty: a database without accounts). A role that does not approve
    // plans is offered «на утверждении» instead of «утверждён» (ApprovalWorkflow::importStatus).
    explicit ImportPreviewDialog(const io::PlanImport &import,
                                 std::optional<core::Role> role = std::nullopt,
                                 QWidget *parent = nullptr);
    QTreeWidget *tree() const { return m_tree; }
    QListWidget *warnings() const { return m_warnings; }
    QLabel *approvalLabel() const { return m_approval; }

    // The status to save: as the document says (an order named: «утверждён», or «на
    // утверждении» for a role that does not approve), changeable here; then the order number and
    // date (from the document, editable).
    core::PlanStatus status() const;
    core::Approval approval() const;
    QComboBox *statusBox() const { return m_status; }
    QLineEdit *orderEdit() const { return m_order; }
    QDateEdit *orderDateEdit() const { return m_orderDate; }
    // The remark on the order's date shown under it (a mistyped year); empty when none.
    QString dateRemark() const;

private:
    QTreeWidget *m_tree;
    QListWidget *m_warnings;
    QLabel *m_approval;
    core::Approval m_documentApproval;
    QComboBox *m_status;
    QLineEdit *m_order;
    QDateEdit *m_orderDate;
    QLabel *m_dateRemark;
};

} // namespace objectivity::gui
