// The general rules the plan parser is built from, on inputs other than the seeds.
#include "TestSupport.h"

#include "objectivity/io/plan/ApprovalBlockParser.h"
#include "objectivity/io/plan/CellRepair.h"
#include "objectivity/io/plan/PlanColumnClassifier.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanTextRules.h"
#include "objectivity/io/plan/TextPlanReader.h"

using namespace objectivity;
using core::ColumnRole;
using io::PlanTextRules;

TEST(PlanTextRules, SectionHeads) {
    struct Case {
        QString text;
        bool ok;
        QString number;
        QString title;
        QString roman;
    };
    const QList<Case> cases{
        {QStringLiteral("VIII. Мероприятия по информированию"), true, QStringLiteral("VIII."),
         QStringLiteral("Мероприятия по информированию"), QStringLiteral("VIII")},
        {QStringLiteral("У. Меры по повышению"), true, QStringLiteral("У."),
         QStringLiteral("Меры по повышению"), QStringLiteral("V")},
        {QStringLiteral("ІV. Работа с родителями"), true, QStringLiteral("ІV."),
         QStringLiteral("Работа с родителями"), QStringLiteral("IV")},
        {QStringLiteral("Раздел 2. Контроль"), true, QStringLiteral("2."),
         QStringLiteral("Контроль"), QString()},
        {QStringLiteral("3) Методическая работа"), true, QStringLiteral("3)"),
         QStringLiteral("Методическая работа"), QString()},
        {QStringLiteral("2."), true, QStringLiteral("2."), QString(), QString()},
        {QStringLiteral("II Анализ результатов"), true, QStringLiteral("II"),
         QStringLiteral("Анализ результатов"), QStringLiteral("II")},
        {QStringLiteral("3.1. Участие в курсах"), false, {}, {}, {}},
        {QStringLiteral("1 Издание приказа"), false, {}, {}, {}},
        {QStringLiteral("У нас в школе"), false, {}, {}, {}},
        {QStringLiteral("IIII. Неверный номер"), false, {}, {}, {}},
        {QStringLiteral("2023-2024 учебный год"), false, {}, {}, {}},
    };
    for (const auto &c : cases) {
        const auto h = PlanTextRules::sectionHead(c.text);
        EXPECT_EQ(h.ok, c.ok) << c.text.toStdString();
        if (!c.ok)
            continue;
        EXPECT_EQ(h.number, c.number) << c.text.toStdString();
        EXPECT_EQ(h.title, c.title) << c.text.toStdString();
        EXPECT_EQ(h.romanValue, c.roman) << c.text.toStdString();
    }
}

TEST(PlanTextRules, NumbersSeparatorsNamesDeadlines) {
    for (const char *n : {"1", "2.", "1.1.", "3.14", "10.2.3", "4)"})
        EXPECT_TRUE(PlanTextRules::isMeasureNumber(QString::fromUtf8(n))) << n;
    for (const char *n : {"", "а", "1.1. Текст", "2023-2024", "№"})
        EXPECT_FALSE(PlanTextRules::isMeasureNumber(QString::fromUtf8(n))) << n;
    EXPECT_EQ(PlanTextRules::numberDepth(QStringLiteral("3.14")), 2);
    EXPECT_TRUE(PlanTextRules::isSeparator(QStringLiteral("------")));
    EXPECT_TRUE(PlanTextRules::isSeparator(QStringLiteral("--")));
    EXPECT_FALSE(PlanTextRules::isSeparator(QStringLiteral("-")));
    EXPECT_FALSE(PlanTextRules::isSeparator(QStringLiteral("- привлечение")));
    EXPECT_TRUE(PlanTextRules::isPersonName(QStringLiteral("Н.С.Сазонова")));
    EXPECT_TRUE(PlanTextRules::isPersonName(QStringLiteral("Иванова-Петрова А.Б.")));
    EXPECT_TRUE(PlanTextRules::isPersonName(QStringLiteral("Мищерин Андрей Андреевич")));
    EXPECT_FALSE(PlanTextRules::isPersonName(QStringLiteral("Директор школы")));
    EXPECT_EQ(PlanTextRules::stripSignature(QStringLiteral("_____ / Н.С. Сазонова/")),
              QStringLiteral("Н.С. Сазонова"));
    EXPECT_EQ(PlanTextRules::trailingName(QStringLiteral("Директор школы ________ И.И. Иванов")),
              QStringLiteral("И.И. Иванов"));
    EXPECT_EQ(PlanTextRules::leadingPosition(QStringLiteral("И.о. директора МБОУ «СОШ №1»")),
              QStringLiteral("И.о. директора"));
    for (const char *d : {"до 01 июля", "В течение года", "Август-сентябрь", "ежегодно",
                          "01.09.2023", "По мере издания документов", "II полугодие"})
        EXPECT_TRUE(PlanTextRules::looksLikeDeadline(QString::fromUtf8(d))) << d;
    for (const char *d : {"ОО до 01 июля", "Администрация", "Руководители ШМО"})
        EXPECT_FALSE(PlanTextRules::looksLikeDeadline(QString::fromUtf8(d))) << d;
    EXPECT_EQ(PlanTextRules::tidy(QStringLiteral("  a \t b\u00A0 c \n\n  d  ")),
              QStringLiteral("a b c\nd"));
    EXPECT_EQ(PlanTextRules::appendText(QStringLiteral("Анализ"), QStringLiteral("результатов")),
              QStringLiteral("Анализ результатов"));
    EXPECT_EQ(PlanTextRules::appendText(QStringLiteral("Анализ."), QStringLiteral("Справка")),
              QStringLiteral("Анализ.\nСправка"));
    // A word hyphenated at the end of a PDF line; a dash before a new item stays apart.
    EXPECT_EQ(PlanTextRules::appendText(QStringLiteral("учителя-"), QStringLiteral("предметники")),
              QStringLiteral("учителя-предметники"));
    EXPECT_EQ(PlanTextRules::appendText(QStringLiteral("ВПР -"), QStringLiteral("анализ")),
              QStringLiteral("ВПР - анализ"));
    for (const char *p : {"2", "- 3 -", "–4–", "Страница 4 из 5", "стр. 6", "С. 7"})
        EXPECT_TRUE(PlanTextRules::isPageNumber(QString::fromUtf8(p))) << p;
    for (const char *p : {"2.", "1.1", "II.", "2024", "Страница сайта", "5 дней"})
        EXPECT_FALSE(PlanTextRules::isPageNumber(QString::fromUtf8(p))) << p;
}

