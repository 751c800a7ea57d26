#include "objectivity/io/export/PlanDocumentPainter.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"

#include <QAbstractTextDocumentLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextDocument>

namespace objectivity::io {

core::Result<int> PlanDocumentPainter::paint(QTextDocument &document, QPagedPaintDevice &device) {
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{QStringLiteral("Не удалось начать печать документа"), {}};

    const int dpi = device.logicalDpiY();
    const auto mm = [dpi](qreal v) { return v * dpi / 25.4; };
    const QPageLayout pageLayout = device.pageLayout();
    // Where the painter's origin is on the sheet (the device's own margins).
    const QRect paintRect = pageLayout.paintRectPixels(dpi);
    const QRect fullRect = pageLayout.fullRectPixels(dpi);
    const QMarginsF margins = PlanDocumentBuilder::pageLayout({}).margins(QPageLayout::Millimeter);
    const QPointF bodyOrigin(mm(margins.left()) - paintRect.left(),
                             mm(margins.top()) - paintRect.top());
    const QSizeF bodySize(fullRect.width() - mm(margins.left()) - mm(margins.right()),
                          fullRect.height() - mm(margins.top()) - mm(margins.bottom()));

    document.documentLayout()->setPaintDevice(&device);
    document.setPageSize(bodySize);
    const int pageCount = document.pageCount();

    QFont numberFont = PlanDocumentBuilder::documentFont(PlanDocumentBuilder::kTablePointSize);
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0 && !device.newPage()) {
            painter.end();
            return core::Error{QStringLiteral("Не удалось начать новую страницу документа"), {}};
        }
        painter.save();
        painter.translate(bodyOrigin.x(), bodyOrigin.y() - page * bodySize.height());
        const QRectF clip(0, page * bodySize.height(), bodySize.width(), bodySize.height());
        painter.setClipRect(clip);
        document.drawContents(&painter, clip);
        painter.restore();
        if (page > 0) {
            // Centred in the top margin, its baseline about 12 mm below the sheet's top edge.
            painter.setFont(numberFont);
            const QRectF numberRect(mm(margins.left()) - paintRect.left(), mm(7) - paintRect.top(),
                                    bodySize.width(), mm(6));
            painter.drawText(numberRect, Qt::AlignHCenter | Qt::AlignBottom,
                             QString::number(page + 1));
        }
    }
    painter.end();
    return pageCount;
}

} // namespace objectivity::io
