// The results browser over a generated region: the model passes QAbstractItemModelTester, shows
// every stored row, reads pages lazily, and each filter gives the count SQL gives.
#include "objectivity/gui/results/ResultsBrowser.h"
#include "ResultsTestSupport.h"
#include "objectivity/gui/results/ResultsBrowserModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QTableView>

using namespace objectivity;
using gui::ResultsBrowserModel;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

class ResultsBrowserTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(data.open());
        rows = data.generate(test::smallRegion());
        ASSERT_GT(rows, 3000);
    }
    qint64 sqlCount(const QString &where) const {
        return data.count(QStringLiteral("SELECT COUNT(*) FROM participants p JOIN procedures pr "
                                         "ON pr.id = p.procedure_id JOIN schools s ON s.id = "
                                         "p.school_id WHERE ") +
                          where);
    }
    test::ResultsDatabase data;
    qint64 rows = 0;
};
} // namespace

TEST_F(ResultsBrowserTest, ModelShowsEveryRowAndReadsOnlyThePagesAsked) {
    ResultsBrowserModel model(*data.db);
    QAbstractItemModelTester tester(&model, kFatal);
    ASSERT_TRUE(model.reload().ok());
    EXPECT_EQ(model.rowCount(), rows);
    EXPECT_EQ(model.allRows(), rows);
    EXPECT_EQ(model.totalRows(), rows);
    EXPECT_EQ(model.schoolCount(), data.count(QStringLiteral("SELECT COUNT(DISTINCT school_id) "
                                                             "FROM participants")));
    const int pagesBefore = model.pagesRead();
    const int last = model.rowCount() - 1;
    // Every cell of the last row is filled from the database.
    const QString code = model.index(last, ResultsBrowserModel::Code).data().toString();
    ASSERT_FALSE(code.isEmpty());
    const QString school = model.index(last, ResultsBrowserModel::SchoolCode).data().toString();
    const QString subject = model.index(last, ResultsBrowserModel::Subject).data().toString();
    EXPECT_EQ(sqlCount(QStringLiteral("p.participant_code = '%1' AND s.code = '%2' AND "
                                      "pr.subject = '%3'")
                           .arg(code, school, subject)),
              1);
    EXPECT_FALSE(model.index(last, ResultsBrowserModel::Tasks).data().toString().isEmpty());
    EXPECT_TRUE(model.index(last, ResultsBrowserModel::Primary).data().isValid());
    // Only the page of the last row was read for it (the tester read the first one).
    EXPECT_LE(model.pagesRead() - pagesBefore, 1);
    EXPECT_LE(model.pagesRead(), 3);

    // Codes are distinct within a page spanning several units (no row repeated or skipped).
    QSet<QString> seen;
    const int from = ResultsBrowserModel::kPageRows * 3;
    for (int r = from; r < from + ResultsBrowserModel::kPageRows && r < model.rowCount(); ++r) {
        const QString key = model.index(r, ResultsBrowserModel::SchoolCode).data().toString() +
                            u'|' + model.index(r, ResultsBrowserModel::Subject).data().toString() +
                            u'|' + model.index(r, ResultsBrowserModel::Grade).data().toString() +
                            u'|' + model.index(r, ResultsBrowserModel::Code).data().toString();
        EXPECT_FALSE(seen.contains(key)) << key.toStdString();
        seen.insert(key);
    }
}

