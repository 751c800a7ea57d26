// The printed form laid out by hand (io::PlanPrintLayout): rows are placed whole (split only when
// taller than a page, with the header repeated and a continuation marker), every line of text is
// on exactly one page, column widths follow the content, owners go one per line.
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanColumnWidths.h"
#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanDocumentPainter.h"
#include "objectivity/io/export/PlanExportTable.h"
#include "objectivity/io/export/PlanPrintLayout.h"

#include <QBuffer>
#include <QPdfWriter>
#include <QTextLayout>

#include <map>

using namespace objectivity;
using namespace objectivity::test;
using io::PlanExportOptions;
using io::PlanPrintLayout;
using RowKind = PlanPrintLayout::RowKind;

namespace {

// A PDF writer as PlanPdfWriter sets it up, writing into memory.
struct PdfDevice {
    explicit PdfDevice(PlanExportOptions::Orientation orientation) : writer(&buffer) {
        writer.setResolution(600);
        QPageLayout layout = io::PlanDocumentBuilder::pageLayout(orientation);
        layout.setMargins(QMarginsF(0, 0, 0, 0));
        writer.setPageLayout(layout);
    }
    QBuffer buffer;
    QPdfWriter writer;
};

struct Placement {
    int page = 0;
    PlanPrintLayout::Piece piece;
};

struct Laid {
    int pages = 0;
    int rows = 0;
    double bodyHeight = 0;
    double headerHeight = 0;
    double verticalPadding = 0;
    std::map<int, std::vector<Placement>> pieces; // per row index, in order
    std::vector<PlanPrintLayout::Page> all;
};

// Lays the plan out page by page and checks what must hold on every page.
Laid layOut(const core::Plan &plan, const PlanExportOptions &options) {
    PdfDevice device(options.orientation);
    PlanPrintLayout layout(plan, options, io::PlanDocumentPainter::bodyMillimetres(device.writer));
    const QSizeF body = layout.bodySize();
    Laid laid;
    laid.rows = layout.rowCount();
    laid.bodyHeight = body.height();
    laid.verticalPadding = layout.verticalPadding();
    PlanPrintLayout::Page page;
    while (layout.next(page)) {
        EXPECT_EQ(page.number, laid.pages);
        EXPECT_FALSE(page.pieces.empty());
        if (page.pieces.empty())
            break;
        // The header row opens the table of every page; the pieces follow each other.
        EXPECT_EQ(page.pieces.front().row->kind, RowKind::Header) << "page " << page.number + 1;
        laid.headerHeight = page.pieces.front().height;
        double y = page.tableTop;
        for (const PlanPrintLayout::Piece &piece : page.pieces) {
            EXPECT_NEAR(piece.top, y, 1e-6);
            y = piece.bottom();
            if (piece.row->kind != RowKind::Header)
                laid.pieces[piece.row->index].push_back({page.number, piece});
        }
        EXPECT_LE(page.tableBottom(), body.height() + 1e-6) << "page " << page.number + 1;
        ++laid.pages;
        laid.all.push_back(std::move(page));
        page = {};
    }
    return laid;
}

// Every row of the table is placed, in order; a row is whole on one page unless it is taller than
// a page; the parts of a split row follow each other and cover it; no page but the last ends with
// a section heading.
void expectRowsWhole(const Laid &laid, const std::string &what) {
    for (size_t p = 0; p + 1 < laid.all.size(); ++p)
        EXPECT_NE(laid.all[p].pieces.back().row->kind, RowKind::Section)
            << what << ": a section heading alone at the foot of page " << p + 1;
    ASSERT_EQ(int(laid.pieces.size()), laid.rows - 1) << what;
    int lastPage = 0;
    const double pageRoom = laid.bodyHeight - laid.headerHeight;
    for (const auto &[row, parts] : laid.pieces) {
        ASSERT_FALSE(parts.empty());
        EXPECT_GE(parts.front().page, lastPage) << what << ": row " << row << " out of order";
        lastPage = parts.back().page;
        const PlanPrintLayout::Row &r = *parts.front().piece.row;
        if (r.height <= pageRoom) {
            EXPECT_EQ(parts.size(), 1u) << what << ": row " << row << " split, but it is "
                                        << r.height / pageRoom << " of a page";
            continue;
        }
        ASSERT_GE(parts.size(), 2u) << what << ": row " << row << " taller than a page";
        EXPECT_EQ(parts.front().piece.from, 0);
        EXPECT_NEAR(parts.back().piece.to, r.height, 1e-6);
        for (size_t i = 1; i < parts.size(); ++i) {
            EXPECT_EQ(parts[i].page, parts[i - 1].page + 1);
            EXPECT_NEAR(parts[i].piece.from, parts[i - 1].piece.to, 1e-6);
            ASSERT_TRUE(parts[i].piece.marker) << "no continuation marker";
        }
    }
}

core::Plan tallRowsPlan(int measures, int paragraphs) {
    core::Plan plan;
    plan.title = QStringLiteral("План с высокими строками");
    plan.status = core::PlanStatus::Draft;
    core::Section s;
    s.number = QStringLiteral("1.");
    s.title = QStringLiteral("Раздел с длинными мероприятиями");
    for (int i = 0; i < measures; ++i) {
        core::Measure m;
        m.number = QStringLiteral("1.%1.").arg(i + 1);
        QStringList lines;
        for (int p = 0; p < paragraphs + i % 3; ++p)
            lines << QStringLiteral("Строка %1 мероприятия %2: анализ результатов оценочных "
                                    "процедур и подготовка рекомендаций")
                         .arg(p + 1)
                         .arg(i + 1);
        m.text = lines.join(u'\n');
        m.deadline.text = QStringLiteral("октябрь");
        m.owners = {QStringLiteral("Заместитель директора по УВР")};
        s.measures << m;
    }
    plan.sections << s;
    return plan;
}

} // namespace

