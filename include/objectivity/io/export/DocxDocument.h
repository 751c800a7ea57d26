#pragma once
#include "objectivity/core/common/Result.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace objectivity::io {

// A Word document (.docx, WordprocessingML) built block by block and written with minizip; Word,
// LibreOffice Writer, Р7-Офис and МойОфис open it for editing. Used for the plan (PlanDocxWriter)
// and the «аналитическая справка».
//
//     DocxDocument doc;
//     doc.setPageSetup({DocxDocument::Orientation::Landscape});
//     doc.setTitle(u"План мероприятий"_s);
//     doc.addRightBlock({u"УТВЕРЖДАЮ"_s, u"Директор"_s}, 90);
//     doc.addParagraph(u"План мероприятий"_s, DocxDocument::Style::Title);
//     DocxDocument::Table t;
//     t.columnWidths = {1, 4, 2};
//     t.rows.append({DocxDocument::Cell::text(u"№"_s), ...});
//     doc.addTable(t);
//     doc.addFigure(chartImage, 160, u"Рисунок 1. Распределение баллов"_s);
//     core::Status st = doc.save(path);
//
// Defaults: A4 portrait, margins 20/10/20/20 mm (left/right/top/bottom), Times New Roman 12 pt
// (LibreOffice shows it in the metric-compatible Liberation Serif), single spacing, no space
// between paragraphs, Russian language, page numbers centred in the footer.
//
// Text: '\n' inside a paragraph's text is a line break within the paragraph, '\t' a tab; control
// characters that XML cannot hold are dropped. Sizes are in points, lengths in millimetres.
//
// The API is stable: new features are added as new members with defaults.
class DocxDocument {
public:
    enum class Orientation { Portrait, Landscape };
    enum class Alignment { Left, Center, Right, Justify };
    enum class VerticalAlignment { Top, Center, Bottom };
    // Paragraph styles, written as Word's built-in styles (the navigation pane and the table of
    // contents know the headings): Normal 12 pt; Title 14 pt bold centred; Heading1 14 pt bold,
    // Heading2 13 pt bold, Heading3 12 pt bold italic (all kept with the next paragraph, 12 pt
    // before, 6 pt after); Caption 11 pt centred, 6 pt after (below a figure or above a table).
    enum class Style { Normal, Title, Heading1, Heading2, Heading3, Caption };

    struct PageSetup {
        Orientation orientation = Orientation::Portrait;
        double leftMm = 20;
        double rightMm = 10;
        double topMm = 20;
        double bottomMm = 20;
    };

    // A piece of text with its own formatting inside a paragraph.
    struct Run {
        QString text;
        bool bold = false;
        bool italic = false;
        double pointSize = 0; // 0: the paragraph's
    };

    struct Paragraph {
        QString text;    // used when `runs` is empty
        QList<Run> runs; // mixed formatting; appended after `text` when both are set
        Style style = Style::Normal;
        std::optional<Alignment> alignment; // unset: the style's
        bool bold = false;
        bool italic = false;
        double pointSize = 0; // 0: the style's
        bool keepWithNext = false;
        bool pageBreakBefore = false;
        double spaceBeforePt = -1; // negative: the style's
        double spaceAfterPt = -1;
        double leftIndentMm = 0;
        double firstLineIndentMm = 0;
    };

    struct Cell {
        QList<Paragraph> paragraphs; // an empty cell still gets one empty paragraph
        int columnSpan = 1;          // merged with the next columns of the row
        VerticalAlignment verticalAlignment = VerticalAlignment::Top;
        QString fill; // background as RRGGBB («D9D9D9»); empty: the table's header fill or none
        bool bottomBorder = false; // a 0.5 pt line under the cell (a line to sign on)

        // One paragraph per line of `text` ('\n' separates paragraphs here, not line breaks).
        static Cell text(const QString &text, Alignment alignment = Alignment::Left,
                         bool bold = false, bool italic = false);
        static Cell lines(const QStringList &lines, Alignment alignment = Alignment::Left,
                          bool bold = false, bool italic = false);
    };

