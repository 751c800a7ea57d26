// Plans shaped like real ones that are not among the seeds (tests/data/plans): a municipal
// «дорожная карта» attached to an order, a PDF-extracted school plan with page breaks, a Word
// «web page» export, a district .docx with merged cells, a plan without a «№» column and a report
// with an «Отметка о выполнении» column. Each imports with its structure and approval, and no word
// of the document is lost: what does not fit the table is in a note, with a warning naming its
// line.
#include "DocxFixtureWriter.h"
#include "TestSupport.h"

#include "objectivity/io/formats/TextDecoder.h"
#include "objectivity/io/plan/DocxPlanReader.h"
#include "objectivity/io/plan/HtmlPlanReader.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/TextPlanReader.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace objectivity;
using core::ColumnRole;
using core::DeadlineKind;
using core::MeasureStatus;
using io::PlanImporter;

namespace {

QString fixture(const QString &name) {
    return test::sourceFile(QStringLiteral("tests/data/plans/") + name);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The .docx fixture is kept as readable XML and zipped here.
QString docxFixture(QTemporaryDir &dir, const QString &xmlName) {
    const QString path = dir.filePath(QStringLiteral("план района.docx"));
    EXPECT_TRUE(test::writeDocx(path, readAll(fixture(xmlName))));
    return path;
}

io::PlanImport importOk(const QString &path) {
    auto r = PlanImporter::importFile(path);
    EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().toString().toStdString());
    return r.ok() ? r.value() : io::PlanImport{};
}

// The document as the format reader sees it (before any structure is found).
io::RawDocument rawDocument(const QString &path, const QByteArray &documentXml = {}) {
    if (!documentXml.isEmpty())
        return io::DocxPlanReader::readDocumentXml(documentXml, path).value();
    const QByteArray data = readAll(path);
    const QString text = io::TextDecoder::decode(
        data, io::TextDecoder::detect(data, io::HtmlPlanReader::declaredCharset(data)));
    return path.endsWith(QLatin1String(".html")) ? io::HtmlPlanReader::read(text, path).value()
                                                 : io::TextPlanReader::read(text, path).value();
}

QSet<QString> words(const QString &text) {
    static const QRegularExpression word(QStringLiteral(R"([А-Яа-яЁёA-Za-z]{3,})"));
    QSet<QString> out;
    for (auto it = word.globalMatch(text.toLower()); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

// Everything the imported plan keeps, as one text.
QString keptText(const core::Plan &plan) {
    QStringList t{plan.title,
                  plan.organization.name,
                  plan.approval.approverPosition,
                  plan.approval.approverName,
                  plan.approval.appendixLine,
                  plan.approval.issuer,
                  plan.note};
    for (const auto &c : plan.columns)
        t << c.heading;
    for (const auto &s : plan.sections) {
        t << s.number << s.title;
        for (const auto &m : s.measures)
            t << m.number << m.text << m.deadline.text << m.owners.join(QLatin1Char(' '))
              << m.expectedResult << m.note << core::Measure::statusDisplayName(m.status);
    }
    return t.join(QLatin1Char('\n'));
}

// Every word of the document is somewhere in the plan, except the words of the approval block
// that became fields (the marker, «приказ») and «Раздел» before a section's number.
void expectNothingDropped(const io::PlanImport &imp, const io::RawDocument &raw) {
    static const QSet<QString> structural{QStringLiteral("утверждаю"), QStringLiteral("утверждено"),
                                          QStringLiteral("приказ"),    QStringLiteral("приказом"),
                                          QStringLiteral("страница"),  QStringLiteral("раздел")};
    const QSet<QString> kept = words(keptText(imp.plan));
    QStringList lost;
    for (const auto &b : raw.blocks)
        for (const QString &cell : b.cells)
            for (const QString &w : words(cell))
                if (!kept.contains(w) && !structural.contains(w) && !lost.contains(w))
                    lost << w;
    EXPECT_TRUE(lost.isEmpty()) << "lost words: " << lost.join(QStringLiteral(", ")).toStdString();
}

QList<int> measureCounts(const core::Plan &plan) {
    QList<int> n;
    for (const auto &s : plan.sections)
        n << int(s.measures.size());
    return n;
}

QStringList sectionNumbers(const core::Plan &plan) {
    QStringList n;
    for (const auto &s : plan.sections)
        n << s.number;
    return n;
}

QList<ColumnRole> roles(const core::Plan &plan) {
    QList<ColumnRole> r;
    for (const auto &c : plan.columns)
        r << c.role;
    return r;
}

bool hasWarning(const QStringList &warnings, const QString &start) {
    for (const QString &w : warnings)
        if (w.startsWith(start))
            return true;
    return false;
}

} // namespace

TEST(PlanImportFixtures, MunicipalRoadmapWithAppendixLabelAndRomanTypos) {
    const QString path = fixture(QStringLiteral("verkhnekamsk_municipal_roadmap.txt"));
    const auto imp = importOk(path);
    const core::Plan &plan = imp.plan;
    EXPECT_TRUE(plan.title.startsWith(QStringLiteral("ПЛАН МЕРОПРИЯТИЙ («дорожная карта»)")));
    EXPECT_TRUE(plan.title.endsWith(QStringLiteral("на 2024-2025 учебный год")));
    EXPECT_EQ(plan.period, core::AcademicPeriod::academicYear(2024));
    // «Приложение № 1» on its own line: the appendix's number is not the order's.
    EXPECT_EQ(plan.approval.appendixLine,
              QStringLiteral("Приложение № 1 к приказу Управления образования администрации "
                             "Верхнекамского муниципального округа от 11.09.2024 № 318-од"));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("318-од"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2024, 9, 11));
    EXPECT_EQ(plan.organization.name,
              QStringLiteral(
                  "Управление образования администрации Верхнекамского муниципального округа"));
    EXPECT_EQ(plan.organization.kind, core::OrganizationKind::MunicipalDepartment);
    EXPECT_EQ(roles(plan),
              (QList<ColumnRole>{ColumnRole::Number, ColumnRole::Measure, ColumnRole::Owners,
                                 ColumnRole::Deadline, ColumnRole::ExpectedResult}));
    EXPECT_EQ(sectionNumbers(plan),
              (QStringList{QStringLiteral("I."), QStringLiteral("ІІ."), QStringLiteral("ІІІ."),
                           QStringLiteral("IV."), QStringLiteral("У.")}));
    EXPECT_EQ(measureCounts(plan), (QList<int>{3, 3, 3, 2, 2}));
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Строка 28: номер раздела «У.»")));
    const core::Measure &m21 = plan.sections[1].measures[0];
    EXPECT_EQ(m21.owners, (QStringList{QStringLiteral("МКУ «ИМЦ» (Сидорова Е.А.)"),
                                       QStringLiteral("руководители ОО")}));
    EXPECT_EQ(m21.deadline.kind, DeadlineKind::MonthRange);
    EXPECT_EQ(m21.deadline.from, QDate(2024, 11, 1));
    EXPECT_EQ(m21.deadline.to, QDate(2024, 12, 31));
    EXPECT_EQ(m21.expectedResult, QStringLiteral("Аналитическая справка, адресные рекомендации"));
    // The signature under the table is kept, with its line.
    EXPECT_TRUE(plan.note.contains(QStringLiteral("Т.П. Ковалёва")));
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Строка 32: текст вне таблицы")));
    expectNothingDropped(imp, rawDocument(path));
}

TEST(PlanImportFixtures, PdfExtractedTextWithPageBreaksAndContinuationRows) {
    const QString path = fixture(QStringLiteral("lyceum8_pdf_extracted.txt"));
    const auto imp = importOk(path);
    const core::Plan &plan = imp.plan;
    EXPECT_EQ(plan.approval.approverName, QStringLiteral("Г.А. Белоусова"));
    EXPECT_EQ(plan.approval.approverPosition, QStringLiteral("Директор МАОУ «Лицей № 8»"));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("215/1-о"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2023, 8, 29));
    EXPECT_EQ(plan.organization.name, QStringLiteral("МАОУ «Лицей № 8»"));
    EXPECT_EQ(plan.period, core::AcademicPeriod::academicYear(2023));
    // Owners before deadlines; the header repeated after each page break is skipped.
    EXPECT_EQ(roles(plan), (QList<ColumnRole>{ColumnRole::Number, ColumnRole::Measure,
                                              ColumnRole::Owners, ColumnRole::Deadline}));
    EXPECT_EQ(sectionNumbers(plan), (QStringList{QStringLiteral("1."), QStringLiteral("2."),
                                                 QStringLiteral("3."), QStringLiteral("4.")}));
    EXPECT_EQ(measureCounts(plan), (QList<int>{4, 4, 3, 2}));
    // A section title continued on the next row.
    EXPECT_EQ(
        plan.sections[1].title,
        QStringLiteral("Работа с педагогическими кадрами по вопросам объективности оценивания"));
    // Continuation rows: text, owners wrapped after a preposition and at a hyphen.
    const core::Measure &m12 = plan.sections[0].measures[1];
    EXPECT_EQ(m12.text, QStringLiteral("Формирование комиссий по проверке работ ВПР с привлечением "
                                       "учителей, не работающих в проверяемых классах"));
    EXPECT_EQ(m12.owners, QStringList{QStringLiteral("Заместитель директора по УВР Гусева О.В.")});
    EXPECT_EQ(m12.deadline.kind, DeadlineKind::ByDate);
    const core::Measure &m22 = plan.sections[1].measures[1];
    EXPECT_EQ(m22.owners, (QStringList{QStringLiteral("Руководители МО"),
                                       QStringLiteral("учителя-предметники")}));
    const core::Measure &m24 = plan.sections[1].measures[3];
    EXPECT_EQ(m24.number, QStringLiteral("2.4"));
    EXPECT_EQ(m24.text, QStringLiteral("Проведение педагогического совета «Объективность оценки "
                                       "образовательных результатов: проблемы и решения»"));
    EXPECT_EQ(m24.owners,
              (QStringList{QStringLiteral("Директор"), QStringLiteral("заместители директора")}));
    EXPECT_EQ(plan.sections[0].measures[3].deadline.text,
              QStringLiteral("за 3 дня до проведения ВПР"));
    // Page numbers («2», «- 3 -», «Страница 4 из 5») are not text of the plan.
    for (const QString &w : imp.warnings)
        EXPECT_FALSE(w.contains(QStringLiteral("текст вне таблицы"))) << w.toStdString();
    EXPECT_FALSE(plan.note.contains(QStringLiteral("Страница")));
    // The school's full name above the approval block is kept in the note.
    EXPECT_TRUE(plan.note.startsWith(
        QStringLiteral("Муниципальное автономное общеобразовательное учреждение")));
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Строки 1–2: текст перед планом")));
    expectNothingDropped(imp, rawDocument(path));
}

