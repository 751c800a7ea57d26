// The seeds imported as a user does: a deadline before the plan's approval or outside its period is
// in the import warnings, naming the measure, and the plan keeps the text as written.
#include "TestSupport.h"

#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/io/plan/PlanImporter.h"

#include <gtest/gtest.h>

using namespace objectivity;

namespace {
QStringList deadlineWarnings(const io::PlanImport &import) {
    QStringList out;
    for (const QString &w : import.warnings)
        if (w.contains(QStringLiteral("проверьте год")))
            out << w;
    return out;
}
} // namespace

TEST(DeadlineWarningsImport, Seed002DeadlinesBeforeTheApproval) {
    const QString seed = test::seedPath(QStringLiteral("002"));
    if (seed.isEmpty())
        GTEST_SKIP() << "../shared is absent (seed 002)";
    auto import = io::PlanImporter::importFile(seed);
    ASSERT_TRUE(import.ok()) << import.error().toString().toStdString();
    ASSERT_EQ(import->plan.approval.orderDate, QDate(2024, 3, 4));
    const QStringList w = deadlineWarnings(*import);
    ASSERT_EQ(w.size(), 4) << w.join(u'\n').toStdString();
    EXPECT_EQ(w[0],
              QStringLiteral("Мероприятие 1. (раздел 2), срок «Январь 2024 г.»: январь 2024 — "
                             "раньше даты утверждения плана (04.03.2024): проверьте год; до "
                             "исправления срок не считается просроченным"));
    EXPECT_TRUE(w[1].contains(QStringLiteral("август 2023, январь 2024 — раньше даты утверждения")))
        << w[1].toStdString();
    EXPECT_EQ(import->plan.warnings, import->warnings);
    // on 1 June 2024 the January deadlines are not overdue, the March ones are
    const core::ExecutionReport report(import->plan, QDate(2024, 6, 1));
    for (const auto &section : report.sections())
        for (const auto &row : section.rows)
            if (row.measure->deadline.text.startsWith(QStringLiteral("Январь"))) {
                EXPECT_FALSE(row.overdue) << row.measure->number.toStdString();
            }
}

TEST(DeadlineWarningsImport, Seed000DeadlineOutsideThePeriod) {
    const QString seed = test::seedPath(QStringLiteral("000"));
    if (seed.isEmpty())
        GTEST_SKIP() << "../shared is absent (seed 000)";
    auto import = io::PlanImporter::importFile(seed);
    ASSERT_TRUE(import.ok());
    const QStringList w = deadlineWarnings(*import);
    ASSERT_EQ(w.size(), 1) << w.join(u'\n').toStdString();
    EXPECT_TRUE(
        w[0].startsWith(QStringLiteral("Мероприятие 3.5., срок «август 2021»: август 2021 — "
                                       "раньше даты утверждения плана (01.07.2022)")))
        << w[0].toStdString();
}
