// The editable forms of the real plans (../shared/seeds): DOCX and ODT read back as XML. Every row
// of the plan's table has one cell per column, each deadline and each owner is in its own column
// (the old ODT put the second owner of a measure into «Сроки»), the header row is marked repeated,
// the page is A4 landscape with a page-number field, and the approval block is there.
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanDocxWriter.h"
#include "objectivity/io/export/PlanExportTable.h"
#include "objectivity/io/export/PlanOdtWriter.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QDir>
#include <QXmlStreamReader>

using namespace objectivity;
using namespace objectivity::test;

namespace {

// A table as read back: per row its cells, each with its column span and its paragraphs.
struct ReadCell {
    int span = 1;
    QStringList paragraphs;
};
struct ReadRow {
    bool repeatedHeader = false;
    QList<ReadCell> cells;
    int columns() const {
        int n = 0;
        for (const ReadCell &c : cells)
            n += c.span;
        return n;
    }
};
struct ReadDocument {
    QList<ReadRow> rows;    // the plan's table
    int gridColumns = 0;    // w:gridCol / table:table-column
    QStringList paragraphs; // outside the table
    QString error;
};

QString attr(const QXmlStreamReader &r, const char *name) {
    return r.attributes().value(QLatin1String(name)).toString();
}

ReadDocument readDocx(const QByteArray &xml) {
    ReadDocument doc;
    QXmlStreamReader r(xml);
    int depth = 0; // of w:tbl
    bool inCell = false, inParagraph = false;
    QString paragraph;
    while (!r.atEnd()) {
        r.readNext();
        const QStringView name = r.name();
        if (r.isStartElement()) {
            if (name == u"tbl")
                ++depth;
            else if (name == u"tr" && depth == 1)
                doc.rows.append(ReadRow{});
            else if (name == u"tblHeader" && depth == 1)
                doc.rows.last().repeatedHeader = true;
            else if (name == u"gridCol" && depth == 1)
                ++doc.gridColumns;
            else if (name == u"tc" && depth == 1) {
                doc.rows.last().cells.append(ReadCell{});
                inCell = true;
            } else if (name == u"gridSpan" && inCell)
                doc.rows.last().cells.last().span = attr(r, "w:val").toInt();
            else if (name == u"p") {
                inParagraph = true;
                paragraph.clear();
            } else if (name == u"t" && inParagraph)
                paragraph += r.readElementText();
            else if (name == u"br" && inParagraph)
                paragraph += u'\n';
        } else if (r.isEndElement()) {
            if (name == u"tbl")
                --depth;
            else if (name == u"tc" && depth == 1)
                inCell = false;
            else if (name == u"p") {
                inParagraph = false;
                if (inCell)
                    doc.rows.last().cells.last().paragraphs.append(paragraph);
                else if (depth == 0)
                    doc.paragraphs.append(paragraph);
            }
        }
    }
    if (r.hasError())
        doc.error = r.errorString();
    return doc;
}

ReadDocument readOdt(const QByteArray &xml) {
    ReadDocument doc;
    QXmlStreamReader r(xml);
    bool inCell = false, inHeader = false, inParagraph = false;
    QString paragraph;
    while (!r.atEnd()) {
        r.readNext();
        const QStringView name = r.name();
        if (r.isStartElement()) {
            if (name == u"table-column")
                doc.gridColumns += std::max(1, attr(r, "table:number-columns-repeated").toInt());
            else if (name == u"table-header-rows")
                inHeader = true;
            else if (name == u"table-row")
                doc.rows.append(ReadRow{inHeader, {}});
            else if (name == u"table-cell") {
                const int span = attr(r, "table:number-columns-spanned").toInt();
                doc.rows.last().cells.append(ReadCell{std::max(1, span), {}});
                inCell = true;
            } else if (name == u"covered-table-cell") {
                // Part of the spanned cell before it: already counted in its span.
            } else if (name == u"p") {
                inParagraph = true;
                paragraph.clear();
            } else if (name == u"s" && inParagraph)
                paragraph += QString(std::max(1, attr(r, "text:c").toInt()), u' ');
            else if (name == u"line-break" && inParagraph)
                paragraph += u'\n';
        } else if (r.isCharacters() && inParagraph) {
            paragraph += r.text();
        } else if (r.isEndElement()) {
            if (name == u"table-header-rows")
                inHeader = false;
            else if (name == u"table-cell")
                inCell = false;
            else if (name == u"p") {
                inParagraph = false;
                if (inCell)
                    doc.rows.last().cells.last().paragraphs.append(paragraph);
                else
                    doc.paragraphs.append(paragraph);
            }
        }
    }
    if (r.hasError())
        doc.error = r.errorString();
    return doc;
}

QByteArray part(const QString &file, const QString &name) {
    auto zip = io::ZipArchive::open(file);
    if (!zip.ok())
        return {};
    auto bytes = zip->read(name);
    return bytes.ok() ? *bytes : QByteArray();
}

QStringList lines(const QString &text) {
    QStringList out;
    for (const QString &line : text.split(u'\n'))
        out << line.trimmed();
    return out;
}

class SeedEditableExport : public ::testing::TestWithParam<const char *> {
protected:
    void SetUp() override {
        const QString prefix = QString::fromLatin1(GetParam());
        OBJ_REQUIRE_SHARED(seedPath(prefix), "seed " + prefix.toStdString());
        plan = approvedSeedPlan(prefix);
        ASSERT_GT(plan.measureCount(), 0) << "seed " << GetParam() << " did not import";
        const QString keep = qEnvironmentVariable("OBJECTIVITY_EXPORT_KEEP");
        if (!keep.isEmpty())
            QDir().mkpath(keep);
        base = QDir(keep.isEmpty() ? tmp.path() : keep).filePath(QStringLiteral("plan-") + prefix);
    }