TEST(PlanColumnClassifier, HeadingsAndHeaderRows) {
    const QList<QPair<QString, ColumnRole>> cases{
        {QStringLiteral("№ п/п"), ColumnRole::Number},
        {QStringLiteral("№ д/п"), ColumnRole::Number},
        {QStringLiteral("№"), ColumnRole::Number},
        {QStringLiteral("Наименование мероприятия"), ColumnRole::Measure},
        {QStringLiteral("Содержание работы"), ColumnRole::Measure},
        {QStringLiteral("Сроки исполнения"), ColumnRole::Deadline},
        {QStringLiteral("Срок выполнения"), ColumnRole::Deadline},
        {QStringLiteral("Дата проведения"), ColumnRole::Deadline},
        {QStringLiteral("Ответственный исполнитель"), ColumnRole::Owners},
        {QStringLiteral("Исполнители"), ColumnRole::Owners},
        {QStringLiteral("Ожидаемый результат"), ColumnRole::ExpectedResult},
        {QStringLiteral("Планируемый результат"), ColumnRole::ExpectedResult},
        {QStringLiteral("Отметка о выполнении"), ColumnRole::Status},
        {QStringLiteral("Дата выполнения"), ColumnRole::CompletionDate},
        {QStringLiteral("Примечание"), ColumnRole::Note},
    };
    for (const auto &c : cases) {
        const auto r = io::PlanColumnClassifier::role(c.first);
        ASSERT_TRUE(r.has_value()) << c.first.toStdString();
        EXPECT_EQ(*r, c.second) << c.first.toStdString();
    }
    EXPECT_FALSE(io::PlanColumnClassifier::role(QStringLiteral("Администрация ОО")).has_value());
    EXPECT_TRUE(io::PlanColumnClassifier::isHeaderRow(
        {QStringLiteral("№"), QStringLiteral("Мероприятия"), QStringLiteral("Сроки"),
         QStringLiteral("Ответственные")}));
    EXPECT_FALSE(io::PlanColumnClassifier::isHeaderRow(
        {QStringLiteral("5."), QStringLiteral("Мероприятия по профилактике"),
         QStringLiteral("Сентябрь"), QStringLiteral("Ответственные лица")}));
    EXPECT_TRUE(io::PlanColumnClassifier::isColumnNumbering(
        {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}));
}

