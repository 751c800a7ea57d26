#include "objectivity/io/export/PlanDocumentPainter.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"

#include <QAbstractTextDocumentLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <cmath>
#include <vector>

namespace objectivity::io {

namespace {

// The document laid out for the target: one pass when it was built for it (PlanDocumentBuilder::
// LayoutTarget), else it is laid out again here (two passes: with a null page size, 0×0, the layout
// does nothing until the real one is set; an invalid QSizeF() would be an endless page).
int layOut(QTextDocument &document, const PlanDocumentPainter::Target &target) {
    if (document.pageSize() != target.bodySize ||
        document.documentLayout()->paintDevice() != target.device) {
        document.setPageSize(QSizeF(0, 0));
        document.documentLayout()->setPaintDevice(target.device);
        document.setPageSize(target.bodySize);
    }
    return document.pageCount();
}

// The plan's table: the one with the most rows (the approval block is a table of one row).
QTextTable *mainTable(const QTextDocument &document) {
    QTextTable *best = nullptr;
    for (QTextFrame *frame : document.rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            if (!best || table->rows() > best->rows())
                best = table;
    return best;
}

// The top of the first paragraph of a row, in document coordinates.
qreal rowTop(QTextDocument &document, QTextTable *table, int row) {
    const QTextBlock block = table->cellAt(row, 0).firstCursorPosition().block();
    return document.documentLayout()->blockBoundingRect(block).top();
}

class PagePainter {
public:
    PagePainter(QPainter &painter, QPagedPaintDevice &device, const QPageLayout &page)
        : m_painter(painter), m_device(device) {
        const int dpi = device.logicalDpiY();
        m_mm = dpi / 25.4;
        // Where the painter's origin is on the sheet (the device's own margins).
        const QRect paintRect = page.paintRectPixels(dpi);
        const QRect fullRect = page.fullRectPixels(dpi);
        m_margins = PlanDocumentBuilder::pageLayout({}).margins(QPageLayout::Millimeter);
        m_paintTopLeft = paintRect.topLeft();
        m_bodyOrigin = QPointF(m_margins.left() * m_mm - paintRect.left(),
                               m_margins.top() * m_mm - paintRect.top());
        // The height a whole number of the layout's fixed-point steps (1/64 of a device unit, less
        // than 0.02 of a unit shorter): its pages then start at the same places whether it counts
        // them in fixed or floating point, which the slices below rely on.
        const qreal height = fullRect.height() - (m_margins.top() + m_margins.bottom()) * m_mm;
        m_bodySize = QSizeF(fullRect.width() - (m_margins.left() + m_margins.right()) * m_mm,
                            std::floor(height * 64) / 64);
        m_numberFont = PlanDocumentBuilder::documentFont(PlanDocumentBuilder::kTablePointSize);
    }

    const QSizeF &bodySize() const { return m_bodySize; }

    // Paints page `page` of the result from page `from` of `document`.
    bool paint(QTextDocument &document, int from, int page) {
        if (page > 0 && !m_device.newPage())
            return false;
        m_painter.save();
        m_painter.translate(m_bodyOrigin.x(), m_bodyOrigin.y() - from * m_bodySize.height());
        const QRectF clip(0, from * m_bodySize.height(), m_bodySize.width(), m_bodySize.height());
        m_painter.setClipRect(clip);
        document.drawContents(&m_painter, clip);
        m_painter.restore();
        if (page > 0) {
            // Centred in the top margin, its baseline about 12 mm below the sheet's top edge.
            m_painter.setFont(m_numberFont);
            const QRectF numberRect(m_margins.left() * m_mm - m_paintTopLeft.x(),
                                    7 * m_mm - m_paintTopLeft.y(), m_bodySize.width(), 6 * m_mm);
            m_painter.drawText(numberRect, Qt::AlignHCenter | Qt::AlignBottom,
                               QString::number(page + 1));
        }
        return true;
    }

private:
    QPainter &m_painter;
    QPagedPaintDevice &m_device;
    qreal m_mm = 1;
    QMarginsF m_margins;
    QPointF m_paintTopLeft;
    QPointF m_bodyOrigin;
    QSizeF m_bodySize;
    QFont m_numberFont;
};

// Slices of the whole document's table: which rows each needs and how far down to move them.
class Slicer {
public:
    Slicer(QTextDocument &document, const PlanDocumentPainter::Target &target,
           const PlanDocumentPainter::RowsBuilder &rows)
        : m_target(target), m_rows(rows), m_pageHeight(target.bodySize.height()),
          m_table(mainTable(document)) {
        if (!m_table)
            return;
        m_tops.reserve(m_table->rows());
        for (int r = 0; r < m_table->rows(); ++r)
            m_tops.push_back(rowTop(document, m_table, r));
    }

    struct Slice {
        std::unique_ptr<QTextDocument> document;
        int firstPage = 0; // the whole document's page that is the slice's page 0
    };

    // A slice holding pages first..last of the whole document, or none when it cannot be made
    // to match them exactly.
    Slice make(int first, int last) {
        if (!m_table || !m_rows || m_tops.size() < 3)
            return {};
        // The first row: the last one that starts before page `first` far enough down its page
        // to leave room for the spacer and the table's own header above it.
        const auto begin = m_tops.begin() + 1;
        int s =
            int(std::lower_bound(begin, m_tops.end(), first * m_pageHeight) - m_tops.begin()) - 1;
        while (s >= 1 && offsetInPage(m_tops[s]) < m_minOffset)
            --s;
        // The last row: the first one that starts after page `last` (or the table's last).
        int e =
            int(std::lower_bound(begin, m_tops.end(), (last + 1) * m_pageHeight) - m_tops.begin());
        e = std::min(e, int(m_tops.size()) - 1);
        if (s < 1 || e <= s)
            return {};

        // The spacer's line height moves the table down (the layout scales it to the device):
        // learnt on the first slice, then each slice is built with the right one.
        const qreal offset = offsetInPage(m_tops[s]);
        if (m_natural > 0 && offset < m_natural)
            return {};
        const qreal spacer = m_natural > 0 ? kSpacer + (offset - m_natural) / m_scale : kSpacer;
        Slice slice{m_rows(s, e, spacer, m_target), pageOf(m_tops[s])};
        if (!slice.document)
            return {};
        layOut(*slice.document, m_target);
        QTextTable *table = mainTable(*slice.document);
        if (!table || table->rows() != e - s + 2)
            return {};
        const auto setSpacer = [&](qreal height) {
            QTextCursor cursor(slice.document->begin());
            QTextBlockFormat format = cursor.blockFormat();
            format.setLineHeight(height, QTextBlockFormat::FixedHeight);
            cursor.setBlockFormat(format);
            return rowTop(*slice.document, table, 1);
        };
        if (m_natural <= 0) {
            m_natural = rowTop(*slice.document, table, 1);
            m_scale = (setSpacer(kSpacer + 10) - m_natural) / 10;
            m_minOffset = m_natural;
            if (m_scale <= 0 || offset < m_natural)
                return {};
            setSpacer(kSpacer + (offset - m_natural) / m_scale);
        }
        const qreal got = rowTop(*slice.document, table, 1);
        if (std::abs(got - offset) > kStep)
            setSpacer(slice.document->begin().blockFormat().lineHeight() +
                      (offset - got) / m_scale);
        // Every row at the same place of the same page, or no slice (then the pages come from the
        // whole document).
        const qreal shift = slice.firstPage * m_pageHeight;
        for (int r = s; r <= e; ++r) {
            const qreal want = m_tops[r] - shift;
            const qreal at = rowTop(*slice.document, table, r - s + 1);
            if (std::abs(at - want) > kTolerance || pageOf(at) != pageOf(want))
                return {};
        }
        return slice;
    }

private:
    int pageOf(qreal y) const { return int(std::floor(y / m_pageHeight)); }
    qreal offsetInPage(qreal y) const { return y - pageOf(y) * m_pageHeight; }

    PlanDocumentPainter::Target m_target;
    const PlanDocumentPainter::RowsBuilder &m_rows;
    qreal m_pageHeight;
    QTextTable *m_table;
    std::vector<qreal> m_tops;                    // per row of the whole table
    static constexpr qreal kSpacer = 1;           // the spacer's line height before it is known
    static constexpr qreal kTolerance = 1.0 / 16; // floating-point noise, not a layout change
    // One fixed-point step of the layout (1/64 of a device unit): the spacer's height is rounded
    // to it, so row 1 may land a step off the wanted place (seen: a step above, in 20 of 33
    // slices); laying the slice out again for that step would cost more than the shift is worth
    // (1/38,400 inch at 600 dpi; every row's place and page are still checked below).
    static constexpr qreal kStep = 1.0 / 64 + 1e-9;
    qreal m_minOffset = 0; // where row 1 of a slice starts with the smallest spacer
    qreal m_natural = 0;   // the same, learnt from the first slice
    qreal m_scale = 0;     // device units per unit of the spacer's line height
};

} // namespace

core::Result<int> PlanDocumentPainter::paint(const DocumentBuilder &build,
                                             QPagedPaintDevice &device, const RowsBuilder &rows,
                                             Stats *stats, int sliceFromPages) {
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{QStringLiteral("Не удалось начать печать документа"), {}};
    PagePainter pages(painter, device, device.pageLayout());
    const Target target{&device, pages.bodySize()};
    const std::unique_ptr<QTextDocument> built = build ? build(target) : nullptr;
    if (!built) {
        painter.end();
        return core::Error{QStringLiteral("Не удалось подготовить документ к печати"), {}};
    }
    QTextDocument &document = *built;
    const int pageCount = layOut(document, target);

    Stats counted;
    std::unique_ptr<Slicer> slicer;
    if (rows && pageCount > std::max(sliceFromPages, kPagesPerSlice))
        slicer = std::make_unique<Slicer>(document, target, rows);
    for (int first = 0; first < pageCount; first += kPagesPerSlice) {
        const int last = std::min(pageCount, first + kPagesPerSlice) - 1;
        Slicer::Slice slice;
        if (slicer && first > 0)
            slice = slicer->make(first, last);
        QTextDocument &source = slice.document ? *slice.document : document;
        const int sourcePages = slice.document ? source.pageCount() : pageCount;
        counted.slices += slice.document ? 1 : 0;
        for (int page = first; page <= last; ++page) {
            if (!pages.paint(source, page - slice.firstPage, page)) {
                painter.end();
                return core::Error{QStringLiteral("Не удалось начать новую страницу документа"),
                                   {}};
            }
            ++counted.pages;
            counted.pagesWalked += sourcePages;
        }
    }
    painter.end();
    if (stats)
        *stats = counted;
    return pageCount;
}

} // namespace objectivity::io