TEST(PlanPrintLayout, SeedRowsAreNeverSplitAcrossPages) {
    for (const char *seed : {"000", "001", "002"}) {
        OBJ_REQUIRE_SHARED(seedPath(QLatin1String(seed)), "seed plans");
        const core::Plan plan = approvedSeedPlan(QLatin1String(seed));
        ASSERT_FALSE(plan.sections.isEmpty()) << seed;
        for (PlanExportOptions options :
             {PlanExportOptions{}, PlanExportOptions::report(QDate(2024, 1, 15))})
            for (auto orientation : {PlanExportOptions::Orientation::Landscape,
                                     PlanExportOptions::Orientation::Portrait}) {
                options.orientation = orientation;
                const std::string what =
                    std::string(seed) + (options.isReport() ? " report" : " plan") +
                    (orientation == PlanExportOptions::Orientation::Portrait ? " portrait" : "");
                const Laid laid = layOut(plan, options);
                EXPECT_GE(laid.pages, 2) << what;
                expectRowsWhole(laid, what);
                // In landscape no seed row is taller than a page (the portrait report of seed
                // 001, eight columns on 170 mm, has one: split, as expectRowsWhole checked).
                if (orientation == PlanExportOptions::Orientation::Landscape) {
                    for (const auto &[row, parts] : laid.pieces)
                        EXPECT_EQ(parts.size(), 1u) << what << ": row " << row << " split";
                }
            }
    }
}

TEST(PlanPrintLayout, TallRowsMoveWholeToTheNextPage) {
    // Rows of about a third to a half of a page: a page holds one to three, none is split.
    const Laid laid = layOut(tallRowsPlan(12, 9), {});
    expectRowsWhole(laid, "tall rows");
    EXPECT_GE(laid.pages, 4);
    for (const auto &[row, parts] : laid.pieces) {
        EXPECT_EQ(parts.size(), 1u);
        if (parts.front().piece.row->kind == RowKind::Measure) {
            EXPECT_GT(parts.front().piece.row->height, laid.bodyHeight / 4);
        }
    }
    // A section heading is not left alone at the bottom of a page.
    for (const PlanPrintLayout::Page &page : laid.all)
        EXPECT_NE(page.pieces.back().row->kind, RowKind::Section) << "page " << page.number + 1;
}

TEST(PlanPrintLayout, RowTallerThanAPageSplitsBetweenLinesWithMarker) {
    core::Plan plan = tallRowsPlan(3, 4);
    plan.sections[0].measures[1].text = tallRowsPlan(1, 70).sections[0].measures[0].text;
    const Laid laid = layOut(plan, {});
    expectRowsWhole(laid, "row of 70 lines");
    const std::vector<Placement> &parts = laid.pieces.at(3); // header, section, 1.1, 1.2
    ASSERT_GE(parts.size(), 2u);
    const PlanPrintLayout::Row &row = *parts.front().piece.row;
    EXPECT_EQ(row.number, QStringLiteral("1.2."));
    // Every line of every cell is in exactly one part, whole.
    for (const PlanPrintLayout::Text &cell : row.cells)
        for (const PlanPrintLayout::Line &line : cell.lines) {
            int in = 0;
            const double top = laid.verticalPadding + line.top; // in row coordinates
            for (const Placement &p : parts)
                in += top >= p.piece.from - 1e-6 && top + line.height <= p.piece.to + 1e-6;
            EXPECT_EQ(in, 1) << "line at " << line.top;
        }
    for (size_t i = 1; i < parts.size(); ++i) {
        // The marker names the measure.
        const QTextLayout *marker = parts[i].piece.marker->lines.front().layout;
        EXPECT_EQ(marker->text(), QStringLiteral("(продолжение мероприятия 1.2.)"));
    }
    // The row starts on the page where the row before it ends (it is taller than a page anyway).
    EXPECT_EQ(parts.front().page, laid.pieces.at(2).front().page);
}

