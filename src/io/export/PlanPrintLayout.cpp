#include "objectivity/io/export/PlanPrintLayout.h"

#include "objectivity/io/export/PlanColumnWidths.h"
#include "objectivity/io/export/PlanDocumentBuilder.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QTextLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace objectivity::io {

namespace {

constexpr double kEpsilon = 1e-6;
constexpr double kSmallHeaderPointSize = 10;
// Rows measured to choose the column widths: a sample of a longer table (evenly spread).
constexpr int kWidthSample = 600;

// Widths of text on one line, from a per-character cache (kerning ignored: it only has to rank
// the columns' needs, the cells are laid out for real afterwards).
class TextWidths {
public:
    TextWidths(const QFont &font, QPaintDevice *device) : m_metrics(font, device) {
        m_cache.fill(-1);
    }

    PlanColumnWidths::Cell cell(const QString &text) {
        PlanColumnWidths::Cell cell;
        cell.space = float(advance(u' '));
        double paragraph = 0, word = 0;
        const auto endWord = [&] {
            if (word > 0)
                cell.words.append(float(word));
            cell.longestWord = std::max(cell.longestWord, float(word));
            word = 0;
        };
        const auto endParagraph = [&] {
            endWord();
            if (paragraph > 0) {
                cell.paragraphs.append(float(paragraph));
                cell.words.append(-1);
            }
            paragraph = 0;
        };
        for (const QChar ch : text) {
            if (ch == u'\n') {
                endParagraph();
                continue;
            }
            const double w = advance(ch);
            paragraph += w;
            if (ch.isSpace()) {
                endWord();
                continue;
            }
            word += w;
            if (ch == u'-' || ch == QChar(0x2013) || ch == QChar(0x2014))
                endWord(); // a line may break after it
        }
        endParagraph();
        return cell;
    }

private:
    double advance(QChar ch) {
        const char16_t u = ch.unicode();
        if (u >= m_cache.size())
            return m_metrics.horizontalAdvance(ch);
        float &w = m_cache[u];
        if (w < 0)
            w = float(m_metrics.horizontalAdvance(ch));
        return w;
    }