TEST(PlanImportFixtures, WordWebPageExportInWindows1251) {
    const QString path = fixture(QStringLiteral("sosh14_word_export.html"));
    const auto imp = importOk(path);
    const core::Plan &plan = imp.plan;
    EXPECT_EQ(plan.title,
              QStringLiteral("ПЛАН мероприятий, направленных на обеспечение объективности "
                             "оценивания образовательных результатов обучающихся МБОУ «СОШ № 14» "
                             "на 2024/2025 учебный год"));
    // The approval stands in a layout table beside an agreement block.
    EXPECT_EQ(plan.approval.approverName, QStringLiteral("С.В. Громова"));
    EXPECT_EQ(plan.approval.approverPosition, QStringLiteral("Директор МБОУ «СОШ № 14»"));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("187-о"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2024, 8, 30));
    EXPECT_EQ(plan.organization.name, QStringLiteral("МБОУ «СОШ № 14»"));
    EXPECT_TRUE(plan.note.contains(QStringLiteral("СОГЛАСОВАНО")));
    EXPECT_TRUE(plan.note.contains(QStringLiteral("Л.М. Осипова")));
    EXPECT_EQ(roles(plan),
              (QList<ColumnRole>{ColumnRole::Number, ColumnRole::Measure, ColumnRole::Deadline,
                                 ColumnRole::Owners, ColumnRole::ExpectedResult}));
    EXPECT_EQ(plan.columns[0].heading, QStringLiteral("№ п/п"));
    EXPECT_EQ(sectionNumbers(plan),
              (QStringList{QStringLiteral("I."), QStringLiteral("II."), QStringLiteral("III.")}));
    EXPECT_EQ(plan.sections[1].title, QStringLiteral("Работа с педагогическими работниками"));
    EXPECT_EQ(measureCounts(plan), (QList<int>{3, 3, 2}));
    // rowspan: the owners' cell covers measures 1 and 2; a role and a name on two lines are one.
    const QStringList deputy{QStringLiteral("Заместитель директора по УВР Лаптева Е.Н.")};
    EXPECT_EQ(plan.sections[0].measures[0].owners, deputy);
    EXPECT_EQ(plan.sections[0].measures[1].owners, deputy);
    EXPECT_EQ(plan.sections[0].measures[1].text,
              QStringLiteral("Составление графика оценочных процедур на 2024/2025 учебный год (не "
                             "более одной процедуры в день в классе)"));
    // A Word list inside a cell keeps its items on lines of their own.
    const core::Measure &m3 = plan.sections[0].measures[2];
    EXPECT_EQ(m3.text.split(QLatin1Char('\n')).size(), 4) << m3.text.toStdString();
    EXPECT_EQ(m3.deadline.kind, DeadlineKind::MonthList);
    EXPECT_EQ(plan.sections[1].measures[1].owners,
              (QStringList{QStringLiteral("Лаптева Е.Н."), QStringLiteral("руководители ШМО")}));
    EXPECT_EQ(plan.sections[2].measures[1].owners,
              QStringList{QStringLiteral("Ответственный за сайт Карпов Д.А.")});
    EXPECT_TRUE(plan.note.contains(QStringLiteral("тел. 8 (34675) 2-14-56")));
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Строка 221: текст вне таблицы")));
    expectNothingDropped(imp, rawDocument(path));
}

