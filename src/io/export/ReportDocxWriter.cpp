#include "objectivity/io/export/ReportDocxWriter.h"

#include "objectivity/io/export/DocxDocument.h"

namespace objectivity::io {

namespace {

using Kind = ReportDocument::Block::Kind;
using Docx = DocxDocument;

constexpr double kTextPt = 14, kTablePt = 11;

Docx::Paragraph paragraph(const QString &text, Docx::Alignment alignment, double firstLineMm = 0) {
    Docx::Paragraph p;
    p.text = text;
    p.alignment = alignment;
    p.firstLineIndentMm = firstLineMm;
    p.spaceAfterPt = 3;
    return p;
}

Docx::Table table(const ReportDocument::Block &b) {
    Docx::Table t;
    for (int w : b.widths)
        t.columnWidths << w;
    t.headerFill = QStringLiteral("F2F2F2");
    t.pointSize = kTablePt;
    t.keepRowsWhole = true;
    QList<Docx::Cell> header;
    for (const QString &h : b.header)
        header << Docx::Cell::text(h, Docx::Alignment::Center, true);
    t.rows << header;
    for (int r = 0; r < b.rows.size(); ++r) {
        const bool bold = b.totalRow && r == b.rows.size() - 1;
        QList<Docx::Cell> cells;
        for (int c = 0; c < b.header.size(); ++c) {
            const QString text = b.rows[r].value(c);
            const bool numeric = c > 0 && ReportDocument::isNumericCell(text);
            cells << Docx::Cell::text(
                text, numeric ? Docx::Alignment::Right : Docx::Alignment::Left, bold);
        }
        t.rows << cells;
    }
    return t;
}

Docx::Table signature(const ReportDocument::Block &b) {
    Docx::Table t;
    t.columnWidths = {42, 4, 22, 4, 28};
    t.borders = false;
    t.headerRows = 0;
    t.cellMarginMm = 0;
    const QStringList captions = {QStringLiteral("(должность)"), QStringLiteral("(подпись)"),
                                  QStringLiteral("(И. О. Фамилия)")};
    QList<Docx::Cell> values, under;
    for (int i = 0; i < 3; ++i) {
        // the line to sign on, under the value when there is one (as in the PDF)
        values << Docx::Cell::text(b.cells.value(i),
                                   i == 0 ? Docx::Alignment::Left : Docx::Alignment::Center);
        values.last().bottomBorder = true;
        // a position of two lines: the name and the line to sign on stand at its last line
        values.last().verticalAlignment = Docx::VerticalAlignment::Bottom;
        under << Docx::Cell::text(captions[i], Docx::Alignment::Center, false, true);
        if (i < 2) {
            values << Docx::Cell::text(QString());
            under << Docx::Cell::text(QString());
        }
    }
    for (Docx::Cell &c : under)
        for (Docx::Paragraph &p : c.paragraphs)
            p.pointSize = 10;
    // the blank lines stay on the page of their captions
    for (Docx::Cell &c : values)
        for (Docx::Paragraph &p : c.paragraphs)
            p.keepWithNext = true;
    t.rows << values << under;
    return t;
}

} // namespace

core::Status ReportDocxWriter::write(const ReportDocument &input, const QString &path) {
    const ReportDocument doc = input.typeset();
    Docx docx;
    Docx::PageSetup page;
    page.leftMm = 30; // as the PDF: ГОСТ Р 7.0.97 margins
    page.rightMm = 10;
    docx.setPageSetup(page);
    docx.setDefaultFont(QStringLiteral("Times New Roman"), kTextPt);
    docx.setTitle(doc.title);
    docx.setAuthor(QStringLiteral("Объективность"));
    for (qsizetype i = 0; i < doc.blocks.size(); ++i) {
        const ReportDocument::Block &b = doc.blocks[i];
        // The signature never stands alone at the top of a page: the text before it keeps its
        // last lines with it (Word and Writer move them together).
        const bool beforeSignature =
            i + 1 < doc.blocks.size() && doc.blocks[i + 1].kind == Kind::Signature;
        switch (b.kind) {
        case Kind::Organization: {
            Docx::Paragraph p = paragraph(b.text, Docx::Alignment::Center);
            p.bold = true;
            p.spaceAfterPt = 12;
            docx.addParagraph(p);
            break;
        }
        case Kind::Title: {
            Docx::Paragraph p;
            p.text = b.text;
            p.style = Docx::Style::Title;
            p.spaceAfterPt = 12;
            p.pointSize = kTextPt; // as the PDF: the text's size, bold
            docx.addParagraph(p);
            break;
        }
        case Kind::Details: {
            Docx::Table t;
            t.columnWidths = {1, 1};
            t.borders = false;
            t.headerRows = 0;
            t.cellMarginMm = 0;
            t.rows << QList<Docx::Cell>{Docx::Cell::text(b.cells.value(0)),
                                        Docx::Cell::text(b.cells.value(1), Docx::Alignment::Right)};
            docx.addTable(t);
            break;
        }
        case Kind::Heading: {
            Docx::Paragraph p;
            p.text = b.text;
            p.style = Docx::Style::Heading1;
            p.firstLineIndentMm = 12.5;
            p.pointSize = kTextPt;
            docx.addParagraph(p);
            break;
        }
        case Kind::Paragraph: {
            Docx::Paragraph p = paragraph(QString(), Docx::Alignment::Justify, 12.5);
            if (!b.lead.isEmpty())
                p.runs << Docx::Run{b.lead + QLatin1Char(' '), true};
            p.runs << Docx::Run{b.text};
            p.keepWithNext = beforeSignature;
            docx.addParagraph(p);
            break;
        }
        case Kind::Bullet: {
            // the dash hangs 5 mm left of the text; the tab goes to the hanging indent (Word's and
            // Writer's implicit tab stop), so every item's text starts at one place
            Docx::Paragraph p =
                paragraph(QStringLiteral("–\t") + b.text, Docx::Alignment::Justify, -5);
            p.leftIndentMm = 17.5;
            p.keepWithNext = beforeSignature;
            docx.addParagraph(p);
            break;
        }
        case Kind::Caption: {
            Docx::Paragraph p;
            p.text = b.text;
            p.style = Docx::Style::Caption;
            p.alignment = Docx::Alignment::Left;
            p.keepWithNext = true;
            p.spaceBeforePt = 6;
            p.spaceAfterPt = 3;
            docx.addParagraph(p);
            break;
        }
        case Kind::Note: {
            Docx::Paragraph p = paragraph(b.text, Docx::Alignment::Justify);
            p.italic = true;
            p.pointSize = 11;
            p.keepWithNext = beforeSignature;
            docx.addParagraph(p);
            break;
        }
        case Kind::Table:
            docx.addTable(table(b));
            break;
        case Kind::Figure:
            docx.addFigure(b.image, b.widthMm, b.text);
            break;
        case Kind::Signature: {
            Docx::Paragraph gap;
            gap.spaceBeforePt = 24;
            gap.keepWithNext = true;
            docx.addParagraph(gap);
            docx.addTable(signature(b));
            break;
        }
        }
    }
    return docx.save(path);
}

} // namespace objectivity::io