    // The table against the plan: header first and repeated, then per section its row across the
    // width and its measures with every column's text where the plan has it.
    void checkTable(const ReadDocument &doc) {
        ASSERT_TRUE(doc.error.isEmpty()) << doc.error.toStdString();
        const io::PlanExportTable layout(plan, {});
        const QList<core::PlanColumn> &columns = layout.columns();
        const int n = int(columns.size());
        EXPECT_EQ(doc.gridColumns, n);
        ASSERT_EQ(doc.rows.size(), 1 + plan.sections.size() + plan.measureCount());
        EXPECT_TRUE(doc.rows[0].repeatedHeader);
        for (int c = 0; c < n; ++c)
            EXPECT_EQ(doc.rows[0].cells.value(c).paragraphs.join(u' '),
                      columns[c].heading.simplified());
        for (const ReadRow &row : doc.rows)
            EXPECT_EQ(row.columns(), n);
        int at = 1, deadlines = 0, owners = 0;
        for (const core::Section &section : plan.sections) {
            ASSERT_EQ(doc.rows[at].cells.size(), 1) << "section row " << at;
            EXPECT_EQ(doc.rows[at].cells[0].paragraphs.join(u' '),
                      io::PlanExportTable::sectionText(section).simplified());
            EXPECT_FALSE(doc.rows[at].repeatedHeader);
            ++at;
            for (const core::Measure &m : section.measures) {
                const ReadRow &row = doc.rows[at++];
                ASSERT_EQ(row.cells.size(), n) << m.text.toStdString();
                for (int c = 0; c < n; ++c) {
                    const QStringList got = row.cells[c].paragraphs;
                    switch (columns[c].role) {
                    case core::ColumnRole::Deadline:
                        EXPECT_EQ(got, lines(m.deadline.text.trimmed())) << m.text.toStdString();
                        deadlines += !m.deadline.text.trimmed().isEmpty();
                        break;
                    case core::ColumnRole::Owners:
                        // One owner per paragraph of the one cell.
                        EXPECT_EQ(got, m.owners) << m.text.toStdString();
                        owners += int(m.owners.size());
                        break;
                    case core::ColumnRole::Number:
                        EXPECT_EQ(got.join(u'\n'), m.number.trimmed());
                        break;
                    default:
                        EXPECT_EQ(got, lines(layout.cellText(m, c).trimmed()));
                    }
                }
            }
        }
        EXPECT_GT(deadlines, 0);
        EXPECT_GT(owners, 0);
    }