    QFontMetricsF m_metrics;
    std::array<float, 0x500> m_cache; // Latin and Cyrillic
};

QFont withSize(const QFont &font, double points, bool bold, bool italic) {
    QFont f = font;
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

} // namespace

PlanPrintLayout::PlanPrintLayout(const core::Plan &plan, const PlanExportOptions &options,
                                 const QSizeF &bodyMillimetres)
    : m_table(plan, options), m_options(options) {
    m_reference = std::make_unique<QImage>(1, 1, QImage::Format_Mono);
    const int dotsPerMetre = int(std::lround(kDotsPerInch / 0.0254));
    m_reference->setDotsPerMeterX(dotsPerMetre);
    m_reference->setDotsPerMeterY(dotsPerMetre);
    m_device = m_reference.get();
    QPaintDevice *device = m_device;
    m_mm = device->logicalDpiY() / 25.4;
    m_body = bodyMillimetres * m_mm;
    m_padding = 1.5 * m_mm;
    m_paddingV = 0.8 * m_mm;
    m_lineWidth = 0.75 / 72.0 * device->logicalDpiY();
    const QFont base = PlanDocumentBuilder::documentFont(PlanDocumentBuilder::kTablePointSize);
    m_plain = base;
    m_bold = withSize(base, PlanDocumentBuilder::kTablePointSize, true, false);
    m_headerFont = m_bold;
    m_italic = withSize(base, PlanDocumentBuilder::kTablePointSize, false, true);
    m_title = withSize(base, PlanDocumentBuilder::kTitlePointSize, true, false);
    m_marker = withSize(base, 10, false, true);
    for (int c = 0; c < m_table.columns().size(); ++c)
        if (m_table.columns()[c].role == core::ColumnRole::Measure) {
            m_markerColumn = c;
            break;
        }
    if (m_markerColumn < 0)
        m_markerColumn = m_table.columns().size() > 1 ? 1 : 0;
    if (options.isReport())
        m_report = std::make_unique<core::ExecutionReport>(plan, options.reportDate);
    collectRows(plan);
    computeWidths();
    m_header = measure(0);
}

PlanPrintLayout::~PlanPrintLayout() = default;

// The header, then per section a full-width heading and its measures (in a report the section's
// totals), then the plan's totals: the same rows as PlanDocumentBuilder's table.
void PlanPrintLayout::collectRows(const core::Plan &plan) {
    const QList<core::PlanColumn> &columns = m_table.columns();
    const int columnCount = int(columns.size());
    RowText header{RowKind::Header, {}, {}, true};
    for (const core::PlanColumn &c : columns)
        header.cells << c.heading.simplified();
    m_rows.push_back(header);
    for (int si = 0; si < plan.sections.size(); ++si) {
        const core::Section &section = plan.sections[si];
        m_rows.push_back(RowText{
            RowKind::Section, {PlanExportTable::sectionText(section).simplified()}, {}, true});
        for (int mi = 0; mi < section.measures.size(); ++mi) {
            const core::Measure &m = section.measures[mi];
            const core::ExecutionReport::Row *er =
                m_report ? &m_report->sections()[si].rows[mi] : nullptr;
            RowText row{RowKind::Measure, {}, m.number.simplified(), er && er->overdue};
            for (int c = 0; c < columnCount; ++c)
                row.cells << m_table.cellText(m, c, er).trimmed();
            m_rows.push_back(std::move(row));
        }
        if (m_report)
            m_rows.push_back(RowText{
                RowKind::SectionTotals,
                {QStringLiteral("Итого по разделу: ") + m_report->sections()[si].totals.describe()},
                {},
                false});
    }
    if (m_report) {
        const core::ExecutionTotals &t = m_report->totals();
        m_rows.push_back(RowText{RowKind::PlanTotals,
                                 {QStringLiteral("Итого по плану: %1; выполнено %2 %")
                                      .arg(t.describe())
                                      .arg(t.donePercent())},
                                 {},
                                 true});
    }
}

void PlanPrintLayout::computeWidths() {
    const int columnCount = int(m_table.columns().size());
    TextWidths plain(m_plain, m_device);
    // The headings' longest words are the columns' minimums: when at 12 pt they would take more
    // than half the width (a report has eight columns), the header row is set in 10 pt.
    {
        TextWidths heading(m_headerFont, m_device);
        double words = 0;
        for (const QString &text : std::as_const(m_rows.front().cells))
            words += heading.cell(text).longestWord + 2 * m_padding;
        if (words > 0.5 * m_body.width())
            m_headerFont.setPointSizeF(kSmallHeaderPointSize);
    }
    TextWidths bold(m_bold, m_device), headings(m_headerFont, m_device);
    PlanColumnWidths::Row header;
    std::vector<PlanColumnWidths::Row> rows;
    int measures = 0;
    for (const RowText &r : m_rows)
        measures += r.kind == RowKind::Measure;
    const int every = std::max(1, (measures + kWidthSample - 1) / kWidthSample);
    int seen = 0;
    for (const RowText &r : m_rows) {
        if (r.kind != RowKind::Header && r.kind != RowKind::Measure)
            continue;
        if (r.kind == RowKind::Measure && seen++ % every != 0)
            continue;
        PlanColumnWidths::Row row;
        for (int c = 0; c < columnCount; ++c) {
            const bool isBold = r.kind == RowKind::Header ||
                                (r.bold && m_table.columns()[c].role == core::ColumnRole::Status);
            TextWidths &widths = r.kind == RowKind::Header ? headings : isBold ? bold : plain;
            row.push_back(widths.cell(r.cells.value(c)));
        }
        if (r.kind == RowKind::Header)
            header = std::move(row);
        else
            rows.push_back(std::move(row));
    }
    // Numbers, statuses and dates: no word broken (deadlines are free text in many plans).
    std::vector<bool> keepWords;
    for (int c = 0; c < columnCount; ++c)
        keepWords.push_back(m_table.isCentered(c) &&
                            m_table.columns()[c].role != core::ColumnRole::Deadline);
    m_widths = PlanColumnWidths::compute(header, rows, columnCount, m_body.width(), m_padding,
                                         12 * m_mm, keepWords);
}

PlanPrintLayout::Text PlanPrintLayout::layText(const QString &text, const QFont &font, double width,
                                               int alignment, const QFont *firstFont) const {
    Text result;
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(Qt::Alignment(alignment));
    double y = 0;
    const QStringList paragraphs = text.split(u'\n');
    for (int p = 0; p < paragraphs.size(); ++p) {
        const QString paragraph = paragraphs[p].trimmed();
        if (paragraph.isEmpty())
            continue;
        auto layout = std::make_unique<QTextLayout>(
            paragraph, p == 0 && firstFont ? *firstFont : font, m_device);
        layout->setTextOption(option);
        layout->setCacheEnabled(true); // keep the glyphs for painting
        layout->beginLayout();
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLeadingIncluded(true);
            line.setLineWidth(width);
            line.setPosition(QPointF(0, y));
            result.lines.push_back(Line{layout.get(), line.lineNumber(), y, line.height()});
            y += line.height();
        }
        layout->endLayout();
        result.layouts.push_back(std::move(layout));
    }
    result.height = y;
    return result;
}

std::shared_ptr<const PlanPrintLayout::Row> PlanPrintLayout::measure(int index) const {
    const RowText &text = m_rows[size_t(index)];
    auto row = std::make_shared<Row>();
    row->index = index;
    row->kind = text.kind;
    row->number = text.number;
    double content = QFontMetricsF(m_plain, m_device).lineSpacing();
    if (text.kind == RowKind::Header || text.kind == RowKind::Measure) {
        for (int c = 0; c < text.cells.size(); ++c) {
            const bool centred = text.kind == RowKind::Header || m_table.isCentered(c);
            const bool isBold =
                text.kind == RowKind::Header ||
                (text.bold && m_table.columns()[c].role == core::ColumnRole::Status);
            const QFont &font = text.kind == RowKind::Header ? m_headerFont
                                : isBold                     ? m_bold
                                                             : m_plain;
            row->cells.push_back(layText(text.cells[c], font, m_widths[c] - 2 * m_padding,
                                         centred ? Qt::AlignHCenter : Qt::AlignLeft));
            content = std::max(content, row->cells.back().height);
        }
    } else {
        const bool centred = text.kind == RowKind::Section;
        const QFont &font = text.kind == RowKind::SectionTotals ? m_italic : m_bold;
        row->cells.push_back(layText(text.cells.value(0), font, m_body.width() - 2 * m_padding,
                                     centred ? Qt::AlignHCenter : Qt::AlignLeft));
        content = std::max(content, row->cells.back().height);
    }
    row->height = content + 2 * m_paddingV;
    return row;
}

