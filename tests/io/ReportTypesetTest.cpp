// The printed справка follows Russian typesetting: no line ends with «№» and none starts with «%»,
// «г.» or a dash (ReportDocument::typeset, called by the PDF and DOCX writers).
#include "objectivity/io/export/ReportDocument.h"
#include "objectivity/io/export/ReportDocxWriter.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using Kind = io::ReportDocument::Block::Kind;
using namespace Qt::StringLiterals;

namespace {
const QChar kNbsp(0x00A0);
QString nb(QString s) {
    return s.replace(QLatin1Char('~'), kNbsp);
}
} // namespace

TEST(ReportTypeset, NonBreakingSpacesWhereRussianTypesettingWantsThem) {
    const struct {
        const char16_t *in, *out;
    } cases[] = {
        {u"МАОУ «СОШ № 6» (edu000038)", u"МАОУ «СОШ №~6» (edu000038)"},
        {u"таких 0 из 395 медалистов (0,0 %).", u"таких 0 из 395 медалистов (0,0~%)."},
        {u"для медали 2023 г. Для сравнения", u"для медали 2023~г. Для сравнения"},
        {u"2022–2024 гг. в 4 кл. школы", u"2022–2024~гг. в 4~кл. школы"},
        {u"2022, ВПР, 5 кл., Математика — Много «понизили»",
         u"2022, ВПР, 5~кл., Математика~— Много «понизили»"},
        // left alone: a number followed by a word, «№» at the end, a dash opening a line
        {u"в 2 классах 45,5% работ", u"в 2 классах 45,5% работ"},
        {u"— пункт списка №", u"— пункт списка №"},
    };
    for (const auto &c : cases)
        EXPECT_EQ(io::ReportDocument::typesetText(QString::fromUtf16(c.in)),
                  nb(QString::fromUtf16(c.out)))
            << QString::fromUtf16(c.in).toStdString();
}

TEST(ReportTypeset, TheDocxHasThemAndTheDocumentModelKeepsPlainSpaces) {
    io::ReportDocument doc;
    doc.title = QStringLiteral("Справка по МБОУ «СОШ № 2»");
    doc.add(Kind::Title, doc.title);
    doc.paragraph(QStringLiteral("Итоги 2024 г."), QStringLiteral("Выполнено 61,5 % работ."));
    doc.table({QStringLiteral("Школа"), QStringLiteral("Доля")},
              {{QStringLiteral("СОШ № 7"), QStringLiteral("12 %")}}, {50, 50});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("справка.docx"));
    ASSERT_TRUE(io::ReportDocxWriter::write(doc, path).ok());
    auto zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok());
    auto xml = zip->read(QStringLiteral("word/document.xml"));
    ASSERT_TRUE(xml.ok());
    const QString text = QString::fromUtf8(*xml);
    for (const char16_t *expected :
         {u"МБОУ «СОШ №~2»", u"Итоги 2024~г.", u"61,5~% работ", u"СОШ №~7", u"12~%"})
        EXPECT_TRUE(text.contains(nb(QString::fromUtf16(expected))))
            << QString::fromUtf16(expected).toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("№ "))); // no breakable space after «№» is left
    EXPECT_TRUE(doc.plainText().contains(QStringLiteral("СОШ № 7"))); // the model is unchanged
}

// Cells the writers align right: numbers, shares and lists of them, «—»; a criterion's title that
// starts with a digit is text («4 класс не подтвердился в 5 классе» stood right-aligned).
TEST(ReportTypeset, NumericCellsAreNumbersNotTextsStartingWithADigit) {
    for (const QString &cell : {u"27"_s, u"1 304"_s, u"1\u00a0304"_s, u"7,5 %"_s, u"-2,4"_s,
                                u"\u22122,4"_s, u"19,4 / 53,0 / 27,6"_s, u"15.10.2024"_s, u"—"_s})
        EXPECT_TRUE(io::ReportDocument::isNumericCell(cell)) << cell.toStdString();
    for (const QString &cell : {u"4 класс не подтвердился в 5 классе"_s, u"5 кл. математика"_s,
                                u"edu000038"_s, u""_s, u"%"_s, u"нет"_s})
        EXPECT_FALSE(io::ReportDocument::isNumericCell(cell)) << cell.toStdString();
}