    void checkApproval(const QStringList &paragraphs) {
        const QStringList approval = io::PlanExportTable(plan, {}).approvalLines();
        ASSERT_FALSE(approval.isEmpty());
        ASSERT_EQ(approval.first(), QStringLiteral("УТВЕРЖДАЮ"));
        for (const QString &line : approval) {
            bool found = false;
            for (const QString &p : paragraphs)
                found = found || p.startsWith(line);
            EXPECT_TRUE(found) << line.toStdString();
        }
        // The date of the order is written (in the appendix line as the document had it), or the
        // blank line for it.
        const QString all = paragraphs.join(u'\n');
        EXPECT_EQ(all.contains(QStringLiteral("\"___\" ________ 20__ г.")),
                  !plan.approval.orderDate.isValid());
        if (plan.approval.orderDate.isValid()) {
            EXPECT_TRUE(all.contains(QString::number(plan.approval.orderDate.year())));
        }
    }

    core::Plan plan;
    QTemporaryDir tmp;
    QString base;
};

} // namespace

TEST_P(SeedEditableExport, DocxTableColumnsPageAndApproval) {
    const QString file = base + QStringLiteral(".docx");
    const core::Status st = io::PlanDocxWriter::write(plan, file);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    const QByteArray xml = part(file, QStringLiteral("word/document.xml"));
    ASSERT_FALSE(xml.isEmpty());
    const ReadDocument doc = readDocx(xml);
    checkTable(doc);
    checkApproval(doc.paragraphs);

    QXmlStreamReader r(xml);
    QString orient, width, height;
    int cantSplit = 0;
    while (!r.atEnd())
        if (r.readNext() == QXmlStreamReader::StartElement) {
            if (r.name() == u"pgSz") {
                orient = attr(r, "w:orient");
                width = attr(r, "w:w");
                height = attr(r, "w:h");
            } else if (r.name() == u"cantSplit")
                ++cantSplit;
        }
    EXPECT_EQ(orient, QStringLiteral("landscape"));
    EXPECT_EQ(width, QStringLiteral("16838"));
    EXPECT_EQ(height, QStringLiteral("11906"));
    EXPECT_EQ(cantSplit, doc.rows.size()); // no row is split across pages
    // the page number in the middle of the top margin from the second page, as in the PDF
    EXPECT_TRUE(part(file, QStringLiteral("word/header1.xml")).contains("> PAGE <"));
    EXPECT_TRUE(part(file, QStringLiteral("word/document.xml")).contains("<w:titlePg/>"));
    EXPECT_TRUE(part(file, QStringLiteral("word/styles.xml")).contains("Times New Roman"));
}

