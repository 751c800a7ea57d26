// The analysis window on a small generated region: the run on a worker thread shows the flagged
// units the engine finds, per-school markers add up, thresholds change the outcome, Cancel keeps
// the previous report, and the export writes the workbook.
#include "objectivity/gui/analysis/AnalysisView.h"
#include "AltLetters.h"
#include "ResultsTestSupport.h"
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/gui/analysis/AnalysisFlagsFilterBar.h"
#include "objectivity/gui/analysis/AnalysisFlagsModel.h"
#include "objectivity/gui/analysis/AnalysisSchoolsModel.h"
#include "objectivity/gui/analysis/AnalysisSettingsDialog.h"
#include "objectivity/io/formats/XlsxReader.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"

#include <QAbstractItemModelTester>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <algorithm>

using namespace objectivity;
using gui::AnalysisFlagsModel;
using gui::AnalysisView;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

bool runAndWait(AnalysisView &view, bool *ok = nullptr) {
    bool done = false, result = false;
    auto c = QObject::connect(&view, &AnalysisView::analysisFinished, [&](bool r) {
        done = true;
        result = r;
    });
    view.startAnalysis();
    const bool finished = test::waitFor([&] { return done; });
    QObject::disconnect(c);
    if (ok)
        *ok = result;
    return finished;
}

class AnalysisViewTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(data.open());
        ASSERT_GT(data.generate(test::smallRegion(30)), 3000);
    }
    test::ResultsDatabase data;
};
} // namespace

