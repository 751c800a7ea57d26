// The parts of the printed form that do not need external tools: approval block variants, title,
// report columns and totals, Russian errors for files that cannot be written.
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanExportTable.h"
#include "objectivity/io/export/PlanOdtWriter.h"
#include "objectivity/io/export/PlanPdfWriter.h"
#include "objectivity/io/export/PlanXlsxWriter.h"

#include <QTextDocument>
#include <QTextTable>

using namespace objectivity;
using namespace objectivity::test;
using io::PlanExportOptions;
using io::PlanExportTable;

namespace {

core::Plan smallPlan() {
    core::Plan plan;
    plan.title = QStringLiteral("План мероприятий по обеспечению объективности");
    plan.organization.name = QStringLiteral("МАОУ «Калиновская СОШ»");
    plan.period = core::AcademicPeriod::academicYear(2023);
    plan.status = core::PlanStatus::Approved;
    plan.approval.approverPosition = QStringLiteral("Директор МАОУ «Калиновская СОШ»");
    plan.approval.approverName = QStringLiteral("Н.С. Сазонова");
    plan.approval.orderNumber = QStringLiteral("32/1");
    plan.approval.orderDate = QDate(2024, 3, 4);
    core::Section s;
    s.number = QStringLiteral("1.");
    s.title = QStringLiteral("Аналитическая работа");
    core::Measure a;
    a.number = QStringLiteral("1.1.");
    a.text = QStringLiteral("Анализ результатов ВПР");
    a.deadline.text = QStringLiteral("октябрь");
    a.deadline.windows = {{QDate(2023, 10, 1), QDate(2023, 10, 31)}};
    a.owners = {QStringLiteral("Заместитель директора по УВР")};
    core::Measure b = a;
    b.number = QStringLiteral("1.2.");
    b.text = QStringLiteral("Собеседование с учителями");
    b.status = core::MeasureStatus::Done;
    b.completionDate = QDate(2023, 10, 12);
    b.note = QStringLiteral("Протокол №3");
    s.measures << a << b;
    plan.sections << s;
    return plan;
}

} // namespace

TEST(PlanExportTable, ApprovalBlockOfAnApprovedPlan) {
    const core::Plan plan = smallPlan();
    EXPECT_EQ(
        PlanExportTable(plan, {}).approvalLines(),
        QStringList({QStringLiteral("УТВЕРЖДАЮ"), QStringLiteral("Директор МАОУ «Калиновская СОШ»"),
                     QStringLiteral("_________ / Н.С. Сазонова /"),
                     QStringLiteral("Приказ № 32/1 от 04.03.2024")}));
    PlanExportOptions words;
    words.orderDateStyle = PlanExportOptions::OrderDateStyle::Words;
    EXPECT_EQ(PlanExportTable(plan, words).approvalLines().last(),
              QStringLiteral("Приказ № 32/1 от «04» марта 2024 г."));
}

TEST(PlanExportTable, DraftPrintsProjectAndAppendixFormIsKept) {
    core::Plan plan = smallPlan();
    plan.status = core::PlanStatus::Draft;
    EXPECT_EQ(PlanExportTable(plan, {}).approvalLines(), QStringList{QStringLiteral("ПРОЕКТ")});
    plan.status = core::PlanStatus::Approved;
    plan.approval.appendixLine = QStringLiteral("Приложение к приказу МКУ «Управление образования» "
                                                "от 20.08.2023 № 534");
    // Both forms, as seed 002 has them: the signature block, then the appendix line naming the
    // order.
    EXPECT_EQ(
        PlanExportTable(plan, {}).approvalLines(),
        QStringList({QStringLiteral("УТВЕРЖДАЮ"), QStringLiteral("Директор МАОУ «Калиновская СОШ»"),
                     QStringLiteral("_________ / Н.С. Сазонова /"), plan.approval.appendixLine}));
    plan.approval.approverPosition.clear();
    plan.approval.approverName.clear();
    EXPECT_EQ(PlanExportTable(plan, {}).approvalLines(), QStringList{plan.approval.appendixLine});
}

TEST(PlanExportTable, TitleAddsOrganizationAndPeriodOnlyWhenMissing) {
    core::Plan plan = smallPlan();
    EXPECT_EQ(PlanExportTable(plan, {}).titleLines(),
              QStringList(
                  {plan.title, plan.organization.name, QStringLiteral("на 2023/24 учебный год")}));
    plan.title += QStringLiteral(" МАОУ «Калиновская СОШ» на 2023-2024 учебный год");
    EXPECT_EQ(PlanExportTable(plan, {}).titleLines(), QStringList{plan.title});
}