TEST_P(SeedEditableExport, OdtTableColumnsPageAndApproval) {
    const QString file = base + QStringLiteral(".odt");
    const core::Status st = io::PlanOdtWriter::write(plan, file);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();

    // The container as ODF wants it: «mimetype» first, stored, without an extra field.
    QFile raw(file);
    ASSERT_TRUE(raw.open(QIODevice::ReadOnly));
    const QByteArray head = raw.read(80);
    EXPECT_EQ(head.mid(30, 8), QByteArray("mimetype"));
    EXPECT_EQ(head.at(8), 0);  // compression method: stored
    EXPECT_EQ(head.at(28), 0); // extra field length
    EXPECT_EQ(head.mid(38, 39), QByteArray("application/vnd.oasis.opendocument.text"));
    const QByteArray manifest = part(file, QStringLiteral("META-INF/manifest.xml"));
    for (const char *name : {"content.xml", "styles.xml", "settings.xml", "meta.xml"})
        EXPECT_TRUE(manifest.contains(name)) << name;

    for (const char *name :
         {"content.xml", "styles.xml", "settings.xml", "meta.xml", "META-INF/manifest.xml"}) {
        QXmlStreamReader r(part(file, QString::fromLatin1(name)));
        while (!r.atEnd())
            r.readNext();
        EXPECT_FALSE(r.hasError()) << name << ": " << r.errorString().toStdString();
    }
    const ReadDocument doc = readOdt(part(file, QStringLiteral("content.xml")));
    checkTable(doc);
    checkApproval(doc.paragraphs);

    const QByteArray styles = part(file, QStringLiteral("styles.xml"));
    EXPECT_TRUE(styles.contains("style:print-orientation=\"landscape\""));
    EXPECT_TRUE(styles.contains("fo:page-width=\"297.00mm\""));
    EXPECT_TRUE(styles.contains("<text:page-number"));
    // the number at the top from the second page: the first page's master page has no header
    EXPECT_EQ(styles.count("<style:header>"), 1);
    EXPECT_FALSE(styles.contains("<style:footer>"));
    EXPECT_TRUE(
        styles.contains("style:name=\"First_20_Page\" style:display-name=\"First Page\" "
                        "style:page-layout-name=\"pm1\" style:next-style-name=\"Standard\"/>"));
    const QByteArray content = part(file, QStringLiteral("content.xml"));
    EXPECT_TRUE(content.contains("style:master-page-name=\"First_20_Page\""));
    // A section's row keeps with its first measure (Writer: TableRowKeep, and the row's paragraph
    // «keep with next»; PlanExportInWriterTest lays it out).
    const QByteArray settings = part(file, QStringLiteral("settings.xml"));
    EXPECT_TRUE(settings.contains("config:name=\"TableRowKeep\" config:type=\"boolean\">true"));
    EXPECT_TRUE(settings.contains("xmlns:ooo=\"http://openoffice.org/2004/office\""));
    // the settings it does not name would be taken as an old version's (printer metrics)
    EXPECT_TRUE(settings.contains(
        "config:name=\"PrinterIndependentLayout\" config:type=\"string\">high-resolution"));
    EXPECT_TRUE(
        content.contains("<style:style style:name=\"PSection\" style:family=\"paragraph\" "
                         "style:parent-style-name=\"Table_20_Contents\"><style:paragraph-"
                         "properties fo:text-align=\"center\" fo:keep-with-next=\"always\"/>"));
    EXPECT_FALSE(content.contains("style:master-page-name=\"Standard\""));
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedEditableExport, ::testing::Values("000", "001", "002"));

// A draft prints «ПРОЕКТ» instead of the approval; a plan approved without a known date gets the
// blank «"___" ________ 20__ г.» after its order number.
TEST(PlanEditableExport, DraftAndUnknownOrderDate) {
    core::Plan plan;
    plan.title = QStringLiteral("План");
    core::Section s;
    s.number = QStringLiteral("1.");
    s.title = QStringLiteral("Раздел");
    core::Measure m;
    m.number = QStringLiteral("1.1");
    m.text = QStringLiteral("Мероприятие");
    m.owners = {QStringLiteral("Иванова И.И."), QStringLiteral("Петров П.П.")};
    m.deadline.text = QStringLiteral("сентябрь");
    s.measures.append(m);
    plan.sections.append(s);
    QTemporaryDir tmp;
    const QString draft = tmp.filePath(QStringLiteral("draft.docx"));
    ASSERT_TRUE(io::PlanDocxWriter::write(plan, draft).ok());
    const ReadDocument d = readDocx(part(draft, QStringLiteral("word/document.xml")));
    EXPECT_EQ(d.paragraphs.value(0), QStringLiteral("ПРОЕКТ"));

    plan.status = core::PlanStatus::Approved;
    plan.approval.approverPosition = QStringLiteral("Директор");
    plan.approval.approverName = QStringLiteral("А.Б. Васильева");
    plan.approval.orderNumber = QStringLiteral("17");
    for (const QString &ext : {QStringLiteral("docx"), QStringLiteral("odt")}) {
        const QString file = tmp.filePath(QStringLiteral("approved.") + ext);
        const core::Status st = ext == QStringLiteral("docx")
                                    ? io::PlanDocxWriter::write(plan, file)
                                    : io::PlanOdtWriter::write(plan, file);
        ASSERT_TRUE(st.ok());
        const ReadDocument doc = ext == QStringLiteral("docx")
                                     ? readDocx(part(file, QStringLiteral("word/document.xml")))
                                     : readOdt(part(file, QStringLiteral("content.xml")));
        EXPECT_EQ(doc.paragraphs.mid(0, 4),
                  QStringList({QStringLiteral("УТВЕРЖДАЮ"), QStringLiteral("Директор"),
                               QStringLiteral("_________ / А.Б. Васильева /"),
                               QStringLiteral("Приказ № 17 от \"___\" ________ 20__ г.")}))
            << ext.toStdString();
        ASSERT_EQ(doc.rows.size(), 3);
        EXPECT_EQ(doc.rows[2].cells.value(3).paragraphs,
                  QStringList({QStringLiteral("Иванова И.И."), QStringLiteral("Петров П.П.")}));
        EXPECT_EQ(doc.rows[2].cells.value(2).paragraphs, QStringList{QStringLiteral("сентябрь")});
    }
}

