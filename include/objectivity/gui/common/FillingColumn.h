#pragma once
#include <QObject>

class QAbstractItemView;
class QHeaderView;

namespace objectivity::gui {

// Keeps one column of a view as wide as the room the other columns leave, and never narrower than
// `minimumWidth` (then the view scrolls sideways): the column of long wrapped texts takes what is
// left, so that the columns after it stay on screen. The other columns keep the widths given or
// dragged; when one of them or the view changes its width, the column follows.
// (QHeaderView::Stretch does the same for a fixed column but shrinks it to nothing.)
class FillingColumn : public QObject {
    Q_OBJECT
public:
    FillingColumn(QAbstractItemView *view, QHeaderView *header, int minimumWidth);

    // The column that fills (-1: none, the header's own settings apply).
    void setColumn(int logicalIndex);
    int column() const { return m_column; }
    // Sets the column's width from the room left now.
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    QHeaderView *m_header;
    int m_minimumWidth;
    int m_column = -1;
    bool m_fitting = false;
};

} // namespace objectivity::gui