TEST_F(AnalysisViewTest, ShowsTheFlagsTheEngineFinds) {
    // The engine run directly on the same database: what the window must show.
    auto dataset = storage::AnalysisDataReader::read(data.db->connection());
    ASSERT_TRUE(dataset.ok());
    core::AnalysisEngine::Options options;
    options.yearFilter = 2024;
    const core::AnalysisReport expected =
        core::AnalysisEngine::run(dataset.value(), core::AnalysisSettings(), options);
    int expectedFlags = 0;
    for (const auto &u : expected.units)
        expectedFlags += int(u.flags().size());
    ASSERT_GT(expectedFlags, 0) << "the generated region should have planted manipulations";

    AnalysisView view(*data.db);
    QAbstractItemModelTester flagsTester(view.flagsModel(), kFatal);
    QAbstractItemModelTester schoolsTester(view.schoolsModel(), kFatal);
    // the filters shown in the views, through every run and every filter change below
    QAbstractItemModelTester flagsFilterTester(view.flagsView()->model(), kFatal);
    QAbstractItemModelTester schoolsFilterTester(view.schoolsView()->model(), kFatal);
    view.resize(1680, 780);
    view.show();
    view.setFilter(2024, QString());
    bool ok = false;
    ASSERT_TRUE(runAndWait(view, &ok));
    ASSERT_TRUE(ok) << view.statusText().toStdString();
    ASSERT_NE(view.report(), nullptr);
    EXPECT_EQ(view.report()->units.size(), expected.units.size());

    AnalysisFlagsModel *flags = view.flagsModel();
    EXPECT_EQ(flags->rowCount(), expectedFlags);
    // the two kinds of sign are counted apart: results per school, current assessment per school
    int markers = 0, current = 0, expectedResults = 0, expectedCurrent = 0;
    for (int r = 0; r < view.schoolsModel()->rowCount(); ++r) {
        markers += view.schoolsModel()->schoolAt(r)->markers;
        current += view.schoolsModel()->schoolAt(r)->currentAssessment;
    }
    for (const core::UnitReport *u : expected.flaggedUnits()) {
        bool results = false, journal = false;
        for (const auto &f : u->flags())
            (f.kind() == core::CriterionKind::Results ? results : journal) = true;
        expectedResults += results;
        expectedCurrent += journal;
    }
    EXPECT_EQ(markers, expectedResults);
    EXPECT_EQ(current, expectedCurrent);
    EXPECT_GT(expectedCurrent, 0);
    int medalRows = 0;
    for (int r = 0; r < flags->rowCount(); ++r) {
        // p and q: a test's four decimals; the medals check the rules of the year, no probability
        const bool rule = flags->findingAt(r)->code == u"medals_unsupported";
        medalRows += rule;
        for (int column : {int(AnalysisFlagsModel::PValue), int(AnalysisFlagsModel::QValue)}) {
            const QString text = flags->index(r, column).data().toString();
            if (rule)
                EXPECT_EQ(text, QStringLiteral("по правилу"));
            else
                EXPECT_TRUE(text == u"< 0,0001" ||
                            QRegularExpression(QStringLiteral("^0,\\d{4}$")).match(text).hasMatch())
                    << text.toStdString();
        }
        const QString criterion = flags->index(r, AnalysisFlagsModel::Criterion).data().toString();
        EXPECT_NE(criterion, flags->findingAt(r)->code) << "criterion shown by its Russian name";
        EXPECT_FALSE(flags->index(r, AnalysisFlagsModel::Explanation).data().toString().isEmpty());
        EXPECT_FALSE(flags->index(r, AnalysisFlagsModel::SchoolCode).data().toString().isEmpty());
        EXPECT_LE(flags->findingAt(r)->qValue, 0.05);
        EXPECT_EQ(flags->index(r, AnalysisFlagsModel::SignKind).data().toString(),
                  flags->findingAt(r)->kind() == core::CriterionKind::Results
                      ? QStringLiteral("результаты")
                      : QStringLiteral("текущее оценивание"));
    }
    EXPECT_GT(medalRows, 0) << "the region should name medals not supported by ЕГЭ";
    EXPECT_TRUE(view.tabs()->tabText(0).contains(QString::number(expectedFlags)));
    // the status line counts units and the schools they are in, kind by kind
    EXPECT_TRUE(view.statusText().contains(
        QStringLiteral("Признаки необъективности результатов: ") +
        core::NumberText::counted(expectedResults, u"единица", u"единицы", u"единиц") +
        QStringLiteral(" в ")))
        << view.statusText().toStdString();
    // the picture shows a boundary_bunching flag with its numbers in the detail panel
    const QAbstractItemModel *shown = view.flagsView()->model();
    const QString bunching =
        AnalysisFlagsModel::criterionTitle(QStringLiteral("boundary_bunching"));
    for (int r = 0; r < shown->rowCount(); ++r)
        if (shown->index(r, AnalysisFlagsModel::Criterion).data().toString().startsWith(bunching)) {
            // the column names the boundary, as the explanation does: two rows of one unit differ
            const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(shown);
            ASSERT_NE(proxy, nullptr);
            const core::CriterionFinding *found =
                flags->findingAt(proxy->mapToSource(shown->index(r, 0)).row());
            if (!found->label.isEmpty()) {
                EXPECT_EQ(
                    shown->index(r, AnalysisFlagsModel::Criterion).data().toString().toStdString(),
                    QString(bunching + QStringLiteral(", ") + found->label).toStdString());
            }
            view.flagsView()->setCurrentIndex(shown->index(r, AnalysisFlagsModel::Year));
            const QString text = shown->index(r, AnalysisFlagsModel::Explanation).data().toString();
            EXPECT_TRUE(text.startsWith(QStringLiteral("У границы «")) ||
                        text.startsWith(QStringLiteral("У всех проверенных границ вместе")))
                << text.toStdString();
            // the detail panel: the kind with its meaning and every criterion of the unit
            const QString detail = view.detailView()->toPlainText();
            EXPECT_TRUE(detail.startsWith(core::findingTitle(*found) + QStringLiteral(" — ")))
                << detail.toStdString();
            EXPECT_TRUE(detail.contains(QStringLiteral("Признаки необъективности результатов")))
                << detail.toStdString();
            EXPECT_TRUE(detail.contains(QStringLiteral("Все критерии этой единицы")));
            EXPECT_TRUE(detail.contains(QStringLiteral("эффект ниже порога")) ||
                        detail.contains(QStringLiteral("не проверялось")))
                << detail.toStdString();
            // one row per boundary tested, each named
            EXPECT_TRUE(detail.contains(QStringLiteral(", граница «"))) << detail.toStdString();
            EXPECT_TRUE(detail.contains(QStringLiteral("граница «")) &&
                        detail.contains(QStringLiteral(": признак")))
                << detail.toStdString();
            break;
        }
    test::screenshot(&view, QStringLiteral("analysis.png"));

    // the signs of non-objective results are listed first; «Вид» shows one kind, and the
    // explanation below follows the first row left
    ASSERT_GT(expectedResults, 0);
    view.flagsView()->sortByColumn(-1, Qt::AscendingOrder);
    int resultRows = 0;
    for (int r = 0; r < flags->rowCount(); ++r)
        resultRows += flags->findingAt(r)->kind() == core::CriterionKind::Results;
    for (int r = 0; r < flags->rowCount(); ++r)
        EXPECT_EQ(flags->findingAt(r)->kind() == core::CriterionKind::Results, r < resultRows) << r;
    QComboBox *kindBox = view.flagsFilterBar()->kindBox();
    const int currentKind = kindBox->findData(int(core::CriterionKind::CurrentAssessment));
    ASSERT_GE(currentKind, 0);
    view.flagsView()->selectRow(0); // a sign of results, hidden by the choice below
    kindBox->setCurrentIndex(currentKind);
    emit kindBox->activated(currentKind);
    EXPECT_EQ(shown->rowCount(), flags->rowCount() - resultRows);
    ASSERT_TRUE(view.flagsView()->currentIndex().isValid());
    EXPECT_TRUE(view.detailView()->toPlainText().contains(
        QStringLiteral("Признаки необъективности текущего оценивания")));
    EXPECT_EQ(view.flagsFilterBar()->shownText(), QStringLiteral("Показано: %1 из %2")
                                                      .arg(flags->rowCount() - resultRows)
                                                      .arg(flags->rowCount()));
    // words: one school's rows only
    const QString school = flags->unitAt(resultRows)->schoolName;
    view.flagsFilterBar()->searchField()->setText(school);
    ASSERT_GT(shown->rowCount(), 0);
    for (int r = 0; r < shown->rowCount(); ++r)
        EXPECT_EQ(shown->index(r, AnalysisFlagsModel::SchoolName).data().toString(), school);
    test::screenshot(&view, QStringLiteral("analysis-filtered.png"));
    view.flagsFilterBar()->searchField()->clear();
    kindBox->setCurrentIndex(0);
    emit kindBox->activated(0);
    EXPECT_EQ(shown->rowCount(), flags->rowCount());

    view.tabs()->setCurrentIndex(1);
    // one year analysed (the region has only 2024): «Лет подряд» would be «1» for every school
    // with signs — not shown
    EXPECT_TRUE(view.schoolsView()->isColumnHidden(gui::AnalysisSchoolsModel::YearsInRow));
    test::screenshot(&view, QStringLiteral("analysis-schools.png"));
    // «По школам»: the search keeps the schools whose name, login or municipality has the words
    const QAbstractItemModel *schoolsShown = view.schoolsView()->model();
    const int schoolsAll = schoolsShown->rowCount();
    auto *schoolsSearch = view.tabs()->widget(1)->findChild<QLineEdit *>();
    ASSERT_NE(schoolsSearch, nullptr);
    schoolsSearch->setText(flags->unitAt(0)->schoolCode.toUpper());
    EXPECT_EQ(schoolsShown->rowCount(), 1);
    // the name's words, «ё» as «е», in any order; the «нет в списках» column is not searched
    const core::SchoolSummary *named = view.schoolsModel()->schoolAt(0);
    QStringList words = named->schoolName.split(u' ', Qt::SkipEmptyParts);
    std::reverse(words.begin(), words.end());
    schoolsSearch->setText(words.join(u' ').replace(u'ё', u'е'));
    ASSERT_GT(schoolsShown->rowCount(), 0);
    for (int r = 0; r < schoolsShown->rowCount(); ++r)
        EXPECT_TRUE(schoolsShown->index(r, gui::AnalysisSchoolsModel::SchoolName)
                        .data()
                        .toString()
                        .contains(words.first()));
    schoolsSearch->setText(QStringLiteral("нет в списках"));
    EXPECT_EQ(schoolsShown->rowCount(), 0);
    schoolsSearch->clear();
    EXPECT_EQ(schoolsShown->rowCount(), schoolsAll);

    // Excel export off the GUI thread.
    const QString xlsx = data.dir.filePath(QStringLiteral("анализ.xlsx"));
    bool exported = false, exportOk = false;
    QObject::connect(&view, &AnalysisView::exportFinished, [&](bool r, const QString &) {
        exported = true;
        exportOk = r;
    });
    view.exportTo(xlsx);
    ASSERT_TRUE(test::waitFor([&] { return exported; }));
    EXPECT_TRUE(exportOk) << view.statusText().toStdString();
    auto book = io::XlsxReader::open(xlsx);
    ASSERT_TRUE(book.ok());
    EXPECT_TRUE(book->sheetNames().contains(QStringLiteral("Сводка")));
    EXPECT_TRUE(book->sheetNames().contains(QStringLiteral("Признаки")));
}