TEST(CellRepair, MovesStrayWordsAndSplitsOwnersFromResults) {
    const auto moved = io::CellRepair::moveStrayDeadlinePrefix(
        QStringLiteral("Заместитель директора Учителя"), QStringLiteral("УВР в течение года"));
    // "Заместитель директора" is complete, so the stray abbreviation goes after the first bare
    // role.
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(moved->deadline, QStringLiteral("в течение года"));
    EXPECT_EQ(moved->stray, QStringLiteral("УВР"));
    EXPECT_FALSE(io::CellRepair::moveStrayDeadlinePrefix(QStringLiteral("Директор"),
                                                         QStringLiteral("до 01.09.2024")));
    EXPECT_FALSE(
        io::CellRepair::moveStrayDeadlinePrefix(QStringLiteral("Директор"), QStringLiteral("ВПР")));

    const auto split = io::CellRepair::splitOwnersAndResult(
        QStringLiteral("Петрова О.И., классные руководители Протоколы родительских собраний"));
    ASSERT_TRUE(split.has_value());
    EXPECT_EQ(split->first, QStringLiteral("Петрова О.И., классные руководители"));
    EXPECT_EQ(split->second, QStringLiteral("Протоколы родительских собраний"));
    const auto byInitials =
        io::CellRepair::splitOwnersAndResult(QStringLiteral("И.И. Иванов Аналитическая справка"));
    ASSERT_TRUE(byInitials.has_value());
    EXPECT_EQ(byInitials->first, QStringLiteral("И.И. Иванов"));
    EXPECT_FALSE(
        io::CellRepair::splitOwnersAndResult(QStringLiteral("Руководители ШМО")).has_value());
    EXPECT_FALSE(
        io::CellRepair::splitOwnersAndResult(QStringLiteral("Протоколы собраний")).has_value());
}

TEST(ApprovalBlockParser, DatesNumbersOrganizations) {
    using io::ApprovalBlockParser;
    EXPECT_EQ(ApprovalBlockParser::findDate(QStringLiteral("от «4» мая 2024 года")),
              QDate(2024, 5, 4));
    EXPECT_EQ(ApprovalBlockParser::findDate(QStringLiteral("от 01.07.22")), QDate(2022, 7, 1));
    EXPECT_EQ(ApprovalBlockParser::findOrderNumber(
                  QStringLiteral("приказом МБОУ «Гимназия №3» № 01-05/77")),
              QStringLiteral("01-05/77"));
    EXPECT_EQ(ApprovalBlockParser::findOrganization(
                  QStringLiteral("Директор МБОУ «СОШ № 5 им. А.С. Пушкина»")),
              QStringLiteral("МБОУ «СОШ № 5 им. А.С. Пушкина»"));
    EXPECT_EQ(ApprovalBlockParser::organizationKind(
                  QStringLiteral("Комитет по образованию администрации района")),
              core::OrganizationKind::MunicipalDepartment);
    EXPECT_EQ(ApprovalBlockParser::organizationKind(QStringLiteral("МБОУ «Лицей №2»")),
              core::OrganizationKind::School);
    EXPECT_TRUE(ApprovalBlockParser::isAppendixStart(QStringLiteral("Приложение № 2 к приказу")));
    EXPECT_FALSE(
        ApprovalBlockParser::isAppendixStart(QStringLiteral("Приложение: на 8 л. в 1 экз.")));
    EXPECT_TRUE(ApprovalBlockParser::isAppendixStart(QStringLiteral("Приложение № 1")));
    EXPECT_TRUE(ApprovalBlockParser::isAppendixStart(QStringLiteral("ПРИЛОЖЕНИЕ")));
    EXPECT_FALSE(ApprovalBlockParser::isAppendixStart(QStringLiteral("Приложение 3 таблица")));
}

TEST(TextPlanReader, ExcelQuotedCellsSpanLines) {
    const QString text = QStringLiteral(
        "№\tМероприятия\tСроки\n1.1\t\"Первая строка\nвторая \"\"в кавычках\"\"\"\tМай\n"
        "1.2\t\"Точка роста\" - центр\tИюнь\n");
    const auto doc = io::TextPlanReader::read(text, QStringLiteral("x")).value();
    ASSERT_EQ(doc.blocks.size(), 4);
    EXPECT_EQ(
        doc.blocks[1].cells,
        (QStringList{QStringLiteral("1.1"), QStringLiteral("Первая строка\nвторая \"в кавычках\""),
                     QStringLiteral("Май")}));
    EXPECT_EQ(doc.blocks[2].line, 4);
    EXPECT_EQ(doc.blocks[2].cells[1], QStringLiteral("\"Точка роста\" - центр")); // a literal quote
}

