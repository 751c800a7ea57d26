#pragma once
#include "objectivity/core/plan/PlanColumn.h"

#include <QDialog>

class QListWidget;

namespace objectivity::gui {

// «Столбцы…»: which columns the plan has, in what order, with what headings (double-click or F2
// renames a heading). The «Мероприятия» column cannot be removed.
class ColumnsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ColumnsDialog(const QList<core::PlanColumn> &columns, QWidget *parent = nullptr);
    QList<core::PlanColumn> columns() const;
    QListWidget *list() const { return m_list; }
    void moveCurrent(int delta);

private:
    QListWidget *m_list;
};

} // namespace objectivity::gui
