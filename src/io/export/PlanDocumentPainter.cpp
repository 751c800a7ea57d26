#include "objectivity/io/export/PlanDocumentPainter.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanPrintLayout.h"

#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

namespace objectivity::io {

namespace {

using Layout = PlanPrintLayout;

// Where the page body lies on the device: the ГОСТ margins from the sheet's edges, whatever
// margins the device has (the painter's origin is the device's paint rectangle).
struct BodyGeometry {
    explicit BodyGeometry(const QPagedPaintDevice &device) {
        const QPageLayout page = device.pageLayout();
        const int dpi = device.logicalDpiY();
        mm = dpi / 25.4;
        const QRect paintRect = page.paintRectPixels(dpi);
        margins = PlanDocumentBuilder::pageLayout({}).margins(QPageLayout::Millimeter);
        paintTopLeft = paintRect.topLeft();
        origin =
            QPointF(margins.left() * mm - paintRect.left(), margins.top() * mm - paintRect.top());
        // In millimetres from the sheet's size (not its pixels): the same on every device.
        const QSizeF sheet = page.fullRect(QPageLayout::Millimeter).size();
        millimetres = QSizeF(sheet.width() - margins.left() - margins.right(),
                             sheet.height() - margins.top() - margins.bottom());
        size = millimetres * mm;
    }
    double mm = 1;
    QMarginsF margins;
    QPoint paintTopLeft;
    QPointF origin;
    QSizeF size;        // device units
    QSizeF millimetres; // the same
};

class PagePainter {
public:
    PagePainter(QPainter &painter, const Layout &layout) : m_painter(painter), m_layout(layout) {
        m_x.push_back(0);
        for (double w : layout.columnWidths())
            m_x.push_back(m_x.back() + w);
        m_pen = QPen(Qt::black, layout.lineWidth(), Qt::SolidLine, Qt::SquareCap);
    }

    PlanDocumentPainter::PageRecord paint(const Layout::Page &page) {
        PlanDocumentPainter::PageRecord record;
        m_painter.setPen(QPen(Qt::black));
        if (page.approval)
            drawText(*page.approval, QPointF(page.approvalLeft, 0));
        if (page.title)
            drawText(*page.title, QPointF(0, page.titleTop));
        const double pad = m_layout.padding(), padV = m_layout.verticalPadding();
        for (const Layout::Piece &piece : page.pieces) {
            const Layout::Row &row = *piece.row;
            double head = 0;
            if (piece.marker) {
                drawText(*piece.marker,
                         QPointF(m_x[m_layout.markerColumn()] + pad, piece.top + padV));
                head = padV + piece.marker->height;
            }
            const double y = piece.top + head - piece.from + padV;
            for (size_t c = 0; c < row.cells.size(); ++c)
                for (const Layout::Line &line : row.cells[c].lines) {
                    const double top = padV + line.top;
                    if (top < piece.from - 1e-6 || top + line.height > piece.to + 1e-6)
                        continue;
                    line.layout->lineAt(line.index).draw(&m_painter, QPointF(m_x[c] + pad, y));
                    if (row.kind != Layout::RowKind::Header)
                        record.lowestText = std::max(record.lowestText, y + line.bottom());
                }
            record.rows += row.kind != Layout::RowKind::Header;
        }
        record.tableTop = page.tableTop;
        record.tableBottom = page.tableBottom();
        drawGrid(page, record);
        return record;
    }

private:
    void drawText(const Layout::Text &text, const QPointF &at) {
        for (const Layout::Line &line : text.lines)
            line.layout->lineAt(line.index).draw(&m_painter, at);
    }

    // A line above every row, one below the last; the outer edges over the whole table; the
    // column lines over each run of rows that have columns (not across section headings and
    // totals, which span the table).
    void drawGrid(const Layout::Page &page, PlanDocumentPainter::PageRecord &record) {
        m_painter.setPen(m_pen);
        const double right = m_x.back();
        const double top = page.tableTop, bottom = page.tableBottom();
        for (const Layout::Piece &piece : page.pieces)
            m_painter.drawLine(QLineF(0, piece.top, right, piece.top));
        m_painter.drawLine(QLineF(0, bottom, right, bottom));
        record.bottomLine = bottom;
        m_painter.drawLine(QLineF(0, top, 0, bottom));
        m_painter.drawLine(QLineF(right, top, right, bottom));
        const auto hasColumns = [](const Layout::Piece &p) {
            return p.row->kind == Layout::RowKind::Header ||
                   p.row->kind == Layout::RowKind::Measure;
        };
        for (size_t i = 0; i < page.pieces.size();) {
            if (!hasColumns(page.pieces[i])) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j + 1 < page.pieces.size() && hasColumns(page.pieces[j + 1]))
                ++j;
            const double from = page.pieces[i].top, to = page.pieces[j].bottom();
            for (size_t c = 1; c + 1 < m_x.size(); ++c)
                m_painter.drawLine(QLineF(m_x[c], from, m_x[c], to));
            record.verticalsBottom = std::max(record.verticalsBottom, to);
            i = j + 1;
        }
    }

    QPainter &m_painter;
    const Layout &m_layout;
    std::vector<double> m_x; // column edges
    QPen m_pen;
};

} // namespace

QSizeF PlanDocumentPainter::bodyMillimetres(const QPagedPaintDevice &device) {
    return BodyGeometry(device).millimetres;
}

core::Result<int> PlanDocumentPainter::paint(const core::Plan &plan,
                                             const PlanExportOptions &options,
                                             QPagedPaintDevice &device, Stats *stats) {
    const BodyGeometry body(device);
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{QStringLiteral("Не удалось начать печать документа"), {}};
    Layout layout(plan, options, body.millimetres);
    const double scale = device.logicalDpiY() / double(Layout::kDotsPerInch);
    PagePainter pages(painter, layout);
    const QFont numberFont =
        PlanDocumentBuilder::documentFont(PlanDocumentBuilder::kTablePointSize);
    Stats counted;
    Layout::Page page;
    while (layout.next(page)) {
        if (page.number > 0 && !device.newPage()) {
            painter.end();
            return core::Error{QStringLiteral("Не удалось начать новую страницу документа"), {}};
        }
        painter.save();
        painter.translate(body.origin);
        painter.scale(scale, scale);
        counted.records.push_back(pages.paint(page));
        painter.restore();
        if (page.number > 0) {
            // Centred in the top margin, its baseline about 12 mm below the sheet's top edge.
            painter.setPen(QPen(Qt::black));
            painter.setFont(numberFont);
            const QRectF numberRect(body.margins.left() * body.mm - body.paintTopLeft.x(),
                                    7 * body.mm - body.paintTopLeft.y(), body.size.width(),
                                    6 * body.mm);
            painter.drawText(numberRect, Qt::AlignHCenter | Qt::AlignBottom,
                             QString::number(page.number + 1));
        }
        ++counted.pages;
    }
    painter.end();
    const int pageCount = counted.pages;
    if (stats)
        *stats = std::move(counted);
    return pageCount;
}

} // namespace objectivity::io