TEST_F(ResultsBrowserTest, FiltersChangeTheCountsAsSqlDoes) {
    ResultsBrowserModel model(*data.db);
    QAbstractItemModelTester tester(&model, kFatal);
    ASSERT_TRUE(model.reload().ok());
    ASSERT_TRUE(model.subjects().contains(QStringLiteral("Математика")));
    ASSERT_GE(model.municipalities().size(), 2);

    ResultsBrowserModel::Filter f;
    f.subject = QStringLiteral("Математика");
    model.setFilter(f);
    const qint64 maths = sqlCount(QStringLiteral("pr.subject = 'Математика'"));
    EXPECT_EQ(model.rowCount(), maths);
    EXPECT_LT(maths, rows);
    for (int r = 0; r < model.rowCount(); r += 97)
        EXPECT_EQ(model.index(r, ResultsBrowserModel::Subject).data().toString(),
                  QStringLiteral("Математика"));

    f.grade = 5;
    f.kind = static_cast<int>(core::ProcedureKind::VPR);
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(),
              sqlCount(QStringLiteral("pr.subject = 'Математика' AND pr.grade = 5 AND "
                                      "pr.kind = 'ВПР'")));
    EXPECT_GT(model.rowCount(), 0);

    ResultsBrowserModel::Filter m;
    m.municipality = model.municipalities().at(1);
    model.setFilter(m);
    EXPECT_EQ(model.rowCount(),
              sqlCount(QStringLiteral("s.municipality = '%1'").arg(m.municipality)));
    EXPECT_EQ(model.schoolCount(),
              data.count(QStringLiteral("SELECT COUNT(DISTINCT p.school_id) FROM participants p "
                                        "JOIN schools s ON s.id = p.school_id WHERE "
                                        "s.municipality = '%1'")
                             .arg(m.municipality)));

    ResultsBrowserModel::Filter s;
    s.schoolCode = model.schools().first().code;
    s.year = 2024;
    model.setFilter(s);
    EXPECT_EQ(model.rowCount(),
              sqlCount(QStringLiteral("s.code = '%1' AND pr.year = 2024").arg(s.schoolCode)));
    EXPECT_EQ(model.schoolCount(), 1);

    ResultsBrowserModel::Filter none;
    none.year = 2019;
    model.setFilter(none);
    EXPECT_EQ(model.rowCount(), 0);
    model.setFilter({});
    EXPECT_EQ(model.rowCount(), rows);
}

TEST_F(ResultsBrowserTest, WidgetFiltersAndCountsText) {
    gui::ResultsBrowser browser(*data.db);
    browser.resize(1400, 700);
    browser.show();
    EXPECT_EQ(browser.model()->rowCount(), rows);
    EXPECT_TRUE(browser.countsText().contains(QStringLiteral("Участников:")));
    const QString municipality = browser.model()->municipalities().first();
    browser.setFilterValues(2024, QStringLiteral("ВПР"), 0, QStringLiteral("Русский язык"),
                            municipality, QString());
    const qint64 expected = sqlCount(QStringLiteral("pr.year = 2024 AND pr.kind = 'ВПР' AND "
                                                    "pr.subject = 'Русский язык' AND "
                                                    "s.municipality = '%1'")
                                         .arg(municipality));
    EXPECT_EQ(browser.model()->rowCount(), expected);
    EXPECT_GT(expected, 0);
    EXPECT_TRUE(browser.countsText().contains(QLocale(QLocale::Russian).toString(expected)))
        << browser.countsText().toStdString();
    test::screenshot(&browser, QStringLiteral("results-browser.png"));
}

TEST_F(ResultsBrowserTest, TheSchoolBoxCompletesAnyPartOfTheNameWithoutCaseOrYo) {
    gui::ResultsBrowser browser(*data.db);
    browser.show();
    QComboBox *school = nullptr;
    for (QComboBox *c : browser.findChildren<QComboBox *>())
        if (c->isEditable())
            school = c;
    ASSERT_NE(school, nullptr);
    // a school whose name has «ё», typed without it and in capitals, from the middle of the name
    QString withYo;
    for (int i = 0; i < school->count() && withYo.isEmpty(); ++i)
        if (school->itemText(i).contains(u'ё'))
            withYo = school->itemText(i);
    ASSERT_FALSE(withYo.isEmpty()) << "the generated region names a school «…Берёзовка»-like";
    const qsizetype at = withYo.indexOf(u'ё');
    const QString typed = withYo.mid(at - 3, 6).replace(u'ё', u'е').toUpper();
    QCompleter *completer = school->completer();
    completer->setCompletionPrefix(typed);
    QStringList offered;
    for (int r = 0; r < completer->completionCount(); ++r) {
        completer->setCurrentRow(r);
        offered << completer->currentCompletion();
    }
    EXPECT_TRUE(offered.contains(withYo))
        << typed.toStdString() << " → " << offered.join(u"; ").toStdString();
    // chosen, the box shows the school as written and filters by it
    completer->setCurrentRow(int(offered.indexOf(withYo)));
    emit completer->activated(completer->currentIndex());
    EXPECT_EQ(school->currentText(), withYo);
    EXPECT_FALSE(school->currentData().toString().isEmpty());
}