TEST_F(AnalysisViewTest, ThresholdsFromTheSettingsDialogAndCancel) {
    AnalysisView view(*data.db);
    ASSERT_TRUE(runAndWait(view));
    const int flagsBefore = view.flagsModel()->rowCount();
    ASSERT_GT(flagsBefore, 0);

    {
        gui::AnalysisSettingsDialog dialog(*data.db);
        EXPECT_EQ(dialog.value(QStringLiteral("min_participants")), 10);
        dialog.setValue(QStringLiteral("min_participants"), 5000);
        ASSERT_TRUE(dialog.save()) << dialog.errorText().toStdString();
    }
    auto stored = storage::AnalysisSettingsRepository(data.db->connection()).load();
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->value(QStringLiteral("min_participants")), 5000);
    EXPECT_EQ(stored->value(QStringLiteral("fdr_alpha")), 0.05); // untouched: still the default

    bool ok = false;
    ASSERT_TRUE(runAndWait(view, &ok));
    ASSERT_TRUE(ok);
    // Every unit is now «недостаточно данных»: only the school-level medal check may remain.
    EXPECT_LT(view.flagsModel()->rowCount(), flagsBefore);
    for (int r = 0; r < view.flagsModel()->rowCount(); ++r)
        EXPECT_EQ(view.flagsModel()->findingAt(r)->code, QStringLiteral("medals_unsupported"));
    EXPECT_TRUE(view.statusText().contains(QStringLiteral("недостаточно данных")));
    const auto *report = view.report();

    // Cancel right away: the run ends without a report and the shown one stays.
    bool done = false, result = true;
    QObject::connect(&view, &AnalysisView::analysisFinished, [&](bool r) {
        done = true;
        result = r;
    });
    view.startAnalysis();
    EXPECT_TRUE(view.isRunning());
    view.cancelAnalysis();
    ASSERT_TRUE(test::waitFor([&] { return done; }));
    EXPECT_FALSE(result);
    EXPECT_EQ(view.report(), report);
    EXPECT_TRUE(view.statusText().contains(QStringLiteral("прерван")));
}

