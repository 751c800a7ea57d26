// The справка's .docx as the user's LibreOffice Writer prints it: the signature line stays on the
// page of the paragraph before it (never alone at the top of a page) and no page is left empty at
// the end (Writer printed one that held only the page number when the signature filled the last
// page). Laid out by Writer into PDF, read with pdftotext; skips where LibreOffice or poppler-utils
// is not installed.
#include "GeneratedAnalysis.h"
#include "LibreOfficeSupport.h"

#include "objectivity/io/export/AnalysisReportBuilder.h"
#include "objectivity/io/export/ReportDocxWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

using namespace objectivity;
using Kind = io::ReportDocument::Block::Kind;
using namespace Qt::StringLiterals;

namespace {

// `lines` one-line paragraphs, a paragraph of three lines ending «…мероприятий.», the signature.
io::ReportDocument signedDocument(int lines) {
    io::ReportDocument doc;
    doc.title = u"Проверка"_s;
    for (int i = 0; i < lines; ++i)
        doc.add(Kind::Paragraph, u"Строка %1."_s.arg(i + 1));
    doc.add(Kind::Paragraph,
            u"Признак — повод для проверки, а не вывод о нарушении. Выводы о необъективности "
            u"делаются после изучения работ, протоколов и условий проведения, а меры включаются "
            u"в план мероприятий."_s);
    io::ReportDocument::Block signature;
    signature.kind = Kind::Signature;
    signature.cells = {u"Начальник отдела оценки качества образования"_s, QString(),
                       u"И. И. Иванова"_s};
    doc.blocks.append(signature);
    return doc;
}

} // namespace

// The filler grows line by line over a page's end: in every step the signature's captions are on
// the last page with the end of the paragraph before them, every page has more than its number,
// and in some step the last paragraph went over to the last page (the page end was crossed).
TEST(ReportDocxInWriter, SignatureStaysWithTheLastParagraphAndNoPageIsEmpty) {
    OBJ_REQUIRE_LIBREOFFICE_AND_PDFTOTEXT();
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QStringList files;
    for (int lines = 26; lines <= 46; ++lines) {
        const QString file = dir.filePath(u"report-%1.docx"_s.arg(lines));
        const core::Status st = io::ReportDocxWriter::write(signedDocument(lines), file);
        ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
        files << file;
    }
    ASSERT_TRUE(test::convertWithLibreOffice(files, u"pdf"_s, dir.filePath(u"pdf"_s),
                                             dir.filePath(u"profile"_s)));

    int movedOver = 0, multiPage = 0;
    for (const QString &file : files) {
        const QString name = QFileInfo(file).completeBaseName();
        SCOPED_TRACE(name.toStdString());
        const QList<QStringList> text =
            test::pdfPageLines(dir.filePath(u"pdf/"_s + name + u".pdf"_s));
        ASSERT_FALSE(text.isEmpty()) << "not converted";
        multiPage += text.size() > 1;
        for (int p = 0; p < text.size(); ++p)
            EXPECT_FALSE(text[p].size() == 1 && text[p][0] == QString::number(p + 1))
                << "page " << p + 1 << " holds only its number";
        const QStringList &last = text.last();
        const QString all = last.join(u'\n');
        EXPECT_TRUE(all.contains(u"(подпись)"_s)) << "the captions are not on the last page";
        EXPECT_TRUE(all.contains(u"мероприятий."_s))
            << "the signature is on a page without the paragraph before it";
        movedOver += text.size() > 1 && !all.contains(u"Строка"_s);
    }
    EXPECT_GT(multiPage, 0) << "no step reached a second page: the test checks nothing";
    EXPECT_GT(movedOver, 0) << "the last paragraph never went over with the signature";
}

// The region's справка of a generated region (60 schools, 2024 ВПР) printed from Writer: A4
// portrait; the first page unnumbered, every next one numbered at the top (ГОСТ Р 7.0.97-2016,
// п. 6.6); the title, the five sections in order, both figures, the signature on the last page.
TEST(ReportDocxInWriter, RegionReportPrintsAsAnOfficialDocument) {
    OBJ_REQUIRE_LIBREOFFICE_AND_PDFTOTEXT();
    io::AnalysisScope scope;
    scope.year = 2024;
    scope.kind = static_cast<int>(core::ProcedureKind::VPR);
    scope.date = QDate(2026, 11, 30);
    scope.organization = u"Управление образования"_s;
    const io::ReportDocument doc = io::AnalysisReportBuilder::build(test::generatedReport(), scope);
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    const QString file = dir.filePath(u"spravka.docx"_s);
    ASSERT_TRUE(io::ReportDocxWriter::write(doc, file).ok());
    ASSERT_TRUE(test::convertWithLibreOffice({file}, u"pdf"_s, dir.filePath(u"pdf"_s),
                                             dir.filePath(u"profile"_s)));
    const QString pdf = dir.filePath(u"pdf/spravka.pdf"_s);
    ASSERT_TRUE(QFileInfo::exists(pdf));

    QProcess info;
    info.start(u"/usr/bin/pdfinfo"_s, {pdf});
    ASSERT_TRUE(info.waitForFinished(60'000));
    const QRegularExpressionMatch size =
        QRegularExpression(u"Page size:\\s+([\\d.]+) x ([\\d.]+) pts"_s)
            .match(QString::fromUtf8(info.readAllStandardOutput()));
    ASSERT_TRUE(size.hasMatch());
    EXPECT_NEAR(size.captured(1).toDouble(), 595.28, 1.0); // A4 portrait
    EXPECT_NEAR(size.captured(2).toDouble(), 841.89, 1.0);

    const QList<QStringList> text = test::pdfPageLines(pdf);
    ASSERT_GE(text.size(), 3);
    EXPECT_NE(text[0].first(), u"1"_s) << "the first page is not numbered";
    for (int p = 1; p < text.size(); ++p)
        EXPECT_EQ(text[p].first(), QString::number(p + 1)) << "page " << p + 1;
    QString all;
    for (const QStringList &page : text)
        all += page.join(u' ') + u' ';
    EXPECT_TRUE(all.contains(u"Аналитическая справка"_s));
    qsizetype at = 0;
    for (const QString &heading :
         {u"1. Основание и цель"_s, u"2. Какие данные проанализированы"_s, u"3. Метод"_s,
          u"4. Результаты"_s, u"5. Выводы и рекомендации"_s}) {
        const qsizetype found = all.indexOf(heading, at);
        EXPECT_GE(found, 0) << heading.toStdString() << " missing or out of order";
        at = std::max(at, found);
    }
    EXPECT_TRUE(all.contains(u"Рисунок 1"_s));
    EXPECT_TRUE(all.contains(u"Рисунок 2"_s));
    EXPECT_TRUE(text.last().join(u' ').contains(u"(подпись)"_s));

    QProcess images;
    images.start(u"/usr/bin/pdfimages"_s, {u"-list"_s, pdf});
    ASSERT_TRUE(images.waitForFinished(60'000));
    const QStringList list =
        QString::fromUtf8(images.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    EXPECT_GE(list.size() - 2, 2) << "the two figures are not in the printed document";
}