TEST(PlanImportFixtures, DistrictDocxWithGridSpanVMergeAndTrackedChanges) {
    QTemporaryDir dir;
    const QString xmlName = QStringLiteral("leninsky_district_vmerge.document.xml");
    const auto imp = importOk(docxFixture(dir, xmlName));
    const core::Plan &plan = imp.plan;
    EXPECT_EQ(plan.title,
              QStringLiteral("План мероприятий по повышению объективности оценки образовательных "
                             "результатов в общеобразовательных организациях Ленинского района на "
                             "2023 – 2024 учебный год"));
    EXPECT_EQ(plan.period, core::AcademicPeriod::academicYear(2023));
    EXPECT_EQ(plan.approval.appendixLine,
              QStringLiteral("Приложение 2 к приказу отдела образования администрации Ленинского "
                             "муниципального района от 05.10.2023 № 412"));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("412"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2023, 10, 5));
    EXPECT_EQ(plan.organization.name,
              QStringLiteral("Отдел образования администрации Ленинского муниципального района"));
    EXPECT_EQ(plan.organization.kind, core::OrganizationKind::MunicipalDepartment);
    EXPECT_EQ(plan.columns.size(), 5);
    EXPECT_EQ(plan.columns[4].heading, QStringLiteral("Форма представления результата"));
    EXPECT_EQ(plan.columns[4].role, ColumnRole::ExpectedResult);
    // «Раздел 1.» in a gridSpan row; «2.» in the number cell with a title spanning the rest.
    EXPECT_EQ(sectionNumbers(plan),
              (QStringList{QStringLiteral("1."), QStringLiteral("2."), QStringLiteral("3.")}));
    EXPECT_EQ(plan.sections[1].title, QStringLiteral("Методическое сопровождение педагогов"));
    EXPECT_EQ(measureCounts(plan), (QList<int>{3, 2, 2}));
    const auto &s1 = plan.sections[0].measures;
    // A word split over two runs; vMerge carries deadline and owners down.
    EXPECT_EQ(s1[0].text, QStringLiteral("Мониторинг соблюдения порядка проведения ВПР в "
                                         "общеобразовательных организациях"));
    for (const auto &m : s1)
        EXPECT_EQ(m.deadline.text, QStringLiteral("В течение учебного года"));
    EXPECT_EQ(s1[1].owners, QStringList{QStringLiteral("Отдел образования")});
    EXPECT_EQ(s1[2].owners, QStringList{QStringLiteral("Руководители ОО")});
    // Deleted text is not read, inserted text is.
    EXPECT_EQ(s1[2].text, QStringLiteral("Обеспечение хранения контрольно-измерительных материалов "
                                         "в условиях, исключающих доступ посторонних лиц"));
    EXPECT_EQ(plan.sections[1].measures[0].owners,
              (QStringList{QStringLiteral("РМО учителей математики"),
                           QStringLiteral("РМО учителей русского языка")}));
    EXPECT_EQ(plan.sections[1].measures[1].deadline.kind, DeadlineKind::MonthRange);
    EXPECT_EQ(plan.sections[2].measures[1].owners,
              QStringList{QStringLiteral("Отдел образования")});
    EXPECT_TRUE(plan.note.contains(QStringLiteral("И.В. Рябинин")));
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Абзац 23: текст вне таблицы")));
    expectNothingDropped(imp, rawDocument(xmlName, readAll(fixture(xmlName))));
}