// An empty plan and a plan whose texts hold markup, control characters and runs of spaces: both
// files are well-formed and the text comes back as written (control characters dropped).
TEST(PlanEditableExport, EmptyPlanAndHostileText) {
    QTemporaryDir tmp;
    core::Plan plan;
    for (const QString &ext : {QStringLiteral("docx"), QStringLiteral("odt")}) {
        const QString file = tmp.filePath(QStringLiteral("empty.") + ext);
        const bool docx = ext == QStringLiteral("docx");
        ASSERT_TRUE(
            (docx ? io::PlanDocxWriter::write(plan, file) : io::PlanOdtWriter::write(plan, file))
                .ok());
        const ReadDocument doc = docx ? readDocx(part(file, QStringLiteral("word/document.xml")))
                                      : readOdt(part(file, QStringLiteral("content.xml")));
        EXPECT_TRUE(doc.error.isEmpty()) << doc.error.toStdString();
        ASSERT_EQ(doc.rows.size(), 1) << ext.toStdString();
        EXPECT_TRUE(doc.rows[0].repeatedHeader);
    }

    core::Section s;
    s.number = QStringLiteral("1.");
    s.title = QStringLiteral("<Раздел> & \"кавычки\"");
    core::Measure m;
    m.number = QStringLiteral("1.1");
    m.text = QStringLiteral("a\u0001b <w:p> &amp;  два  пробела\tтаб");
    m.owners = {QStringLiteral("Иванова & Ко")};
    m.deadline.text = QStringLiteral("до 01.09");
    s.measures.append(m);
    plan.sections.append(s);
    for (const QString &ext : {QStringLiteral("docx"), QStringLiteral("odt")}) {
        const QString file = tmp.filePath(QStringLiteral("hostile.") + ext);
        const bool docx = ext == QStringLiteral("docx");
        ASSERT_TRUE(
            (docx ? io::PlanDocxWriter::write(plan, file) : io::PlanOdtWriter::write(plan, file))
                .ok());
        const ReadDocument doc = docx ? readDocx(part(file, QStringLiteral("word/document.xml")))
                                      : readOdt(part(file, QStringLiteral("content.xml")));
        ASSERT_TRUE(doc.error.isEmpty()) << doc.error.toStdString();
        ASSERT_EQ(doc.rows.size(), 3);
        EXPECT_EQ(doc.rows[1].cells.value(0).paragraphs,
                  QStringList{QStringLiteral("1. <Раздел> & \"кавычки\"")});
        // Tabs are elements that the readers here skip; the rest is as written.
        EXPECT_EQ(doc.rows[2].cells.value(1).paragraphs.value(0),
                  QStringLiteral("ab <w:p> &amp;  два  пробелатаб"))
            << ext.toStdString();
        EXPECT_EQ(doc.rows[2].cells.value(3).paragraphs,
                  QStringList{QStringLiteral("Иванова & Ко")});
    }
}

// The program reads .docx and .odt plans too: a seed exported to either imports back as it was.
TEST_P(SeedEditableExport, DocxImportsBackWithTheSameMeasures) {
    const QString file = base + QStringLiteral("-roundtrip.docx");
    ASSERT_TRUE(io::PlanDocxWriter::write(plan, file).ok());
    test::expectPlanReadsBack(plan, file);
}

TEST_P(SeedEditableExport, OdtImportsBackWithTheSameMeasures) {
    const QString file = base + QStringLiteral("-roundtrip.odt");
    ASSERT_TRUE(io::PlanOdtWriter::write(plan, file).ok());
    test::expectPlanReadsBack(plan, file);
}
