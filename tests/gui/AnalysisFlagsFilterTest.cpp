// The «Признаки» table as the user narrows it: signs of non-objective results listed first, the
// «Вид» and «Признак» choices with their counts, the search over school, login, municipality and
// subject (case and «ё» ignored), and the choices kept when a new analysis comes.
#include "objectivity/gui/analysis/AnalysisFlagsFilter.h"
#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/gui/analysis/AnalysisFlagsFilterBar.h"
#include "objectivity/gui/analysis/AnalysisFlagsModel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>

using namespace objectivity;
using namespace Qt::StringLiterals;
using gui::AnalysisFlagsFilter;
using gui::AnalysisFlagsFilterBar;
using gui::AnalysisFlagsModel;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

core::UnitReport unit(const QString &name, const QString &code, const QString &municipality,
                      const QString &subject, const QStringList &flagged) {
    core::UnitReport u;
    u.year = 2024;
    u.grade = 6;
    u.n = 40;
    u.schoolName = name;
    u.schoolCode = code;
    u.municipality = municipality;
    u.subject = subject;
    for (const QString &c : flagged) {
        core::CriterionFinding f;
        f.code = c;
        f.flagged = true;
        f.explanation = QStringLiteral("пояснение ") + c;
        u.findings << f;
    }
    core::CriterionFinding tested; // tested and not flagged: never a row
    tested.code = QStringLiteral("cohort_drop");
    u.findings << tested;
    return u;
}

core::AnalysisReport region() {
    core::AnalysisReport r;
    r.units << unit(QStringLiteral("МБОУ «СОШ № 2»"), QStringLiteral("edu000002"),
                    QStringLiteral("Образцовый район"), QStringLiteral("Математика"),
                    {QStringLiteral("journal_mismatch_strict")})
            << unit(QStringLiteral("МАОУ «Лицей № 3»"), QStringLiteral("edu000050"),
                    QStringLiteral("Условный городской округ"), QStringLiteral("Русский язык"),
                    {QStringLiteral("boundary_bunching"),
                     QStringLiteral("journal_mismatch_lenient")})
            << unit(QStringLiteral("МБОУ «Школа с. Берёзовка»"), QStringLiteral("edu000077"),
                    QStringLiteral("Примерный район"), QStringLiteral("Математика"),
                    {QStringLiteral("difficulty_inversion")});
    return r;
}

QStringList codesShown(const AnalysisFlagsFilter &filter, const AnalysisFlagsModel &model) {
    QStringList codes;
    for (int r = 0; r < filter.rowCount(); ++r) {
        const int source = filter.mapToSource(filter.index(r, 0)).row();
        codes << model.unitAt(source)->schoolCode + u'/' + model.findingAt(source)->code;
    }
    return codes;
}

void choose(QComboBox *box, int index) {
    box->setCurrentIndex(index);
    emit box->activated(index);
}

QStringList items(const QComboBox *box) {
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts << box->itemText(i);
    return texts;
}
} // namespace

TEST(AnalysisFlagsFilter, ResultsFirstThenNarrowedByKindCriterionAndWords) {
    const core::AnalysisReport report = region();
    AnalysisFlagsModel model;
    AnalysisFlagsFilter filter;
    filter.setFlagsModel(&model);
    QAbstractItemModelTester modelTester(&model, kFatal);
    QAbstractItemModelTester filterTester(&filter, kFatal);
    AnalysisFlagsFilterBar bar(&filter);
    model.setReport(&report);
    bar.setReport(&report);

    // the two signs of non-objective results first, then current assessment, each in order
    EXPECT_EQ(codesShown(filter, model),
              QStringList({u"edu000050/boundary_bunching"_s, u"edu000077/difficulty_inversion"_s,
                           u"edu000002/journal_mismatch_strict"_s,
                           u"edu000050/journal_mismatch_lenient"_s}));
    EXPECT_EQ(items(bar.kindBox()), QStringList({u"все (4)"_s, u"необъективных результатов (2)"_s,
                                                 u"текущего оценивания (2)"_s}));
    EXPECT_EQ(bar.shownText(), u"Показаны все: 4"_s);

    choose(bar.kindBox(), 1);
    EXPECT_EQ(codesShown(filter, model),
              QStringList({u"edu000050/boundary_bunching"_s, u"edu000077/difficulty_inversion"_s}));
    // the criteria of that kind only, each with its count
    EXPECT_EQ(items(bar.criterionBox()),
              QStringList({u"все"_s, core::criterionTitle(u"boundary_bunching"_s) + u" (1)"_s,
                           core::criterionTitle(u"difficulty_inversion"_s) + u" (1)"_s}));
    EXPECT_EQ(bar.shownText(), u"Показано: 2 из 4"_s);

    choose(bar.kindBox(), 2);
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000002/journal_mismatch_strict"_s,
                                                      u"edu000050/journal_mismatch_lenient"_s}));

    // a criterion, kept when the kind widens to both
    choose(bar.criterionBox(),
           bar.criterionBox()->findData(QStringLiteral("journal_mismatch_lenient")));
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000050/journal_mismatch_lenient"_s}));
    choose(bar.kindBox(), 0);
    EXPECT_EQ(bar.criterionBox()->currentData().toString(), u"journal_mismatch_lenient"_s);
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000050/journal_mismatch_lenient"_s}));
    choose(bar.criterionBox(), 0);
    EXPECT_EQ(filter.rowCount(), 4);

    // words: case and «ё» ignored, every word must be found somewhere in the row
    bar.searchField()->setText(QStringLiteral("БЕРЕЗОВКА"));
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000077/difficulty_inversion"_s}));
    bar.searchField()->setText(QStringLiteral("лицей  русский"));
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000050/boundary_bunching"_s,
                                                      u"edu000050/journal_mismatch_lenient"_s}));
    bar.searchField()->setText(QStringLiteral("лицей математика"));
    EXPECT_EQ(filter.rowCount(), 0);
    EXPECT_EQ(bar.shownText(), u"Показано: 0 из 4"_s);
    bar.searchField()->setText(QStringLiteral("edu000002"));
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000002/journal_mismatch_strict"_s}));
    bar.searchField()->setText(QStringLiteral("примерный"));
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000077/difficulty_inversion"_s}));
    bar.searchField()->clear();

    // a new analysis: the kind chosen stays, the counts are the new report's
    choose(bar.kindBox(), 1);
    core::AnalysisReport next = region();
    next.units.removeLast();
    model.setReport(&next);
    bar.setReport(&next);
    EXPECT_EQ(bar.kindBox()->currentIndex(), 1);
    EXPECT_EQ(bar.kindBox()->itemText(1), u"необъективных результатов (1)"_s);
    EXPECT_EQ(codesShown(filter, model), QStringList({u"edu000050/boundary_bunching"_s}));
    model.setReport(nullptr);
    bar.setReport(nullptr);
    EXPECT_EQ(filter.rowCount(), 0);
    EXPECT_EQ(bar.shownText(), u"Показаны все: 0"_s);
}
