#pragma once
// Helpers of the plan import tests: a file imported or the test failed, and two plans compared
// structure by structure.
#include "TestSupport.h"

#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <iostream>

namespace objectivity::test {

inline io::PlanImport importPlanOk(const QString &path) {
    auto r = io::PlanImporter::importFile(path);
    EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().toString().toStdString());
    return r.ok() ? r.value() : io::PlanImport{};
}

// `actual` has the structure of `expected`: title, approval, organisation, period, columns,
// sections and every measure's number, text and deadline (texts with line breaks as spaces: a
// <br> or a second paragraph in a cell is a line break where the text form has a space). Owners
// and expected results are compared too: the measures where they differ are printed and counted
// (returned), for the caller to expect 0 or a number measured on a document that differs.
inline int expectSamePlan(const core::Plan &expected, const core::Plan &actual) {
    using io::PlanTextRules;
    EXPECT_EQ(actual.title, expected.title);
    EXPECT_EQ(actual.approval, expected.approval);
    EXPECT_EQ(actual.organization, expected.organization);
    EXPECT_EQ(actual.period, expected.period);
    EXPECT_EQ(actual.columns, expected.columns);
    EXPECT_EQ(actual.sections.size(), expected.sections.size());
    int differ = 0;
    for (qsizetype s = 0; s < qMin(expected.sections.size(), actual.sections.size()); ++s) {
        const auto &es = expected.sections[s];
        const auto &as = actual.sections[s];
        EXPECT_EQ(as.number, es.number);
        EXPECT_EQ(as.title, es.title);
        EXPECT_EQ(as.measures.size(), es.measures.size()) << "section " << s;
        for (qsizetype m = 0; m < qMin(es.measures.size(), as.measures.size()); ++m) {
            const auto &em = es.measures[m];
            const auto &am = as.measures[m];
            EXPECT_EQ(am.number, em.number);
            EXPECT_EQ(PlanTextRules::oneLine(am.text), PlanTextRules::oneLine(em.text));
            EXPECT_EQ(am.deadline, em.deadline) << em.number.toStdString();
            if (am.owners == em.owners && PlanTextRules::oneLine(am.expectedResult) ==
                                              PlanTextRules::oneLine(em.expectedResult))
                continue;
            ++differ;
            std::cout << em.number.toStdString() << " owners / result differ:\n  "
                      << em.owners.join(u" | ").toStdString() << " / "
                      << em.expectedResult.left(60).toStdString() << "\n  "
                      << am.owners.join(u" | ").toStdString() << " / "
                      << am.expectedResult.left(60).toStdString() << "\n";
        }
    }
    return differ;
}

} // namespace objectivity::test