TEST(PlanExportTable, ReportAddsExecutionColumnsAndMarksOverdue) {
    core::Plan plan = smallPlan();
    // approved on 04.03.2024, the October 2023 deadline would be one before the approval, never
    // overdue (DeadlineCheck): without the date the period decides
    plan.approval.orderDate = QDate();
    const PlanExportOptions options = PlanExportOptions::report(QDate(2023, 11, 15));
    const PlanExportTable table(plan, options);
    ASSERT_EQ(table.columns().size(), plan.columns.size() + 3);
    EXPECT_EQ(table.columns().last().role, core::ColumnRole::Note);
    const core::ExecutionReport report(plan, options.reportDate);
    const int status = int(plan.columns.size());
    EXPECT_EQ(table.cellText(plan.sections[0].measures[0], status, &report.sections()[0].rows[0]),
              QStringLiteral("запланировано\nпросрочено (срок до 31.10.2023)"));
    EXPECT_EQ(
        table.cellText(plan.sections[0].measures[1], status + 1, &report.sections()[0].rows[1]),
        QStringLiteral("12.10.2023"));
    EXPECT_TRUE(table.approvalLines().isEmpty());
    EXPECT_EQ(table.titleLines().last(), QStringLiteral("по состоянию на 15.11.2023"));
}

TEST(PlanDocumentBuilder, TableHasThePlansColumnsARepeatedHeaderAndMergedSections) {
    const core::Plan plan = smallPlan();
    const auto doc = io::PlanDocumentBuilder().build(plan);
    EXPECT_EQ(doc->defaultFont().family(), QStringLiteral("Liberation Serif"));
    QList<QTextTable *> tables;
    for (QTextFrame *f : doc->rootFrame()->childFrames())
        if (auto *t = qobject_cast<QTextTable *>(f))
            tables << t;
    ASSERT_EQ(tables.size(), 2); // approval block and the plan
    QTextTable *table = tables.last();
    EXPECT_EQ(table->columns(), plan.columns.size());
    EXPECT_EQ(table->rows(), 1 + 1 + 2);
    EXPECT_EQ(table->format().headerRowCount(), 1);
    for (int c = 0; c < table->columns(); ++c) {
        QTextCursor cur = table->cellAt(0, c).firstCursorPosition();
        cur.setPosition(table->cellAt(0, c).lastCursorPosition().position(),
                        QTextCursor::KeepAnchor);
        EXPECT_EQ(cur.selectedText(), plan.columns[c].heading);
    }
    EXPECT_EQ(table->cellAt(1, 0).columnSpan(), plan.columns.size());
    EXPECT_EQ(table->cellAt(1, 0).firstCursorPosition().charFormat().fontWeight(), QFont::Bold);
    EXPECT_TRUE(doc->toPlainText().contains(QStringLiteral("Приказ № 32/1 от 04.03.2024")));
}

TEST(PlanDocumentBuilder, ReportHasSectionAndPlanTotals) {
    const core::Plan plan = smallPlan();
    const auto doc =
        io::PlanDocumentBuilder(PlanExportOptions::report(QDate(2023, 11, 15))).build(plan);
    const QString text = doc->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Итого по разделу: всего 2, выполнено 1")));
    EXPECT_TRUE(text.contains(QStringLiteral("Итого по плану: всего 2")));
    EXPECT_TRUE(text.contains(QStringLiteral("Протокол №3")));
    EXPECT_FALSE(text.contains(QStringLiteral("УТВЕРЖДАЮ")));
}

TEST(PlanWriters, ReportInRussianWhenTheFileCannotBeWritten) {
    const core::Plan plan = smallPlan();
    const QString bad = QStringLiteral("/nonexistent-folder/план");
    for (const core::Status &st : {io::PlanPdfWriter::write(plan, bad + QStringLiteral(".pdf")),
                                   io::PlanXlsxWriter::write(plan, bad + QStringLiteral(".xlsx")),
                                   io::PlanOdtWriter::write(plan, bad + QStringLiteral(".odt"))}) {
        ASSERT_FALSE(st.ok());
        EXPECT_TRUE(st.error().message.startsWith(QStringLiteral("Не удалось")))
            << st.error().message.toStdString();
        EXPECT_TRUE(st.error().toString().contains(QStringLiteral("/nonexistent-folder/план")));
    }
}

TEST(PlanWriters, PortraitPdfIsA4Portrait) {
    QTemporaryDir tmp;
    PlanExportOptions o;
    o.orientation = PlanExportOptions::Orientation::Portrait;
    const QString pdf = tmp.filePath(QStringLiteral("p.pdf"));
    ASSERT_TRUE(io::PlanPdfWriter::write(smallPlan(), pdf, o).ok());
    const QString info = runTool(QStringLiteral("/usr/bin/pdfinfo"), {pdf});
    if (info.isNull())
        GTEST_SKIP() << "pdfinfo is not installed";
    EXPECT_TRUE(info.contains(
        QRegularExpression(QStringLiteral("Page size:\\s+595[.\\d]* x 84[12][.\\d]* pts"))))
        << info.toStdString();
}