TEST(PlanImportFixtures, TableWithoutNumberColumn) {
    const QString path = fixture(QStringLiteral("ivanovka_no_number_column.txt"));
    const auto imp = importOk(path);
    const core::Plan &plan = imp.plan;
    EXPECT_EQ(roles(plan), (QList<ColumnRole>{ColumnRole::Measure, ColumnRole::Deadline,
                                              ColumnRole::Owners, ColumnRole::ExpectedResult}));
    // «УТВЕРЖДЕНО приказом директора / МБОУ … / от … № …»: no approver's name in the document.
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("77"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2024, 9, 2));
    EXPECT_TRUE(plan.approval.approverPosition.isEmpty())
        << plan.approval.approverPosition.toStdString();
    EXPECT_EQ(plan.organization.name, QStringLiteral("МБОУ «Ивановская ООШ»"));
    // Rows with a title alone are sections; the others are measures without numbers.
    ASSERT_EQ(plan.sections.size(), 3);
    EXPECT_EQ(plan.sections[0].title, QStringLiteral("Организационная работа"));
    EXPECT_EQ(plan.sections[2].title, QStringLiteral("Контроль и анализ"));
    EXPECT_EQ(measureCounts(plan), (QList<int>{3, 2, 2}));
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Строка 10: строка «Организационная "
                                                        "работа» без сроков и ответственных")));
    // A lowercase row continues the measure above it, cell by cell.
    const core::Measure &m = plan.sections[1].measures[1];
    EXPECT_EQ(m.text, QStringLiteral("Взаимопроверка работ учителями школы и учителями соседних "
                                     "школ по договору о сетевом взаимодействии"));
    EXPECT_EQ(m.expectedResult, QStringLiteral("Протоколы перепроверки"));
    EXPECT_EQ(m.deadline.kind, DeadlineKind::MonthRange);
    EXPECT_EQ(plan.sections[0].measures[2].deadline.kind, DeadlineKind::Event);
    expectNothingDropped(imp, rawDocument(path));
}

