// The remark on an approval order's date (ApprovalWorkflow::orderDateRemark): a date still to come,
// after the plan's period, or more than a year before it — usually a mistyped year in «Приказ № …
// от …». The seed plan of Рубцовск (2022/23) was approved by order № 149 of 01.07.2022: two months
// before its year, the usual case, and no remark.
#include "objectivity/core/plan/ApprovalWorkflow.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {
const QDate kToday(2026, 12, 7);
}

TEST(ApprovalOrderDate, AnOrderBeforeOrEarlyInThePeriodHasNoRemark) {
    const AcademicPeriod y2022 = AcademicPeriod::academicYear(2022);
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(2022, 7, 1), y2022, kToday), QString());
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(2022, 9, 1), y2022, kToday), QString());
    // the last day of the period and a year before its first day are still plausible
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(2023, 8, 31), y2022, kToday), QString());
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(2021, 9, 1), y2022, kToday), QString());
    // no date, or a plan without a period: nothing to compare
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(), y2022, kToday), QString());
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(2019, 1, 1), AcademicPeriod(), kToday),
              QString());
}

TEST(ApprovalOrderDate, AMistypedYearIsPointedOut) {
    const AcademicPeriod y2025 = AcademicPeriod::academicYear(2025);
    // 2052 for 2025: still to come
    EXPECT_EQ(
        ApprovalWorkflow::orderDateRemark(QDate(2052, 8, 28), y2025, kToday),
        QStringLiteral("Дата приказа ещё не наступила (сегодня 07.12.2026): проверьте дату."));
    // tomorrow is still to come
    EXPECT_FALSE(ApprovalWorkflow::orderDateRemark(kToday.addDays(1), y2025, kToday).isEmpty());
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(kToday, AcademicPeriod::academicYear(2026), kToday),
              QString());
    // after the end of the period (2025/26 ends on 31.08.2026)
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(2026, 9, 1), y2025, kToday),
              QStringLiteral("Приказ датирован позже окончания периода плана (2025/26 учебный "
                             "год, по 31.08.2026): план утверждают до начала периода или в его "
                             "начале — проверьте год."));
    // more than a year before its start (2015 for 2025)
    EXPECT_EQ(ApprovalWorkflow::orderDateRemark(QDate(2015, 8, 28), y2025, kToday),
              QStringLiteral("Приказ датирован больше чем за год до начала периода плана "
                             "(2025/26 учебный год, с 01.09.2025): проверьте год."));
    // a plan for several years says so
    const AcademicPeriod twoYears{2022, 2024};
    EXPECT_TRUE(ApprovalWorkflow::orderDateRemark(QDate(2024, 9, 2), twoYears, kToday)
                    .contains(QStringLiteral("2022/23–2023/24 учебные годы, по 31.08.2024")));
}