    struct Table {
        // Relative widths (any unit), one per grid column; scaled to widthPercent of the text
        // width. The layout is fixed: Word and Writer keep these widths whatever the content.
        QList<double> columnWidths;
        double widthPercent = 100;
        // Each row has cells whose column spans sum to columnWidths.size().
        QList<QList<Cell>> rows;
        // The first headerRows rows are repeated at the top of every page (w:tblHeader).
        int headerRows = 1;
        QString headerFill;        // RRGGBB background of the header rows, empty for none
        bool keepRowsWhole = true; // a row is not split across pages (w:cantSplit)
        bool borders = true;       // single 0.5 pt black lines around every cell
        double pointSize = 0;      // text size in the cells, 0: the document's
        double cellMarginMm = 1.0; // left and right padding of a cell
    };

    DocxDocument();

    void setPageSetup(const PageSetup &page);
    const PageSetup &pageSetup() const { return m_page; }
    // The width between the margins.
    double textWidthMm() const;
    // The document's font and size (every style is relative to the size: Title = size + 2).
    void setDefaultFont(const QString &family, double pointSize = 12);
    // Where the page number (a PAGE field) goes: by default as ГОСТ Р 7.0.97-2016 (п. 6.6) and
    // the PDFs have it, in the middle of the top margin from the second page on; or in the
    // footer of every page.
    enum class PageNumberPlace { TopFromSecondPage, BottomOnEveryPage };
    void setPageNumbers(bool on, Alignment alignment = Alignment::Center,
                        PageNumberPlace place = PageNumberPlace::TopFromSecondPage);
    // Document properties (File → Properties): title and author.
    void setTitle(const QString &title);
    void setAuthor(const QString &author);

    void addParagraph(const Paragraph &paragraph);
    void addParagraph(const QString &text, Style style = Style::Normal);
    // A block of left-aligned lines standing at the right margin, widthMm wide («УТВЕРЖДАЮ»,
    // position, signature, order). The first line is bold when firstLineBold. The lines are kept
    // together and with what follows.
    void addRightBlock(const QStringList &lines, double widthMm, bool firstLineBold = true);
    void addTable(const Table &table);
    // An image (stored as PNG) centred, widthMm wide (the height keeps the aspect ratio; no wider
    // than the text), with the caption below it in the Caption style when not empty. Returns false
    // (and adds nothing) for a null image.
    bool addFigure(const QImage &image, double widthMm, const QString &caption = QString());
    void addPageBreak();

    // word/document.xml as it will be written (for tests).
    QByteArray documentXml() const;
    // The whole .docx file.
    core::Result<QByteArray> toBytes() const;
    // Writes the file; the target is replaced only when fully written. Errors name the file.
    core::Status save(const QString &path) const;

private:
    // Ends the table just added with the paragraph Word needs after it (before anything else).
    void closeTable();
    QString paragraphXml(const Paragraph &p) const;
    QString runXml(const Run &run, const Paragraph &p) const;
    QString tableXml(const Table &table) const;
    QByteArray stylesXml() const;
    // The header or footer part; with the page number or (the first page's header) empty.
    QByteArray pageNumberPartXml(bool header, bool withNumber) const;
    // The parts of the header/footer: file name in word/ and whether it holds the number.
    struct NumberPart {
        QString file;
        QString id;
        bool header;
        bool withNumber;
    };
    QList<NumberPart> numberParts() const;
    QByteArray coreXml() const;
    QByteArray contentTypesXml() const;
    QByteArray documentRelsXml() const;

    PageSetup m_page;
    QString m_fontFamily = QStringLiteral("Times New Roman");
    double m_pointSize = 12;
    bool m_pageNumbers = true;
    Alignment m_pageNumberAlignment = Alignment::Center;
    PageNumberPlace m_pageNumberPlace = PageNumberPlace::TopFromSecondPage;
    QString m_title;
    QString m_author;
    QString m_body;             // the body's XML, block by block
    bool m_tableOpen = false;   // the body ends with a table: a paragraph must follow it
    QList<QByteArray> m_images; // PNG data of word/media/imageN.png, N = index + 1
};

} // namespace objectivity::io
