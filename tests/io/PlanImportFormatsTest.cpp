// HTML and .docx plans give the same structure as the text form; a synthetic plan with another
// layout; the HTML tokenizer and the .docx reader on their own.
#include "DocxFixtureWriter.h"
#include "PlanImportSupport.h"
#include "TestSupport.h"

#include "objectivity/io/plan/DocxPlanReader.h"
#include "objectivity/io/plan/HtmlPlanReader.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <QFile>

using namespace objectivity;
using core::ColumnRole;
using io::PlanImporter;
using io::PlanTextRules;

namespace {

using test::importPlanOk;

} // namespace

TEST(PlanImportFormats, WordClipboardHtmlMatchesTheText) {
    const QString seed = test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    const auto text = importPlanOk(seed);
    const auto html = importPlanOk(
        test::sourceFile(QStringLiteral("tests/data/plans/kalinovka_word_clipboard.html")));
    EXPECT_EQ(html.plan.measureCount(), 26);
    EXPECT_EQ(test::expectSamePlan(text.plan, html.plan), 0);
    // The <br> between sentences is kept as a line break.
    const auto &m = html.plan.sections[1].measures[4];
    EXPECT_EQ(
        m.expectedResult,
        QStringLiteral("Развитие профессиональных компетенций.\nПринятие управленческих решений"));
    EXPECT_TRUE(html.plan.note.isEmpty()) << html.plan.note.toStdString();
    // only the deadlines before the approval (04.03.2024), as in the text (DeadlineCheck)
    EXPECT_EQ(html.warnings.size(), 4) << html.warnings.join(QLatin1Char('\n')).toStdString();
    for (const QString &w : html.warnings)
        EXPECT_TRUE(w.contains(QStringLiteral("проверьте год"))) << w.toStdString();

    // The clipboard path: the same HTML as text.
    QFile f(test::sourceFile(QStringLiteral("tests/data/plans/kalinovka_word_clipboard.html")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const auto pasted =
        PlanImporter::importText(QString::fromUtf8(f.readAll()), QStringLiteral("буфер обмена"));
    ASSERT_TRUE(pasted.ok()) << pasted.error().toString().toStdString();
    EXPECT_EQ(test::expectSamePlan(text.plan, pasted->plan), 0);
}

TEST(PlanImportFormats, DocxWithGridSpanAndVMergeMatchesTheText) {
    const QString seed = test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    const auto text = importPlanOk(seed);
    const QString path = test::sourceFile(QStringLiteral("tests/data/plans/kalinovka.docx"));
    const auto docx = importPlanOk(path);
    EXPECT_EQ(docx.plan.sections.size(), 5);
    EXPECT_EQ(docx.plan.measureCount(), 26);
    EXPECT_EQ(test::expectSamePlan(text.plan, docx.plan), 0);
    // Measures 2–4 of section 1 share one vertically merged owners cell.
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(docx.plan.sections[0].measures[i].owners,
                  QStringList{QStringLiteral("Зам. директора")});

    // The reader itself: the section row is one cell spanning five grid columns.
    auto raw = io::DocxPlanReader::read(path, QStringLiteral("kalinovka.docx"));
    ASSERT_TRUE(raw.ok());
    const io::RawBlock *section = nullptr;
    const io::RawBlock *continued = nullptr;
    for (const auto &b : raw->blocks) {
        if (b.isRow() && b.text().startsWith(QStringLiteral("1. Мероприятия")))
            section = &b;
        if (b.isRow() && b.cells.value(0) == QStringLiteral("3") && !continued)
            continued = &b;
    }
    ASSERT_NE(section, nullptr);
    EXPECT_EQ(section->cells.size(), 5);
    EXPECT_TRUE(section->cells[1].isEmpty());
    ASSERT_NE(continued, nullptr);
    EXPECT_EQ(continued->cells[3], QStringLiteral("Зам. директора"));
    EXPECT_TRUE(continued->repeated[3]);
    EXPECT_FALSE(continued->repeated[1]);
    EXPECT_EQ(raw->where(*section), QStringLiteral("Строка таблицы 2"));
}

TEST(PlanImportFormats, DocxErrors) {
    QTemporaryDir dir;
    // A zip without word/document.xml, and a document.xml that is broken.
    auto bad = io::DocxPlanReader::readDocumentXml("<w:document><w:body><w:p><w:r><w:t>текст</w:r>",
                                                   QStringLiteral("сломан.docx"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().file, QStringLiteral("сломан.docx"));
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("повреждено")));
    auto r = PlanImporter::importData(QByteArray("PK\x03\x04garbage", 11),
                                      PlanImporter::Format::Auto, QStringLiteral("обрезан.docx"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, QStringLiteral("обрезан.docx"));
}

TEST(PlanImportFormats, SyntheticRomanPlanInCp1251WithRepeatedHeader) {
    const auto imp = importPlanOk(
        test::sourceFile(QStringLiteral("tests/data/plans/gymnasium3_roman_cp1251.txt")));
    const core::Plan &plan = imp.plan;
    EXPECT_EQ(plan.title,
              QStringLiteral("ПЛАН мероприятий по обеспечению объективности оценочных процедур в "
                             "МБОУ «Гимназия №3» на 2023/24 учебный год"));
    EXPECT_EQ(plan.period, core::AcademicPeriod::academicYear(2023));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("112-о"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2023, 9, 15));
    EXPECT_EQ(plan.approval.approverName, QStringLiteral("Е.В. Кузнецова"));
    EXPECT_EQ(plan.organization.name, QStringLiteral("МБОУ «Гимназия №3»"));
    EXPECT_EQ(plan.columns,
              (QList<core::PlanColumn>{
                  {ColumnRole::Number, QStringLiteral("№ п/п")},
                  {ColumnRole::Measure, QStringLiteral("Наименование мероприятия")},
                  {ColumnRole::Deadline, QStringLiteral("Сроки исполнения")},
                  {ColumnRole::Owners, QStringLiteral("Ответственный исполнитель")}}));
    ASSERT_EQ(plan.sections.size(), 3);
    EXPECT_EQ(plan.sections[0].number, QStringLiteral("I."));
    EXPECT_EQ(plan.sections[0].title, QStringLiteral("Организационно-методическое обеспечение"));
    EXPECT_EQ(plan.sections[1].number, QStringLiteral("ІІ.")); // Ukrainian І, kept as written
    EXPECT_EQ(plan.sections[2].number, QStringLiteral("III."));
    EXPECT_EQ(plan.sections[2].title, QStringLiteral("Работа с родителями и обучающимися"));
    EXPECT_EQ(plan.sections[0].measures.size(), 3);
    EXPECT_EQ(plan.sections[1].measures.size(),
              3); // the header and column numbers repeated are skipped
    EXPECT_EQ(plan.sections[2].measures.size(), 2);
    const auto &m22 = plan.sections[1].measures[1];
    EXPECT_EQ(m22.number, QStringLiteral("2.2"));
    EXPECT_EQ(m22.owners, (QStringList{QStringLiteral("Руководители ШМО"),
                                       QStringLiteral("учителя-предметники")}));
    EXPECT_EQ(plan.sections[0].measures[0].deadline.kind, core::DeadlineKind::ByDate);
    EXPECT_EQ(plan.sections[0].measures[0].deadline.to, QDate(2023, 9, 25));
    // Nothing is dropped: the extra cell goes to the measure's note, the signature below the table
    // to the plan's note; each with a warning naming its line.
    EXPECT_EQ(plan.sections[2].measures[1].note, QStringLiteral("протокол собрания"));
    EXPECT_TRUE(plan.note.contains(QStringLiteral("О.П. Смирнова")));
    auto has = [&](const QString &s) {
        for (const auto &w : imp.warnings)
            if (w.startsWith(s))
                return true;
        return false;
    };
    EXPECT_TRUE(has(QStringLiteral("Строка 31:")));
    EXPECT_TRUE(has(QStringLiteral("Строка 33:")));
    EXPECT_TRUE(has(QStringLiteral("Строка 17: номер раздела «ІІ.»")));
}

TEST(HtmlPlanReader, TolerantTokenizerSpansEntitiesAndNestedTables) {
    const QString html = QStringLiteral(
        "<!DOCTYPE html><html><head><title>x</title><style>td{color:red}</style>"
        "<script>var a = '<table>';</script></head><body>"
        "<h1>План &laquo;работы&raquo;&nbsp;на 2024&#47;25</h1><p>Вводный <i>текст</p>"
        "<TABLE border=1><tr><th>№<th>Мероприятия<th>Сроки<th>Ответственные"
        "<tr><td colspan=4><b>1. Раздел</b>"
        "<tr><td>1.1<td>Первое<br>мероприятие &amp; ещё<td>Май<td rowspan=2>Иванов И.И."
        "<tr><td>1.2<td>Второе <span class=x>с тегом</span><td>Июнь"
        "<tr><td>1.3<td><table><tr><td>вложенная</td><td>таблица</td></tr></"
        "table><td>&#x418;юль<td>Петров П.П.</td></tr>"
        "</TABLE><p>После таблицы</p></body></html>");
    const auto doc = io::HtmlPlanReader::read(html, QStringLiteral("t.html")).value();
    QList<io::RawBlock> rows;
    QStringList paragraphs;
    for (const auto &b : doc.blocks) {
        if (b.isRow())
            rows << b;
        else if (!b.isBlank())
            paragraphs << b.text();
    }
    EXPECT_EQ(paragraphs,
              (QStringList{QStringLiteral("План «работы» на 2024/25"),
                           QStringLiteral("Вводный текст"), QStringLiteral("После таблицы")}));
    ASSERT_EQ(rows.size(), 5);
    EXPECT_EQ(rows[0].cells,
              (QStringList{QStringLiteral("№"), QStringLiteral("Мероприятия"),
                           QStringLiteral("Сроки"), QStringLiteral("Ответственные")}));
    EXPECT_EQ(rows[1].cells,
              (QStringList{QStringLiteral("1. Раздел"), QString(), QString(), QString()}));
    EXPECT_EQ(rows[2].cells[1], QStringLiteral("Первое\nмероприятие & ещё"));
    EXPECT_EQ(rows[3].cells, (QStringList{QStringLiteral("1.2"), QStringLiteral("Второе с тегом"),
                                          QStringLiteral("Июнь"), QStringLiteral("Иванов И.И.")}));
    EXPECT_TRUE(rows[3].repeated[3]);
    EXPECT_EQ(rows[4].cells[1], QStringLiteral("вложенная таблица"));
    EXPECT_EQ(rows[4].cells[2], QStringLiteral("Июль"));

    const auto r = PlanImporter::importText(html, QStringLiteral("t.html"));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    ASSERT_EQ(r->plan.sections.size(), 1);
    ASSERT_EQ(r->plan.measureCount(), 3);
    EXPECT_EQ(r->plan.sections[0].measures[1].owners, QStringList{QStringLiteral("Иванов И.И.")});
    EXPECT_EQ(r->plan.period, core::AcademicPeriod::academicYear(2024));
}

TEST(PlanImportFormats, DocxWithApprovalInALayoutTable) {
    auto p = [](const QString &text, bool bold = false) -> QString {
        return QStringLiteral("<w:p><w:r>%1<w:t xml:space=\"preserve\">%2</w:t></w:r></w:p>")
            .arg(bold ? QStringLiteral("<w:rPr><w:b/></w:rPr>") : QString(), text);
    };
    auto tc = [](const QString &content, const QString &props = QString()) -> QString {
        return QStringLiteral("<w:tc><w:tcPr>%1</w:tcPr>%2</w:tc>").arg(props, content);
    };
    const QString layout =
        QStringLiteral("<w:tbl><w:tr>") +
        tc(p(QStringLiteral("СОГЛАСОВАНО")) + p(QStringLiteral("Председатель ПК")) +
           p(QStringLiteral("______ О.О. Профкомова"))) +
        tc(p(QStringLiteral("УТВЕРЖДАЮ")) + p(QStringLiteral("Директор МБОУ «СОШ №7»")) +
           p(QStringLiteral("_______ А.Б. Директорова")) +
           p(QStringLiteral("Приказ № 45 от 29.08.2024"))) +
        QStringLiteral("</w:tr></w:tbl>");
    auto row = [&](const QStringList &cells, const QString &ownersProps = QString()) -> QString {
        QString r = QStringLiteral("<w:tr>");
        for (int i = 0; i < cells.size(); ++i)
            r += tc(cells[i].isEmpty() ? QStringLiteral("<w:p/>") : p(cells[i]),
                    i == 3 ? ownersProps : QString());
        return r + QStringLiteral("</w:tr>");
    };
    const QString restart = QStringLiteral("<w:vMerge w:val=\"restart\"/>");
    const QString cont = QStringLiteral("<w:vMerge/>");
    const QString plan = QStringLiteral("<w:tbl>") +
                         row({QStringLiteral("№ п/п"), QStringLiteral("Содержание работы"),
                              QStringLiteral("Срок"), QStringLiteral("Ответственный")}) +
                         QStringLiteral("<w:tr>") +
                         tc(p(QStringLiteral("I. Анализ результатов")),
                            QStringLiteral("<w:gridSpan w:val=\"4\"/>")) +
                         QStringLiteral("</w:tr>") +
                         row({QStringLiteral("1.1."), QStringLiteral("Анализ ВПР"),
                              QStringLiteral("Сентябрь 2024"), QStringLiteral("Петров П.П.")},
                             restart) +
                         row({QStringLiteral("1.2."), QStringLiteral("Анализ ОГЭ"),
                              QStringLiteral("Октябрь 2024"), QString()},
                             cont) +
                         QStringLiteral("<w:tr>") +
                         tc(p(QStringLiteral("II. Работа с учителями")),
                            QStringLiteral("<w:gridSpan w:val=\"4\"/>")) +
                         QStringLiteral("</w:tr>") +
                         row({QStringLiteral("2.1."), QStringLiteral("Семинар"),
                              QStringLiteral("Ноябрь 2024"), QStringLiteral("Иванова И.И.")}) +
                         QStringLiteral("</w:tbl>");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("план.docx"));
    ASSERT_TRUE(test::writeDocx(
        path, test::wordDocument(layout + p(QStringLiteral("ПЛАН"), true) +
                                 p(QStringLiteral("мероприятий по повышению объективности "
                                                  "оценки на 2024-2025 учебный год"),
                                   true) +
                                 plan)));
    const auto imp = importPlanOk(path);
    const core::Plan &pl = imp.plan;
    EXPECT_EQ(pl.title,
              QStringLiteral(
                  "ПЛАН мероприятий по повышению объективности оценки на 2024-2025 учебный год"));
    EXPECT_EQ(pl.approval.approverName, QStringLiteral("А.Б. Директорова"));
    EXPECT_EQ(pl.approval.approverPosition, QStringLiteral("Директор МБОУ «СОШ №7»"));
    EXPECT_EQ(pl.approval.orderNumber, QStringLiteral("45"));
    EXPECT_EQ(pl.approval.orderDate, QDate(2024, 8, 29));
    EXPECT_EQ(pl.organization.name, QStringLiteral("МБОУ «СОШ №7»"));
    EXPECT_EQ(pl.period, core::AcademicPeriod::academicYear(2024));
    ASSERT_EQ(pl.sections.size(), 2);
    EXPECT_EQ(pl.sections[0].number, QStringLiteral("I."));
    ASSERT_EQ(pl.sections[0].measures.size(), 2);
    EXPECT_EQ(pl.sections[0].measures[1].owners,
              QStringList{QStringLiteral("Петров П.П.")}); // vMerge
    EXPECT_EQ(pl.sections[1].measures.size(), 1);
    // The agreement block is nobody's approval: it is kept in the note.
    EXPECT_TRUE(pl.note.contains(QStringLiteral("О.О. Профкомова")));
    bool located = false;
    for (const auto &w : imp.warnings)
        located = located || w.startsWith(QStringLiteral("Строка таблицы 1: текст перед планом"));
    EXPECT_TRUE(located) << imp.warnings.join(QLatin1Char('\n')).toStdString();
}
