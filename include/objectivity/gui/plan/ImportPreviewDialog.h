#pragma once
#include "objectivity/io/plan/PlanImporter.h"

#include <QDialog>

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
    explicit ImportPreviewDialog(const io::PlanImport &import, QWidget *parent = nullptr);
    QTreeWidget *tree() const { return m_tree; }
    QListWidget *warnings() const { return m_warnings; }
    QLabel *approvalLabel() const { return m_approval; }

private:
    QTreeWidget *m_tree;
    QListWidget *m_warnings;
    QLabel *m_approval;
};

} // namespace objectivity::gui
