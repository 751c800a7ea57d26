#pragma once
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::io {

// A document as a list of blocks, built once and rendered to PDF (ReportPdfWriter) and DOCX
// (ReportDocxWriter): the «аналитическая справка». Text is plain; the renderers choose fonts
// and spacing (Russian office layout: Times-like 14 pt text, 12 pt tables, A4 portrait).
struct ReportDocument {
    struct Block {
        enum class Kind {
            Organization, // the issuing body, centred at the top
            Title,        // centred, bold
            Details,      // «дата ... № ...»: left and right parts in `cells`
            Heading,      // numbered section heading
            Paragraph,    // justified text with a first-line indent
            Bullet,       // an item of a list
            Table,        // `header` and `rows`; `widths` in percent; last row bold if `totalRow`
            Figure,       // `image` with its caption in `text` below; `cells`: its labels
            Note,         // small italic text (table notes)
            Caption,      // a table's title above it, kept with the table
            Signature, // `cells`: должность, подпись, ФИО (captions under blank lines)
        };
        Kind kind = Kind::Paragraph;
        QString text;
        QString lead; // a Paragraph's bold beginning («Признаки … результатов.»)
        QStringList cells;
        QStringList header;
        QList<QStringList> rows;
        QList<int> widths;
        bool totalRow = false;
        QImage image;
        double widthMm = 0; // of a figure on the page
    };

    QString title;
    QList<Block> blocks;
    bool landscape = false; // A4 landscape (wide tables: the roll-up by schools)

    void add(Block::Kind kind, const QString &text) {
        Block b;
        b.kind = kind;
        b.text = text;
        blocks.append(b);
    }
    void paragraph(const QString &lead, const QString &text) {
        Block b;
        b.kind = Block::Kind::Paragraph;
        b.lead = lead;
        b.text = text;
        blocks.append(b);
    }
    void table(const QStringList &header, const QList<QStringList> &rows, const QList<int> &widths,
               bool totalRow = false);
    // `labels`: the texts drawn in the image (a chart's categories), for plainText()
    void figure(const QImage &image, double widthMm, const QString &caption,
                const QStringList &labels = {});
    // The same document with Russian typesetting's non-breaking spaces in every text: after
    // «№», between a number and «%», «г.», «гг.», «кл.», and before a dash «—». A line of a
    // printed справка never ends with «№» or starts with «%» («СОШ №» / «6» in a title). The
    // writers (PDF, DOCX) call it; plainText() and the builders keep ordinary spaces.
    ReportDocument typeset() const;
    static QString typesetText(const QString &text);
    // A table cell the writers align right: a number, a share or a list of them («1 304»,
    // «7,5 %», «19,4 / 53,0 / 27,6», «-2,4») or «—»; not a text that starts with a digit («4 класс
    // не подтвердился в 5 классе» stood right-aligned).
    static bool isNumericCell(const QString &text);
    // Every text of the document in order (headings, paragraphs, cells, captions): what a
    // reader sees, for tests and search.
    QString plainText() const;
};

} // namespace objectivity::io