TEST(PlanPrintLayout, OwnersOnePerLine) {
    core::Plan plan = tallRowsPlan(2, 1);
    plan.sections[0].measures[0].owners = {QStringLiteral("Администрация ОО"),
                                           QStringLiteral("Руководители ШМО"),
                                           QStringLiteral("Классные руководители")};
    const Laid laid = layOut(plan, {});
    const PlanPrintLayout::Row &row = *laid.pieces.at(2).front().piece.row;
    const QList<core::PlanColumn> columns = io::PlanExportTable(plan, {}).columns();
    int owners = 0;
    while (owners < columns.size() && columns[owners].role != core::ColumnRole::Owners)
        ++owners;
    ASSERT_LT(owners, int(row.cells.size()));
    QStringList firstWords;
    for (const PlanPrintLayout::Line &line : row.cells[size_t(owners)].lines)
        if (line.index == 0)
            firstWords << line.layout->text();
    EXPECT_EQ(firstWords, plan.sections[0].measures[0].owners);
}

TEST(PlanColumnWidths, WideTextGetsTheWidthShortValuesKeepTheirWords) {
    // Column 0 a number, 1 long texts, 2 short deadlines, 3 long expected results.
    const auto cell = [](std::initializer_list<float> words) {
        io::PlanColumnWidths::Cell c;
        c.space = 1;
        float paragraph = 0;
        for (float w : words) {
            c.words.append(w);
            c.longestWord = std::max(c.longestWord, w);
            paragraph += w + (paragraph > 0 ? 1 : 0);
        }
        c.words.append(-1);
        c.paragraphs.append(paragraph);
        return c;
    };
    io::PlanColumnWidths::Row header{cell({4}), cell({20}), cell({12}), cell({18})};
    std::vector<io::PlanColumnWidths::Row> rows;
    for (int i = 0; i < 40; ++i) {
        io::PlanColumnWidths::Row r{cell({6})};
        r.push_back(cell({10, 8, 12, 9, 7, 11, 10, 8, 9, 12, 10, 6, 9, 11}));
        r.push_back(cell({i % 2 ? 22.f : 14.f}));
        std::vector<float> words(size_t(30 + i % 10), 9.f);
        io::PlanColumnWidths::Cell expected;
        expected.space = 1;
        for (float w : words)
            expected.words.append(w);
        expected.words.append(-1);
        expected.paragraphs.append(float(words.size() * 10));
        expected.longestWord = 9;
        r.push_back(expected);
        rows.push_back(r);
    }
    const QList<double> w = io::PlanColumnWidths::compute(header, rows, 4, 300, 2, 10);
    ASSERT_EQ(w.size(), 4);
    EXPECT_NEAR(w[0] + w[1] + w[2] + w[3], 300, 1e-6);
    EXPECT_GE(w[2] - 4, 22) << "the longest deadline fits on one line";
    EXPECT_GE(w[1] - 4, 20) << "the heading's word fits";
    EXPECT_GT(w[3], w[2]) << "the expected results (the longest texts) get more than deadlines";
    EXPECT_GT(w[3], w[1]) << "longer texts than the measures get more";
    EXPECT_LT(w[0], 20);
}

TEST(PlanPrintLayout, WideExpectedResultColumnGetsMoreThanDeadlines) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("002")), "seed 002");
    const core::Plan plan = approvedSeedPlan(QStringLiteral("002"));
    PdfDevice device(PlanExportOptions::Orientation::Landscape);
    const PlanPrintLayout layout(plan, {}, io::PlanDocumentPainter::bodyMillimetres(device.writer));
    int expected = -1, deadline = -1, number = -1;
    for (int c = 0; c < layout.columns().size(); ++c) {
        const core::ColumnRole role = layout.columns()[c].role;
        if (role == core::ColumnRole::ExpectedResult)
            expected = c;
        else if (role == core::ColumnRole::Deadline)
            deadline = c;
        else if (role == core::ColumnRole::Number)
            number = c;
    }
    ASSERT_GE(expected, 0);
    ASSERT_GE(deadline, 0);
    ASSERT_GE(number, 0);
    const QList<double> &w = layout.columnWidths();
    double sum = 0;
    for (double x : w)
        sum += x;
    EXPECT_NEAR(sum, layout.bodySize().width(), 1e-3);
    EXPECT_GT(w[expected], 1.5 * w[deadline]);
    EXPECT_LT(w[number], 20 * layout.millimetre());
    // No row of the seed as tall as the 15 lines fixed widths gave.
    const Laid laid = layOut(plan, {});
    const double line = laid.headerHeight / 2; // the two-line header, roughly two lines
    for (const auto &[row, parts] : laid.pieces)
        EXPECT_LT(parts.front().piece.row->height, 15 * line) << "row " << row;
}
