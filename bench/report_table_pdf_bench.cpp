// The report PDF (ReportPdfWriter) of one long table: rows of three lines, so a page end falls in
// the middle of some row and the table is cut there (rows are kept whole). Prints, per row count,
// the wall time of laying the document out and painting it, the pages and the continuations.
//
//   report_table_pdf_bench [rows…]        (default: 150 600 2400)
#include "objectivity/io/export/ReportPdfWriter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <cstdio>

using namespace objectivity;
using Kind = io::ReportDocument::Block::Kind;

namespace {

io::ReportDocument document(int rows) {
    io::ReportDocument doc;
    doc.title = QStringLiteral("Аналитическая справка");
    doc.add(Kind::Paragraph, QStringLiteral("Текст перед таблицей."));
    doc.add(Kind::Caption, QStringLiteral("Таблица 1. Школы"));
    io::ReportDocument::Block table;
    table.kind = Kind::Table;
    table.header = {QStringLiteral("№"), QStringLiteral("Школа"), QStringLiteral("Признаки")};
    table.widths = {8, 40, 52};
    for (int r = 0; r < rows; ++r)
        table.rows.append(
            {QString::number(r + 1),
             QStringLiteral("МБОУ «СОШ № %1» (edu%2)").arg(r + 1).arg(r, 6, 10, QLatin1Char('0')),
             QStringLiteral("Много «повысили»: журнал строже результата\n(ВПР 2024: "
                            "%1 кл. математика)\nСкопление баллов у границ")
                 .arg(4 + r % 5)});
    doc.blocks.append(table);
    doc.add(Kind::Paragraph, QStringLiteral("Текст после таблицы."));
    return doc;
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QList<int> counts;
    for (int i = 1; i < argc; ++i)
        counts << QByteArray(argv[i]).toInt();
    if (counts.isEmpty())
        counts = {150, 600, 2400};
    std::printf("%8s %10s %10s %8s %14s\n", "rows", "layout s", "paint s", "pages", "tables");
    for (const int rows : counts) {
        const io::ReportDocument doc = document(rows);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageLayout(io::ReportPdfWriter::pageLayout());
        QElapsedTimer timer;
        timer.start();
        QTextDocument text;
        io::ReportPdfWriter::build(doc, &text, &writer);
        const double layout = timer.nsecsElapsed() / 1e9;
        int tables = 0;
        for (QTextFrame *frame : text.rootFrame()->childFrames())
            tables += qobject_cast<QTextTable *>(frame) ? 1 : 0;
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&out);
        pdf.setPageLayout(io::ReportPdfWriter::pageLayout());
        timer.restart();
        const auto pages = io::ReportPdfWriter::paint(doc, &pdf);
        const double paint = timer.nsecsElapsed() / 1e9;
        std::printf("%8d %10.2f %10.2f %8d %14d\n", rows, layout, paint, pages.ok() ? *pages : -1,
                    tables);
    }
    return 0;
}
