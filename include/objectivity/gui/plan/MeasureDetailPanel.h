#pragma once
#include "objectivity/core/plan/Measure.h"

#include <QPersistentModelIndex>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;

namespace objectivity::gui {

class OwnersEdit;
class PlanEditor;

// The selected measure in full: text, deadline with its interpretation shown as it is typed,
// owners (completed from the staff directory), expected result, and its execution: status,
// completion date, evidence. Every change is an undo command through the editor. A section shows
// its title. On an approved plan the text fields are read-only; execution stays editable.
class MeasureDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit MeasureDetailPanel(PlanEditor *editor, QWidget *parent = nullptr);

    void setCurrent(const QModelIndex &sourceIndex); // an index of the editor's model
    void setOwnerNames(const QStringList &names);
    // The source of a measure added from the analysis («Основание: признак …»), shown under the
    // heading; empty for a measure that answers no finding.
    void setBasisProvider(std::function<QString(qint64 measureId)> provider) {
        m_basis = std::move(provider);
    }

    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *deadlineEdit() const { return m_deadline; }
    QLabel *deadlineInterpretation() const { return m_deadlineInfo; }
    OwnersEdit *ownersEdit() const { return m_owners; }
    QComboBox *statusCombo() const { return m_status; }
    QDateEdit *completionDateEdit() const { return m_completion; }
    QLineEdit *sectionTitleEdit() const { return m_sectionTitle; }
    // The problems of the deadline (before the approval, outside the period), hidden when none.
    QLabel *deadlineProblems() const { return m_deadlineProblems; }
    // One row per window of a recurring measure: «август 2025» | status | date | evidence; hidden
    // for a measure with one window.
    QTableWidget *windowTable() const { return m_windows; }

private:
    QWidget *buildMeasurePage();
    void refresh();
    void applyReadOnly();
    bool currentMeasure(int *section, int *measure) const;
    void edit(int field, const QVariant &value);
    void showDeadlineProblems(const core::Deadline &deadline);
    void refreshWindows(const core::Measure &m);
    void markWindow(int row);

    PlanEditor *m_editor;
    QPersistentModelIndex m_current;
    bool m_updating = false;
    QStackedWidget *m_pages;
    QLabel *m_heading;
    QLineEdit *m_sectionTitle;
    QPlainTextEdit *m_text;
    QLineEdit *m_deadline;
    QLabel *m_deadlineInfo;
    QLabel *m_deadlineProblems;
    QLabel *m_windowsLabel;
    QTableWidget *m_windows;
    OwnersEdit *m_owners;
    QPlainTextEdit *m_expected;
    QComboBox *m_status;
    QDateEdit *m_completion;
    QPlainTextEdit *m_note;
    std::function<QString(qint64)> m_basis;
};

} // namespace objectivity::gui
