#pragma once
#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"
#include "objectivity/io/export/PlanExportTable.h"

#include <QFont>
#include <QList>
#include <QSizeF>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QImage;
class QPaintDevice;
class QTextLayout;

namespace objectivity::io {

// The printed form of a plan laid out for a paint device, page by page, without QTextDocument:
// every cell's text is laid out once (QTextLayout, kept for painting), rows are measured from
// their cells and placed on pages. The approval block top right and the centred title open the
// first page; the table's header row opens every page; a row goes whole to the next page when it
// does not fit, and is split between lines only when it is taller than a page (its next part
// then starts with «(продолжение …)»); a section heading is not left alone at the bottom of a
// page. Column widths come from the content (PlanColumnWidths). The layout does not depend on the
// device: it is made at kDotsPerInch (a reference image of that resolution measures the fonts) and
// the painter scales it, so the print preview on a 1200-dpi printer has the same pages as the PDF.
// Coordinates are in those units, relative to the top left corner of the page body. Pages are
// produced one at a time (next()), so only the rows of one page are held: memory does not grow with
// the plan.
class PlanPrintLayout {
public:
    enum class RowKind { Header, Section, Measure, SectionTotals, PlanTotals };

    // A line of text, laid out at (0, top) of its block.
    struct Line {
        QTextLayout *layout = nullptr;
        int index = 0;
        double top = 0;
        double height = 0;
        double bottom() const { return top + height; }
    };
    // A block of text (a cell, the title, the approval block): its paragraphs laid out once.
    struct Text {
        std::vector<std::unique_ptr<QTextLayout>> layouts;
        std::vector<Line> lines;
        double height = 0; // the bottom of the last line
    };
    struct Row {
        int index = 0; // in the table; 0 is the header row
        RowKind kind = RowKind::Measure;
        QString number;          // the measure's number, for the continuation marker
        std::vector<Text> cells; // one per column; one for a full-width row
        double height = 0;       // with the padding
    };
    // A row or the part of it on one page: the row's content from `from` to `to` (row coordinates,
    // padding included), drawn below the continuation marker when there is one.
    struct Piece {
        std::shared_ptr<const Row> row;
        double top = 0;
        double height = 0;
        double from = 0;
        double to = 0;
        std::shared_ptr<const Text> marker; // «(продолжение мероприятия 1.3)»
        double bottom() const { return top + height; }
    };
    struct Page {
        int number = 0; // from 0
        std::shared_ptr<const Text> approval, title;
        double approvalLeft = 0, titleTop = 0;
        double tableTop = 0;
        std::vector<Piece> pieces; // the header row first
        double tableBottom() const { return pieces.empty() ? tableTop : pieces.back().bottom(); }
    };

    static constexpr int kDotsPerInch = 600;

    // `bodyMillimetres`: the page less its margins.
    PlanPrintLayout(const core::Plan &plan, const PlanExportOptions &options,
                    const QSizeF &bodyMillimetres);
    ~PlanPrintLayout();
    PlanPrintLayout(const PlanPrintLayout &) = delete;
    PlanPrintLayout &operator=(const PlanPrintLayout &) = delete;

    // The next page, or false when every row has been placed.
    bool next(Page &page);

    const QList<double> &columnWidths() const { return m_widths; }
    const QList<core::PlanColumn> &columns() const { return m_table.columns(); }
    int rowCount() const { return int(m_rows.size()); } // with the header row
    const QSizeF &bodySize() const { return m_body; }
    double padding() const { return m_padding; }          // left and right in a cell
    double verticalPadding() const { return m_paddingV; } // top and bottom in a cell
    int markerColumn() const { return m_markerColumn; } // where «(продолжение …)» goes
    double lineWidth() const { return m_lineWidth; }
    // Device units per millimetre.
    double millimetre() const { return m_mm; }

private:
    struct RowText {
        RowKind kind;
        QStringList cells; // one per column; one for a full-width row
        QString number;
        bool bold = false; // the overdue status cell of a measure, or the whole row
    };
    void collectRows(const core::Plan &plan);
    void computeWidths();
    std::shared_ptr<const Row> measure(int index) const;
    Text layText(const QString &text, const QFont &font, double width, int alignment,
                 const QFont *firstFont = nullptr) const;
    double cutBefore(const Row &row, double from, double limit) const;

    const PlanExportTable m_table;
    PlanExportOptions m_options;
    std::unique_ptr<QImage> m_reference; // measures the fonts at kDotsPerInch
    QPaintDevice *m_device;
    QSizeF m_body;
    double m_mm = 1;
    double m_padding = 0, m_paddingV = 0, m_lineWidth = 0;
    int m_markerColumn = -1;
    QFont m_headerFont; // the header row: bold, 12 pt or 10 pt for many columns
    QFont m_plain, m_bold, m_italic, m_title, m_marker;
    std::unique_ptr<core::ExecutionReport> m_report;
    std::vector<RowText> m_rows;
    QList<double> m_widths;
    std::shared_ptr<const Row> m_header;
    // Where the next page starts: the next row, a row carried over whole, or a split row's rest.
    int m_next = 1;
    int m_page = 0;
    std::shared_ptr<const Row> m_carried;
    double m_carriedFrom = 0;
};

} // namespace objectivity::io