TEST(AnalysisViewSummary, CountsUnitsAndTheSchoolsTheyAreInKindByKind) {
    auto unit = [](const QString &school, QStringList flaggedCodes, bool insufficient = false) {
        core::UnitReport u;
        u.schoolCode = school;
        u.insufficient = insufficient;
        for (const QString &code : flaggedCodes) {
            core::CriterionFinding f;
            f.code = code;
            f.flagged = true;
            u.findings << f;
        }
        core::CriterionFinding notFlagged; // tested, not flagged: counts for nothing
        notFlagged.code = QStringLiteral("boundary_bunching");
        u.findings << notFlagged;
        return u;
    };
    core::AnalysisReport report;
    report.units << unit(QStringLiteral("sch1"), {QStringLiteral("boundary_bunching")})
                 << unit(QStringLiteral("sch1"), {QStringLiteral("difficulty_inversion"),
                                                  QStringLiteral("journal_mismatch_strict")})
                 << unit(QStringLiteral("sch2"), {QStringLiteral("journal_mismatch_inflated")})
                 << unit(QStringLiteral("sch3"), {}, true);
    // what the engine sums per school from the units' flagged findings
    auto school = [](const QString &code, int markers, int current) {
        core::SchoolSummary s;
        s.schoolCode = code;
        s.markers = markers;
        s.currentAssessment = current;
        return s;
    };
    report.schools << school(QStringLiteral("sch1"), 2, 1) << school(QStringLiteral("sch2"), 0, 1)
                   << school(QStringLiteral("sch3"), 0, 0);
    EXPECT_EQ(
        AnalysisView::summaryText(report, 1234567, 1300),
        QStringLiteral("Проанализировано: 4 единицы анализа в 3 школах (участников в базе: "
                       "1\u00A0234\u00A0567). Признаки необъективности результатов: 2 единицы "
                       "в 1 школе; текущего оценивания: 2 единицы в 2 школах; недостаточно "
                       "данных: 1 единица. Время: 1,3 с."));

    report.units = {unit(QStringLiteral("sch1"), {})};
    report.schools = {school(QStringLiteral("sch1"), 0, 0)};
    EXPECT_EQ(
        AnalysisView::summaryText(report, 25, 400),
        QStringLiteral("Проанализировано: 1 единица анализа в 1 школе (участников в базе: "
                       "25). Признаки необъективности результатов: не выявлены; текущего "
                       "оценивания: не выявлены; недостаточно данных: 0 единиц. Время: 0,4 с."));
}

