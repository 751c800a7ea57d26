// The editable plan (.odt and .docx) as the user's LibreOffice Writer has it: Writer reads every
// measure's cells where we put them (it saves our .odt as .docx and our .docx as .odt, and both
// read back as the plan), and a section heading row never ends a page with its measures on the next
// (laid out by Writer into PDF, read with pdftotext). The tests skip where LibreOffice or
// poppler-utils is not installed.
#include "LibreOfficeSupport.h"
#include "PlanExportSupport.h"
#include "TestSupport.h"

#include "objectivity/io/export/PlanDocxWriter.h"
#include "objectivity/io/export/PlanOdtWriter.h"
#include "objectivity/io/formats/OfficeConverter.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

using namespace objectivity;

namespace {

const QString kPdfToText = QStringLiteral("/usr/bin/pdftotext");
const QString kSectionTitle = QStringLiteral("Контрольный раздел");

core::Measure measure(int number, int owners) {
    core::Measure m;
    m.number = QStringLiteral("1.%1").arg(number);
    m.text = QStringLiteral("Мероприятие номер %1").arg(number);
    for (int i = 0; i < owners; ++i)
        m.owners << QStringLiteral("Ответственный %1").arg(i + 1);
    m.deadline.text = QStringLiteral("сентябрь");
    m.expectedResult = QStringLiteral("Результат");
    return m;
}

// `before` two-line measures in the first section (the first one `firstOwners` lines high), then
// the section whose heading row is watched, with three measures.
core::Plan plan(int before, int firstOwners) {
    core::Plan plan;
    plan.title = QStringLiteral("План мероприятий");
    plan.status = core::PlanStatus::Approved;
    plan.approval.approverPosition = QStringLiteral("Директор");
    plan.approval.approverName = QStringLiteral("А.Б. Васильева");
    plan.approval.orderNumber = QStringLiteral("17");
    core::Section first;
    first.number = QStringLiteral("I.");
    first.title = QStringLiteral("Первый раздел");
    for (int i = 1; i <= before; ++i)
        first.measures.append(measure(i, i == 1 ? firstOwners : 2));
    core::Section watched;
    watched.number = QStringLiteral("II.");
    watched.title = kSectionTitle;
    for (int i = 1; i <= 3; ++i)
        watched.measures.append(measure(100 + i, 2));
    plan.sections = {first, watched};
    return plan;
}

} // namespace

// Plans whose watched heading falls at every height of the page's end (the measures before it
// move it by a row, the first measure's 1–3 owner lines by a line), written as .odt and .docx and
// laid out by LibreOffice: no page ends with the heading, and at least one page starts with it
// (so the page end was crossed). Before settings.xml asked Writer to keep such a row with the next
// one, the .odt of 3 of these plans ended a page with it.
TEST(PlanExportInWriter, SectionHeadingRowNeverEndsAPage) {
    OBJ_REQUIRE_LIBREOFFICE_AND_PDFTOTEXT();
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QStringList files;
    for (int before = 8; before <= 16; ++before)
        for (int owners = 1; owners <= 3; ++owners) {
            const core::Plan p = plan(before, owners);
            const QString name = QStringLiteral("plan-%1-%2").arg(before).arg(owners);
            // Base names of their own: the PDFs of one batch go to one folder.
            const QString odt = dir.filePath(name + QStringLiteral("-odt.odt"));
            const QString docx = dir.filePath(name + QStringLiteral("-docx.docx"));
            ASSERT_TRUE(io::PlanOdtWriter::write(p, odt).ok());
            ASSERT_TRUE(io::PlanDocxWriter::write(p, docx).ok());
            files << odt << docx;
        }
    const QString out = dir.filePath(QStringLiteral("pdf"));
    ASSERT_TRUE(test::convertWithLibreOffice(files, QStringLiteral("pdf"), out,
                                             dir.filePath(QStringLiteral("profile"))));

    int startsAPage = 0;
    for (const QString &file : files) {
        const QFileInfo info(file);
        const QString pdf = QDir(out).filePath(info.completeBaseName() + QStringLiteral(".pdf"));
        ASSERT_TRUE(QFileInfo::exists(pdf)) << "not converted: " << info.fileName().toStdString();
        const QList<QStringList> pages = test::pdfPageLines(pdf);
        ASSERT_FALSE(pages.isEmpty()) << info.fileName().toStdString();
        for (int page = 1; page <= pages.size(); ++page) {
            const QStringList &lines = pages[page - 1];
            if (lines.isEmpty())
                continue;
            EXPECT_FALSE(lines.last().contains(kSectionTitle))
                << info.fileName().toStdString() << ": page " << page << " ends with the heading";
            // The repeated header, then the heading as the page's first row.
            for (int i = 0; i + 1 < lines.size(); ++i)
                if (page > 1 && lines[i].contains(QStringLiteral("Мероприятия")) &&
                    lines[i + 1].contains(kSectionTitle))
                    ++startsAPage;
        }
    }
    EXPECT_GT(startsAPage, 0) << "no plan put the heading at a page's start: the page end was "
                                 "not crossed, the test checks nothing";
}

