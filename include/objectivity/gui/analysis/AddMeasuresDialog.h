#pragma once
#include "objectivity/core/plan/MeasureProposal.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// «Добавить меры в план школы»: the measures proposed for a school's findings (checkable; text,
// deadline and owners editable), the target plan (the school's editable plans or «Новый план»)
// and the target section (one of the plan's or the new «Меры по результатам анализа
// объективности ГОД»). Only chooses; FindingMeasures::apply writes.
class AddMeasuresDialog : public QDialog {
    Q_OBJECT
public:
    AddMeasuresDialog(storage::Database &db, const QList<core::MeasureProposal> &proposals,
                      const QString &schoolName, int year, QWidget *parent = nullptr);

    // The checked proposals with the user's edits.
    QList<core::MeasureProposal> chosen() const;
    qint64 planId() const;    // 0: a new plan
    int sectionIndex() const; // -1: the new section
    QString newSectionTitle() const { return m_newSection; }

    QTreeWidget *list() const { return m_list; }
    QComboBox *planCombo() const { return m_plan; }
    QComboBox *sectionCombo() const { return m_section; }

private:
    void fillSections();

    storage::Database &m_db;
    QList<core::MeasureProposal> m_proposals;
    QString m_newSection;
    QTreeWidget *m_list;
    QComboBox *m_plan;
    QComboBox *m_section;
    QLabel *m_error;
};

} // namespace objectivity::gui