TEST(PlanImportFixtures, ReportWithStatusAndNoteColumns) {
    const QString path = fixture(QStringLiteral("salsk2_status_column.txt"));
    const auto imp = importOk(path);
    const core::Plan &plan = imp.plan;
    EXPECT_EQ(roles(plan),
              (QList<ColumnRole>{ColumnRole::Number, ColumnRole::Measure, ColumnRole::Deadline,
                                 ColumnRole::Owners, ColumnRole::Status, ColumnRole::Note}));
    // The organization's name holds «№ 2» inside its quotes: the order's number comes after.
    EXPECT_EQ(plan.organization.name, QStringLiteral("МБОУ «Сальская СОШ № 2»"));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("187"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2023, 9, 1));
    EXPECT_EQ(measureCounts(plan), (QList<int>{3, 3}));
    const auto &s1 = plan.sections[0].measures;
    const auto &s2 = plan.sections[1].measures;
    EXPECT_EQ(s1[0].status, MeasureStatus::Done);
    EXPECT_TRUE(s1[0].note.isEmpty()) << s1[0].note.toStdString();
    // More than a status word: the whole mark is kept as evidence.
    EXPECT_EQ(s1[1].status, MeasureStatus::Done);
    EXPECT_EQ(s1[1].note,
              QStringLiteral("Отметка о выполнении: выполнено (приказ № 56 от 12.02.2024)"));
    EXPECT_EQ(s1[2].status, MeasureStatus::InProgress); // «Выполнено частично»
    EXPECT_EQ(s1[2].note, QStringLiteral("Отметка о выполнении: Выполнено частично\n"
                                         "наблюдатели назначены не во все классы"));
    EXPECT_EQ(s2[0].status, MeasureStatus::InProgress);
    EXPECT_EQ(s2[1].status, MeasureStatus::NotDone);
    EXPECT_TRUE(s2[1].note.contains(QStringLiteral("перенесено на сентябрь")));
    EXPECT_EQ(s2[2].status, MeasureStatus::Planned);
    // The signature and the contact line under the table, each with its line.
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Строка 16: текст вне таблицы")));
    EXPECT_TRUE(hasWarning(imp.warnings, QStringLiteral("Строка 17: текст вне таблицы")));
    expectNothingDropped(imp, rawDocument(path));
}
