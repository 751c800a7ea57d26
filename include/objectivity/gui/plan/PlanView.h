#pragma once
#include <QModelIndex>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolBar;
class QTreeView;
class QVBoxLayout;
class QAction;

namespace objectivity::gui {

class FillingColumn;
class PlanEditor;
class PlanFilterProxy;

// The open plan laid out like the printed document: a heading with organization, period, status
// and progress, a filter line, and the table (section rows spanning all columns, in bold).
// Dragging a row moves it (an undoable command through the editor).
class PlanView : public QWidget {
    Q_OBJECT
public:
    explicit PlanView(PlanEditor *editor, QWidget *parent = nullptr);

    void addToolBarActions(const QList<QAction *> &actions);
    // A strip above the filter line (e.g. «План изменён другим пользователем … [Обновить]»).
    void addBanner(QWidget *banner);
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    PlanFilterProxy *proxy() const { return m_proxy; }

    // The current item as an index of the editor's PlanTreeModel (invalid when none).
    QModelIndex currentSourceIndex() const;
    void selectSourceIndex(const QModelIndex &sourceIndex);
    void selectFirstMeasure();
    void focusFilter();
    void resetColumnWidths();

signals:
    void currentChanged(const QModelIndex &sourceIndex);

private:
    void refreshHeader();
    void updateSpans();
    // The plan shown again as stored now: the same measure (or section) stays current.
    void rememberCurrent();
    void restoreCurrent();

    PlanEditor *m_editor;
    PlanFilterProxy *m_proxy;
    QLabel *m_title;
    QLabel *m_info;
    QLabel *m_banner;
    QLineEdit *m_filter;
    QToolBar *m_toolBar;
    QTreeView *m_tree;
    FillingColumn *m_fill = nullptr;
    QVBoxLayout *m_layout = nullptr;
    qint64 m_currentMeasureId = 0;
    qint64 m_currentSectionId = 0;
    int m_currentSection = -1;
    int m_currentMeasure = -1;
};

} // namespace objectivity::gui