// Each seed plan exported as .odt and .docx, saved by Writer in the other format: both read back
// with every measure's text, deadline and owners in their places (the old ODT export passed its
// own tests while Writer showed the owners in the deadline column).
TEST(PlanExportInWriter, WriterKeepsEveryCellInPlace) {
    OBJ_REQUIRE_LIBREOFFICE();
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QList<core::Plan> plans;
    QStringList odts, docxs;
    for (const char *prefix : {"000", "001", "002"}) {
        OBJ_REQUIRE_SHARED(test::seedPath(QString::fromLatin1(prefix)),
                           std::string("seed ") + prefix);
        plans << test::approvedSeedPlan(QString::fromLatin1(prefix));
        ASSERT_GT(plans.last().measureCount(), 0) << "seed " << prefix;
        // Base names of their own: Writer's .docx of one is not the other's input.
        odts << dir.filePath(QStringLiteral("odt-%1.odt").arg(QLatin1String(prefix)));
        docxs << dir.filePath(QStringLiteral("docx-%1.docx").arg(QLatin1String(prefix)));
        ASSERT_TRUE(io::PlanOdtWriter::write(plans.last(), odts.last()).ok());
        ASSERT_TRUE(io::PlanDocxWriter::write(plans.last(), docxs.last()).ok());
    }
    const QString out = dir.filePath(QStringLiteral("saved"));
    const QString profile = dir.filePath(QStringLiteral("profile"));
    ASSERT_TRUE(
        test::convertWithLibreOffice(odts, QStringLiteral("docx:MS Word 2007 XML"), out, profile));
    ASSERT_TRUE(test::convertWithLibreOffice(docxs, QStringLiteral("odt"), out, profile));
    for (int i = 0; i < plans.size(); ++i) {
        for (const QString &saved :
             {QDir(out).filePath(QFileInfo(odts[i]).completeBaseName() + QStringLiteral(".docx")),
              QDir(out).filePath(QFileInfo(docxs[i]).completeBaseName() +
                                 QStringLiteral(".odt"))}) {
            SCOPED_TRACE(QFileInfo(saved).fileName().toStdString());
            ASSERT_TRUE(QFileInfo::exists(saved));
            test::expectPlanReadsBack(plans[i], saved);
        }
    }
}

// The seed plans' .odt and .docx printed from Writer follow the conventions of our own PDF: A4
// landscape, «УТВЕРЖДАЮ» at the top of the first page, which has no number; on every next page its
// number at the top, then the repeated table header; every measure's text somewhere.
TEST(PlanExportInWriter, PrintedFromWriterAsOurPdfIs) {
    OBJ_REQUIRE_LIBREOFFICE_AND_PDFTOTEXT();
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QList<core::Plan> plans;
    QStringList files;
    for (const char *prefix : {"000", "001", "002"}) {
        OBJ_REQUIRE_SHARED(test::seedPath(QString::fromLatin1(prefix)),
                           std::string("seed ") + prefix);
        plans << test::approvedSeedPlan(QString::fromLatin1(prefix));
        ASSERT_GT(plans.last().measureCount(), 0) << "seed " << prefix;
        files << dir.filePath(QStringLiteral("odt-%1.odt").arg(QLatin1String(prefix)))
              << dir.filePath(QStringLiteral("docx-%1.docx").arg(QLatin1String(prefix)));
        ASSERT_TRUE(io::PlanOdtWriter::write(plans.last(), files[files.size() - 2]).ok());
        ASSERT_TRUE(io::PlanDocxWriter::write(plans.last(), files.last()).ok());
    }
    const QString out = dir.filePath(QStringLiteral("pdf"));
    ASSERT_TRUE(test::convertWithLibreOffice(files, QStringLiteral("pdf"), out,
                                             dir.filePath(QStringLiteral("profile"))));
    for (int f = 0; f < files.size(); ++f) {
        const core::Plan &plan = plans[f / 2];
        const QString pdf =
            QDir(out).filePath(QFileInfo(files[f]).completeBaseName() + QStringLiteral(".pdf"));
        SCOPED_TRACE(QFileInfo(files[f]).fileName().toStdString());
        ASSERT_TRUE(QFileInfo::exists(pdf));
        const QRegularExpressionMatch size =
            QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts"))
                .match(test::runTool(QStringLiteral("/usr/bin/pdfinfo"), {pdf}));
        ASSERT_TRUE(size.hasMatch());
        EXPECT_NEAR(size.captured(1).toDouble(), 841.89, 1.0); // A4 landscape
        EXPECT_NEAR(size.captured(2).toDouble(), 595.28, 1.0);

        const QString heading = plan.columns.at(1).heading.simplified();
        const QList<QStringList> text = test::pdfPageLines(pdf);
        const int pages = int(text.size());
        for (int page = 1; page <= pages; ++page) {
            const QStringList &lines = text[page - 1];
            ASSERT_FALSE(lines.isEmpty()) << "page " << page << " is empty";
            if (page == 1) {
                EXPECT_TRUE(lines.first().contains(QStringLiteral("УТВЕРЖДАЮ")))
                    << lines.first().toStdString();
                continue;
            }
            EXPECT_EQ(lines.first(), QString::number(page)) << "page " << page;
            EXPECT_TRUE(lines.value(1).contains(heading) || lines.value(2).contains(heading))
                << "page " << page << ": no repeated header «" << heading.toStdString() << "»";
        }
        EXPECT_GE(pages, 2);
        // in content order (a cell's lines together), as PlanExportTest reads our own PDF
        const QStringList words = test::words(
            test::runTool(kPdfToText, {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                       QStringLiteral("UTF-8"), pdf, QStringLiteral("-")}));
        for (const core::Section &section : plan.sections)
            for (const core::Measure &m : section.measures)
                EXPECT_TRUE(test::containsWordSequence(words, test::words(m.text)))
                    << "measure " << m.number.toStdString() << " missing";
    }
}