TEST(PlanDocumentParser, TwoRowHeaderAndTableWithoutHeader) {
    const auto twoRows = io::PlanImporter::importText(
        QStringLiteral(
            "План работы на 2024-2025 учебный год\n\n№\tМероприятия\tСроки\tОтветственные\n"
            "\t\t\tисполнители\n1.\tСовещание\tСентябрь\tДиректор\n2.\tСеминар\tОктябрь\tЗам. "
            "директора\n"),
        QStringLiteral("x"));
    ASSERT_TRUE(twoRows.ok()) << twoRows.error().toString().toStdString();
    EXPECT_EQ(twoRows->plan.columns.last().heading, QStringLiteral("Ответственные исполнители"));
    EXPECT_EQ(twoRows->plan.measureCount(), 2);
    EXPECT_EQ(twoRows->plan.sections.size(), 1);
    // Only the missing organization is reported: the second header row is not a measure.
    EXPECT_EQ(twoRows->warnings,
              QStringList{QStringLiteral("Не найдено название организации — укажите его вручную")});

    const auto noHeader = io::PlanImporter::importText(
        QStringLiteral(
            "1.1\tСовещание\tСентябрь\tДиректор\n1.2\tСеминар\tОктябрь\tЗам. директора\n"),
        QStringLiteral("x"));
    ASSERT_TRUE(noHeader.ok()) << noHeader.error().toString().toStdString();
    EXPECT_EQ(noHeader->plan.measureCount(), 2);
    EXPECT_EQ(noHeader->plan.sections[0].measures[1].owners,
              QStringList{QStringLiteral("Зам. директора")});
    EXPECT_TRUE(
        noHeader->warnings.first().contains(QStringLiteral("строка заголовка таблицы не найдена")));
}

TEST(PlanDocumentParser, HtmlTagsInsideTextAndUnnumberedRows) {
    const auto r = io::PlanImporter::importText(
        QStringLiteral("<b>План</b> мероприятий на 2024/2025 учебный год\n\n"
                       "№ п/п\tМероприятия\tСроки\tОтветственные\n"
                       "1. Работа с кадрами\t\t\t\n"
                       "\tСовещание <b>при директоре</b>\tСентябрь\tДиректор\n"
                       "1.1.\tСеминар &laquo;Оценивание&raquo;<br>для учителей\tОктябрь\tЗам. "
                       "директора<br/>по УВР\n"
                       "\tпредметников начальной школы\t\t\n"
                       "1.2.\tАнализ <5 баллов\tНоябрь\tУчителя\n"),
        QStringLiteral("x"));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->plan.title, QStringLiteral("План мероприятий на 2024/2025 учебный год"));
    ASSERT_EQ(r->plan.sections.size(), 1);
    const auto &ms = r->plan.sections[0].measures;
    ASSERT_EQ(ms.size(), 3);
    // A row without a number right after a section head, with a deadline and owners, is a measure.
    EXPECT_EQ(ms[0].number, QString());
    EXPECT_EQ(ms[0].text, QStringLiteral("Совещание при директоре"));
    EXPECT_EQ(ms[1].text,
              QStringLiteral("Семинар «Оценивание»\nдля учителей предметников начальной школы"));
    EXPECT_EQ(ms[1].owners, QStringList{QStringLiteral("Зам. директора по УВР")});
    EXPECT_EQ(ms[2].text, QStringLiteral("Анализ <5 баллов"));
    bool warned = false;
    for (const auto &w : r->warnings)
        warned = warned || w.startsWith(QStringLiteral("Строка 5: строка без номера"));
    EXPECT_TRUE(warned);
}

// «Приказ … от 28.08.2015» over a plan for 2025/26: a mistyped year is pointed out at the import
// (every deadline would otherwise come «before the approval»); the right year is not.
TEST(PlanDocumentParser, AnOrderDatedOutsideThePlansYearIsPointedOut) {
    const auto import = [](const QString &date) {
        return io::PlanImporter::importText(
            QStringLiteral("УТВЕРЖДАЮ\nДиректор МБОУ «СОШ № 7»\nПриказ № 12 от %1\n\n"
                           "План мероприятий на 2025-2026 учебный год\n\n"
                           "№\tМероприятия\tСроки\tОтветственные\n"
                           "1.\tСовещание\tСентябрь\tДиректор\n")
                .arg(date),
            QStringLiteral("x"));
    };
    const auto wrong = import(QStringLiteral("28.08.2015"));
    ASSERT_TRUE(wrong.ok()) << wrong.error().toString().toStdString();
    EXPECT_EQ(wrong->plan.approval.orderDate, QDate(2015, 8, 28));
    EXPECT_TRUE(wrong->warnings.contains(
        QStringLiteral("Приказ датирован больше чем за год до начала периода плана (2025/26 "
                       "учебный год, с 01.09.2025): проверьте год.")))
        << wrong->warnings.join(u'\n').toStdString();

    const auto right = import(QStringLiteral("28.08.2025"));
    ASSERT_TRUE(right.ok()) << right.error().toString().toStdString();
    for (const QString &w : right->warnings)
        EXPECT_FALSE(w.contains(QStringLiteral("Приказ датирован"))) << w.toStdString();
}
