#pragma once
#include <QStyledItemDelegate>

class QTreeView;

namespace objectivity::gui {

// Word-wrapped cells of a tree measured at the width they are drawn in. QTreeView asks its
// delegate for a row's height without the column's width, so a long text counted as one line and
// was drawn cut with «…» — unless another cell of the row had a line break of its own, when the
// same text wrapped. This delegate gives the column's width (less the indentation in the tree's
// column; the view's width for a row spanned across the columns) and lays the rows out again when
// a column changes its width.
class WrappingItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // Installs itself as `view`'s delegate.
    explicit WrappingItemDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The width a cell's text is wrapped at.
    int cellWidth(const QModelIndex &index) const;

private:
    QTreeView *m_view;
    bool m_layoutPending = false;
};

} // namespace objectivity::gui
