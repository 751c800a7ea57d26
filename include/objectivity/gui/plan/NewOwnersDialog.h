#pragma once
#include "objectivity/storage/plan/Person.h"

#include <QDialog>
#include <QList>

class QTableWidget;

namespace objectivity::gui {

// After an import: the owners of the plan that the staff directory lacks, each with a check box
// (all checked), its kind (сотрудник / роль) and the position read from the owner text, which the
// user may correct. «Добавить в справочник» gives the checked ones back through `chosen()`.
class NewOwnersDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewOwnersDialog(const QList<storage::Person> &people, QWidget *parent = nullptr);
    QList<storage::Person> chosen() const;
    QTableWidget *table() const { return m_table; }

private:
    QList<storage::Person> m_people;
    QTableWidget *m_table;
};

} // namespace objectivity::gui
