#include "objectivity/gui/common/WrappingItemDelegate.h"

#include <QHeaderView>
#include <QStyle>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace objectivity::gui {

WrappingItemDelegate::WrappingItemDelegate(QTreeView *view)
    : QStyledItemDelegate(view), m_view(view) {
    view->setItemDelegate(this);
    view->setWordWrap(true);
    view->setUniformRowHeights(false);
    // Heights are kept per row until the next layout: lay out again once the widths settle (a
    // drag of a column's edge resizes it many times).
    connect(view->header(), &QHeaderView::sectionResized, this, [this] {
        if (m_layoutPending)
            return;
        m_layoutPending = true;
        QTimer::singleShot(0, this, [this] {
            m_layoutPending = false;
            m_view->doItemsLayout();
        });
    });
}

int WrappingItemDelegate::cellWidth(const QModelIndex &index) const {
    const QHeaderView *header = m_view->header();
    int width = header->sectionSize(index.column());
    const bool treeColumn = header->visualIndex(index.column()) == 0;
    if (treeColumn && m_view->isFirstColumnSpanned(index.row(), index.parent()))
        width = m_view->viewport()->width();
    if (treeColumn) {
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        width -= depth * m_view->indentation();
    }
    // the style leaves a check box out of the width it wraps at; it is drawn beside the text
    if (index.data(Qt::CheckStateRole).isValid()) {
        const QStyle *style = m_view->style();
        width -= style->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, m_view) +
                 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1);
    }
    return std::max(width, 1);
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const {
    QStyleOptionViewItem measured = option;
    measured.rect = QRect(0, 0, cellWidth(index), 1);
    // a little air above and below: rows of several lines otherwise read as one block
    return QStyledItemDelegate::sizeHint(measured, index) + QSize(0, 4);
}

} // namespace objectivity::gui
