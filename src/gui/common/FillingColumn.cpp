#include "objectivity/gui/common/FillingColumn.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace objectivity::gui {

FillingColumn::FillingColumn(QAbstractItemView *view, QHeaderView *header, int minimumWidth)
    : QObject(view), m_view(view), m_header(header), m_minimumWidth(minimumWidth) {
    view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int logicalIndex) {
        if (logicalIndex != m_column)
            fit();
    });
}

void FillingColumn::setColumn(int logicalIndex) {
    m_column = logicalIndex;
    // the filling column takes the room the last one would otherwise stretch into
    m_header->setStretchLastSection(logicalIndex < 0);
    fit();
}

void FillingColumn::fit() {
    if (m_fitting || m_column < 0 || m_column >= m_header->count())
        return;
    int others = 0;
    for (int c = 0; c < m_header->count(); ++c)
        if (c != m_column && !m_header->isSectionHidden(c))
            others += m_header->sectionSize(c);
    const int width = std::max(m_minimumWidth, m_view->viewport()->width() - others);
    if (m_header->sectionSize(m_column) == width)
        return;
    m_fitting = true;
    m_header->resizeSection(m_column, width);
    m_fitting = false;
}

bool FillingColumn::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace objectivity::gui