// The lowest place at or above `limit` (row coordinates) that cuts through no line of any cell;
// `limit` itself when only a line taller than the space would do.
double PlanPrintLayout::cutBefore(const Row &row, double from, double limit) const {
    double cut = limit;
    for (bool moved = true; moved;) {
        moved = false;
        for (const Text &cell : row.cells)
            for (const Line &line : cell.lines) {
                const double top = m_paddingV + line.top;
                if (top < cut - kEpsilon && top + line.height > cut + kEpsilon) {
                    cut = top;
                    moved = true;
                }
            }
    }
    return cut > from + kEpsilon ? cut : limit;
}

bool PlanPrintLayout::next(Page &page) {
    const int rowTotal = int(m_rows.size());
    if (m_page > 0 && !m_carried && m_next >= rowTotal)
        return false;
    page = Page{};
    page.number = m_page++;
    const double width = m_body.width();
    const double bottom = m_body.height();
    double y = 0;
    if (page.number == 0) {
        const QStringList approval = m_table.approvalLines();
        const double gap = QFontMetricsF(m_plain, m_device).lineSpacing();
        if (!approval.isEmpty()) {
            // «УТВЕРЖДАЮ» and «ПРОЕКТ» stand out; the rest is plain text.
            const bool heading = approval.size() > 1 || approval[0] == QStringLiteral("ПРОЕКТ");
            page.approvalLeft = width * 0.58;
            page.approval = std::make_shared<Text>(layText(approval.join(u'\n'), m_plain,
                                                           width - page.approvalLeft, Qt::AlignLeft,
                                                           heading ? &m_bold : nullptr));
            y += page.approval->height + gap;
        }
        page.titleTop = y;
        page.title = std::make_shared<Text>(
            layText(m_table.titleLines().join(u'\n'), m_title, width, Qt::AlignHCenter));
        y += page.title->height + gap;
    }
    page.tableTop = y;
    page.pieces.push_back(Piece{m_header, y, m_header->height, 0, m_header->height, {}});
    y += m_header->height;
    const double pageRoom = bottom - m_header->height; // for rows on a page of their own
    const double minimumPart = 3 * QFontMetricsF(m_plain, m_device).lineSpacing();
    bool placed = false;
    while (m_carried || m_next < rowTotal) {
        std::shared_ptr<const Row> row = m_carried;
        double from = m_carried ? m_carriedFrom : 0;
        if (!row)
            row = measure(m_next++);
        m_carried.reset();
        std::shared_ptr<const Text> marker;
        double head = 0;
        if (from > 0) {
            const QString what =
                row->number.isEmpty()
                    ? QStringLiteral("(продолжение)")
                    : QStringLiteral("(продолжение мероприятия %1)").arg(row->number);
            marker = std::make_shared<Text>(
                layText(what, m_marker, m_widths[m_markerColumn] - 2 * m_padding, Qt::AlignLeft));
            head = m_paddingV + marker->height;
        }
        const double need = head + row->height - from;
        if (y + need <= bottom + kEpsilon) {
            if (row->kind == RowKind::Section && placed && m_next < rowTotal) {
                // A section heading goes with its first row: whole, or three lines of it when
                // the row is taller than a page (it will be split anyway).
                std::shared_ptr<const Row> following = measure(m_next++);
                const double with = following->height > pageRoom + kEpsilon
                                        ? minimumPart + 2 * m_paddingV
                                        : following->height;
                m_carried = following;
                m_carriedFrom = 0;
                if (y + need + with > bottom + kEpsilon) {
                    // Both to the next page: the heading first.
                    --m_next;
                    m_carried = row;
                    break;
                }
            }
            page.pieces.push_back(Piece{row, y, need, from, row->height, marker});
            y += need;
            placed = true;
            continue;
        }
        const bool tall = need > pageRoom + kEpsilon;
        if (placed && (!tall || bottom - y - head - m_paddingV < minimumPart)) {
            m_carried = row; // whole (or the rest of a tall one) on the next page
            m_carriedFrom = from;
            break;
        }
        // Taller than a page (or than what the first page leaves): split between lines.
        const double limit = from + (bottom - y - head - m_paddingV);
        const double cut = cutBefore(*row, from, limit);
        const double height = head + cut - from + m_paddingV;
        page.pieces.push_back(Piece{row, y, height, from, cut, marker});
        y += height;
        m_carried = row;
        m_carriedFrom = cut;
        break;
    }
    return true;
}

} // namespace objectivity::io