TEST_F(AnalysisViewTest, NoTwoVisibleControlsShareAnAltLetter) {
    // Alt+З once went to «При&знак» as well as «&Запустить анализ».
    AnalysisView view(*data.db);
    view.resize(1400, 900);
    view.show();
    for (int tab = 0; tab < view.tabs()->count(); ++tab) {
        view.tabs()->setCurrentIndex(tab);
        QApplication::processEvents();
        EXPECT_EQ(test::altLetterClashes(&view), "") << "tab " << tab;
    }
}

TEST_F(AnalysisViewTest, TabGoesFromTheButtonsToTheFiltersToTheTableToItsExplanation) {
    AnalysisView view(*data.db);
    view.resize(1400, 900);
    view.show();
    QApplication::processEvents();
    // Tab from the last button of the top row, on the «Признаки» page: the tabs, the filters,
    // the table, its explanation (the table came first, the filters after it)
    view.addMeasuresButton()->setEnabled(true);
    view.addMeasuresButton()->setFocus();
    auto *bar = view.flagsFilterBar();
    const QList<QWidget *> expected = {view.tabs()->tabBar(), bar->kindBox(),   bar->criterionBox(),
                                       bar->searchField(),    view.flagsView(), view.detailView()};
    for (QWidget *w : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        EXPECT_EQ(QApplication::focusWidget(), w)
            << "expected " << w->metaObject()->className() << ", focus on "
            << (QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className()
                                            : "nothing");
    }
    // «По школам»: from the tabs to the search line, then its table
    view.tabs()->setCurrentIndex(1);
    view.tabs()->tabBar()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    auto *search = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    ASSERT_NE(search, nullptr);
    EXPECT_TRUE(search->placeholderText().startsWith(QStringLiteral("Поиск")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), view.schoolsView());
}

// While an analysis runs the line under the bar says what it does (the busy bar shows no text:
// QProgressBar::text() is empty at range 0–0); an export after it keeps its own line although the
// same poll runs (the finished analysis's progress is dropped).
TEST_F(AnalysisViewTest, TheStatusLineNamesTheStageAndAnExportKeepsItsOwn) {
    EXPECT_EQ(AnalysisView::runningText(true, 0, 0),
              QStringLiteral("Анализ: чтение результатов из базы…"));
    EXPECT_TRUE(AnalysisView::runningText(false, 0, 0).startsWith(u"Анализ: подготовка эталонов"));
    EXPECT_EQ(AnalysisView::runningText(false, 120, 2024),
              QStringLiteral("Анализ: 2024 год — для столбца «Лет подряд»…"));
    EXPECT_EQ(AnalysisView::runningText(false, 120, 0),
              QStringLiteral("Анализ: проверка единиц по критериям…"));

    AnalysisView view(*data.db);
    auto *poll = view.findChild<QTimer *>(QStringLiteral("analysisPoll"));
    ASSERT_NE(poll, nullptr);
    bool done = false;
    QObject::connect(&view, &AnalysisView::analysisFinished, [&](bool) { done = true; });
    view.startAnalysis();
    ASSERT_TRUE(view.isRunning());
    QMetaObject::invokeMethod(poll, "timeout", Qt::DirectConnection);
    if (view.isRunning()) { // the stage it is at, whichever
        EXPECT_TRUE(view.statusText().startsWith(u"Анализ: ")) << view.statusText().toStdString();
    }
    ASSERT_TRUE(test::waitFor([&] { return done; }));

    const QString xlsx = data.dir.filePath(QStringLiteral("status.xlsx"));
    bool exported = false;
    QObject::connect(&view, &AnalysisView::exportFinished,
                     [&](bool, const QString &) { exported = true; });
    view.exportTo(xlsx);
    // the poll runs while exporting; it must not put the analysis's line back
    QMetaObject::invokeMethod(poll, "timeout", Qt::DirectConnection);
    EXPECT_TRUE(view.statusText().startsWith(u"Сохранение отчёта"))
        << view.statusText().toStdString();
    ASSERT_TRUE(test::waitFor([&] { return exported; }));
    EXPECT_EQ(view.statusText(), QStringLiteral("Отчёт сохранён."));
}
