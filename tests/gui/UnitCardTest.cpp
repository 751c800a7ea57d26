// The unit card of the analysis (issue 14) on a small hand-built database: the charts show the
// counts put in (shares of primary scores, school against the other schools), the mark boundaries
// of the scale, понизили/подтвердили/повысили, the tasks ordered by the region's difficulty with
// their levels, the medallists against the thresholds; PNG export writes an image; the positions
// read by SQL equal the engine's on a generated region.
#include "objectivity/gui/analysis/UnitCard.h"
#include "ResultsTestSupport.h"
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/gui/analysis/ChartPanel.h"
#include "objectivity/gui/analysis/UnitCardData.h"
#include "objectivity/gui/analysis/UnitCharts.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/SchoolPositionQuery.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

#include <memory>

using namespace objectivity;

namespace {

const QString kSchoolA = QStringLiteral("edu000901");
const QString kSchoolB = QStringLiteral("edu000902");
const QString kSchoolC = QStringLiteral("edu000903");
// primary scores of the ВПР 2024 «Математика», grade 5 (tasks 1, 1, 2, 2 points; scale 2/4/5)
const QList<int> kScoresA = {4, 4, 4, 4, 4, 4, 3, 5, 6, 2};
const QList<int> kScoresB = {0, 1, 2, 3, 3, 4, 5, 6, 1, 2, 3, 4};
const QList<int> kScoresC = {1, 2, 3, 4, 5, 6, 2, 3, 4, 5};
const int kTaskMax[] = {1, 1, 2, 2};

core::MarkScale vprScale() {
    core::MarkScale s;
    s.kind = core::ProcedureKind::VPR;
    s.year = 2024;
    s.grade = 5;
    s.subject = QStringLiteral("Математика");
    s.maxPrimary = 6;
    s.minFor3 = 2;
    s.minFor4 = 4;
    s.minFor5 = 5;
    return s;
}

// Points per task adding up to `score`: easy tasks first, or hard first (school A's helped pupils).
QList<std::int8_t> points(int score, bool hardFirst) {
    QList<std::int8_t> p(4, 0);
    for (int k = 0; k < 4; ++k) {
        const int t = hardFirst ? 3 - k : k;
        const int got = std::min(kTaskMax[t], score);
        p[t] = static_cast<std::int8_t>(got);
        score -= got;
    }
    return p;
}

class UnitCardTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(data.open());
        storage::ResultsRepository repo(*data.db);
        auto st = data.db->transaction([&]() -> core::Status {
            storage::ResultsRepository::ImportRecord record;
            record.fileName = QStringLiteral("hand-built");
            record.contentHash = QStringLiteral("hand-built");
            record.layout = QStringLiteral("flat");
            auto importId = repo.addImport(record);
            if (!importId)
                return importId.error();
            QHash<QString, qint64> schools;
            for (const auto &[code, municipality] :
                 {std::pair{kSchoolA, QStringLiteral("Первый район")},
                  std::pair{kSchoolB, QStringLiteral("Первый район")},
                  std::pair{kSchoolC, QStringLiteral("Второй район")}}) {
                core::School s;
                s.code = code;
                s.name = QStringLiteral("Школа ") + code.right(1);
                s.municipality = municipality;
                auto id = repo.upsertSchool(s);
                if (!id)
                    return id.error();
                schools.insert(code, id.value());
            }
            core::Procedure vpr;
            vpr.kind = core::ProcedureKind::VPR;
            vpr.year = 2024;
            vpr.grade = 5;
            vpr.subject = QStringLiteral("Математика");
            vpr.tasks = {{QStringLiteral("1"), 1, core::TaskLevel::Basic},
                         {QStringLiteral("2"), 1, core::TaskLevel::Basic},
                         {QStringLiteral("3"), 2, core::TaskLevel::Advanced},
                         {QStringLiteral("4"), 2, core::TaskLevel::High}};
            auto p = repo.ensureProcedure(vpr);
            if (!p)
                return p.error();
            procedure = p.value();
            if (auto id = storage::MarkScaleRepository(*data.db).add(vprScale()); !id)
                return id.error();
            int n = 0;
            auto add = [&](const QString &school, qint64 procedureId, int score, int mark,
                           int journal, const QList<std::int8_t> &taskPoints, int testScore,
                           core::Medal medal, const QString &code) -> core::Status {
                core::ParticipantResult r;
                r.schoolId = schools.value(school);
                r.procedureId = procedureId;
                r.participantCode = code.isEmpty() ? QString::number(++n) : code;
                r.taskPoints = taskPoints;
                r.primaryScore = score;
                r.mark = mark;
                r.journalMark = journal;
                r.testScore = testScore;
                r.medal = medal;
                qint64 duplicate = 0;
                return repo.addParticipant(r, importId.value(), &duplicate);
            };
            const core::MarkScale scale = vprScale();
            for (int s : kScoresA) // journal «5» for everybody: mostly «понизили»
                if (auto st = add(kSchoolA, procedure.id, s, scale.markFor(s), 5, points(s, true),
                                  -1, core::Medal::None, {});
                    !st)
                    return st;
            for (const QString &school : {kSchoolB, kSchoolC})
                for (int s : school == kSchoolB ? kScoresB : kScoresC)
                    if (auto st = add(school, procedure.id, s, scale.markFor(s), scale.markFor(s),
                                      points(s, false), -1, core::Medal::None, {});
                        !st)
                        return st;
            // ЕГЭ 2024 of school A: four medallists and one pupil without a medal
            QHash<QString, qint64> ege;
            for (const QString &subject :
                 {QStringLiteral("Русский язык"), QStringLiteral("Обществознание"),
                  QStringLiteral("Математика (база)")}) {
                core::Procedure e;
                e.kind = core::ProcedureKind::EGE;
                e.year = 2024;
                e.grade = 11;
                e.subject = subject;
                // one task: an empty task_points is bound as NULL by addParticipant
                e.tasks = {{QStringLiteral("1"), 1, core::TaskLevel::Unknown}};
                auto id = repo.ensureProcedure(e);
                if (!id)
                    return id.error();
                ege.insert(subject, id->id);
            }
            struct Pupil {
                const char *code;
                core::Medal medal;
                int russian, social; // social < 0: not taken
                int basicMath = 0;   // the mark of Математика (база), 0: not taken
            };
            // M4 sat only Русский язык and Математика (база): its «5» supports gold
            for (const Pupil &m :
                 {Pupil{"M1", core::Medal::Gold, 72, 75}, Pupil{"M2", core::Medal::Gold, 65, 80},
                  Pupil{"M3", core::Medal::Silver, 61, 55},
                  Pupil{"M4", core::Medal::Gold, 74, -1, 5},
                  Pupil{"P4", core::Medal::None, 50, 50}}) {
                const QString code = QString::fromLatin1(m.code);
                if (auto st = add(kSchoolA, ege.value(QStringLiteral("Русский язык")), 0, 0, 0, {0},
                                  m.russian, m.medal, code);
                    !st)
                    return st;
                if (m.social >= 0)
                    if (auto st = add(kSchoolA, ege.value(QStringLiteral("Обществознание")), 0, 0,
                                      0, {0}, m.social, m.medal, code);
                        !st)
                        return st;
                if (m.basicMath > 0)
                    if (auto st = add(kSchoolA, ege.value(QStringLiteral("Математика (база)")), 17,
                                      m.basicMath, 0, {0}, -1, m.medal, code);
                        !st)
                        return st;
            }
            return repo.finishImport(importId.value(), n, {});
        });
        ASSERT_TRUE(st.ok()) << st.error().toString().toStdString() << " / "
                             << st.error().details.toStdString();

        auto dataset = storage::AnalysisDataReader::read(data.db->connection());
        ASSERT_TRUE(dataset.ok());
        report = std::make_shared<core::AnalysisReport>(
            core::AnalysisEngine::run(dataset.value(), core::AnalysisSettings()));
        for (const auto &u : report->units)
            if (u.schoolCode == kSchoolA && u.kind == core::ProcedureKind::VPR)
                unitA = &u;
        ASSERT_NE(unitA, nullptr);
    }

    static QLineSeries *line(QChart *chart, const QString &namePrefix) {
        for (QAbstractSeries *s : chart->series())
            if (s->name().startsWith(namePrefix))
                return qobject_cast<QLineSeries *>(s);
        return nullptr;
    }

    test::ResultsDatabase data;
    core::Procedure procedure;
    std::shared_ptr<core::AnalysisReport> report;
    const core::UnitReport *unitA = nullptr;
};

} // namespace

TEST_F(UnitCardTest, DistributionIsTheCountsAgainstTheOtherSchools) {
    auto d = storage::ScoreDistributionQuery(*data.db).read(procedure, kSchoolA);
    ASSERT_TRUE(d.ok()) << d.error().toString().toStdString();
    EXPECT_EQ(d->maxPrimary, 6);
    const QList<int> school = {0, 0, 1, 1, 6, 1, 1};
    EXPECT_EQ(d->school, school);
    QList<int> region(7, 0);
    for (int s : kScoresB + kScoresC)
        ++region[s];
    EXPECT_EQ(d->region, region);
    EXPECT_TRUE(d->fromScale);
    EXPECT_EQ(d->minFor[0], 2);
    EXPECT_EQ(d->minFor[1], 4);
    EXPECT_EQ(d->minFor[2], 5);
}

TEST_F(UnitCardTest, CardShowsTheSchoolsSharesAndTheScaleBoundaries) {
    gui::UnitCard card(*data.db, report, *unitA);
    card.show();
    ASSERT_TRUE(test::waitFor([&] { return !card.isLoading(); }));
    ASSERT_NE(card.panel(gui::UnitCard::Distribution), nullptr) << card.notesText().toStdString();
    QChart *chart = card.panel(gui::UnitCard::Distribution)->chart();
    EXPECT_FALSE(chart->title().isEmpty());
    QLineSeries *school = line(chart, QStringLiteral("Школа"));
    ASSERT_NE(school, nullptr);
    ASSERT_EQ(school->count(), 7);
    const double shares[] = {0, 0, 10, 10, 60, 10, 10}; // of 10 participants
    for (int p = 0; p <= 6; ++p)
        EXPECT_DOUBLE_EQ(school->at(p).y(), shares[p]) << p;
    QLineSeries *region = line(chart, QStringLiteral("Другие школы"));
    ASSERT_NE(region, nullptr);
    EXPECT_NEAR(region->at(3).y(), 100.0 * 5 / 22, 1e-9); // «3» five times among 22
    int k = 3;
    for (int boundary : {2, 4, 5}) {
        QLineSeries *b = line(chart, QStringLiteral("«%1» от").arg(k++));
        ASSERT_NE(b, nullptr) << boundary;
        ASSERT_EQ(b->count(), 2);
        EXPECT_DOUBLE_EQ(b->at(0).x(), boundary - 0.5);
        EXPECT_DOUBLE_EQ(b->at(1).x(), boundary - 0.5);
    }
    for (int part = 0; part < gui::UnitCard::PartCount; ++part)
        if (auto *panel = card.panel(static_cast<gui::UnitCard::Part>(part))) {
            EXPECT_FALSE(panel->hint().isEmpty()) << part;
            EXPECT_FALSE(panel->chart()->title().isEmpty()) << part;
            EXPECT_TRUE(panel->chart()->legend()->isVisible()) << part;
            for (QAbstractAxis *axis : panel->chart()->axes())
                EXPECT_FALSE(axis->titleText().isEmpty()) << part;
        }
    EXPECT_TRUE(card.headerText().contains(unitA->schoolName));
}

// At the card's own size every axis title fits along its plot (an elided «Положение,
// стандартных …» said nothing), and a chart of lines and points draws each legend entry as its
// series (the hint names circles, squares, triangles and the dashed boundaries); a chart with
// bars keeps boxes (Qt draws a bar's marker from the series as an empty box). Returns the number
// of charts checked.
static int expectTitlesFitAndLegendsAsSeries(gui::UnitCard &card) {
    QCoreApplication::processEvents();
    int charts = 0;
    for (int part = 0; part < gui::UnitCard::PartCount; ++part) {
        auto *panel = card.panel(static_cast<gui::UnitCard::Part>(part));
        if (!panel)
            continue;
        QChart *chart = panel->chart();
        const QRectF plot = chart->plotArea();
        EXPECT_GT(plot.height(), 50) << part;
        ++charts;
        for (QAbstractAxis *axis : chart->axes()) {
            const qreal along = axis->orientation() == Qt::Vertical ? plot.height() : plot.width();
            EXPECT_LE(QFontMetricsF(axis->titleFont()).horizontalAdvance(axis->titleText()), along)
                << part << ' ' << axis->titleText().toStdString();
        }
        bool bars = false;
        for (QAbstractSeries *series : chart->series())
            bars = bars || qobject_cast<QAbstractBarSeries *>(series);
        EXPECT_EQ(chart->legend()->markerShape(),
                  bars ? QLegend::MarkerShapeRectangle : QLegend::MarkerShapeFromSeries)
            << part;
    }
    return charts;
}

TEST_F(UnitCardTest, AxisTitlesFitAndLegendsDrawWhatTheHintsName) {
    gui::UnitCard card(*data.db, report, *unitA);
    card.show();
    ASSERT_TRUE(test::waitFor([&] { return !card.isLoading(); }));
    EXPECT_EQ(expectTitlesFitAndLegendsAsSeries(card),
              4); // distribution, tasks, journal, positions
}

// The card names the unit's scale under its title; a finding that names the same scale at its
// end (mark_scale_mismatch) does not repeat it, one that names another text keeps it.
TEST(UnitCardTextTest, AnExplanationDoesNotRepeatTheScaleShownAboveIt) {
    const QString scale = QStringLiteral("официальной шкалы нет: границы выведены из данных");
    EXPECT_EQ(gui::UnitCard::explanationUnderScale(
                  QStringLiteral("У 14 из 67 работ отметка выше шкалы; ниже шкалы — 0. Шкала: ") +
                      scale + u'.',
                  scale),
              QStringLiteral("У 14 из 67 работ отметка выше шкалы; ниже шкалы — 0."));
    const QString other = QStringLiteral("… ниже шкалы — 0. Шкала: официальная шкала ВПР 2024.");
    EXPECT_EQ(gui::UnitCard::explanationUnderScale(other, scale), other);
    EXPECT_EQ(gui::UnitCard::explanationUnderScale(other, QString()), other);
}

// A ВПР unit's card names the school's other ВПР of that year and grade with their participants
// (the data has no size of the parallel: a subject written by far fewer pupils is worth a
// question); other years, grades, procedures and the unit itself are not named.
TEST(UnitCardTextTest, TheOtherVprOfTheSameParallelWithTheirParticipants) {
    auto unit = [](core::ProcedureKind kind, int year, int grade, const char *subject, int n) {
        core::UnitReport u;
        u.kind = kind;
        u.year = year;
        u.grade = grade;
        u.subject = QString::fromUtf8(subject);
        u.n = n;
        return u;
    };
    using K = core::ProcedureKind;
    const QList<core::UnitReport> school = {
        unit(K::VPR, 2024, 5, "История", 25),      unit(K::VPR, 2024, 5, "Математика", 17),
        unit(K::VPR, 2024, 5, "Русский язык", 21), unit(K::VPR, 2024, 6, "Биология", 30),
        unit(K::VPR, 2023, 5, "Русский язык", 28), unit(K::OGE, 2024, 9, "Математика", 40),
        unit(K::VPR, 2024, 4, "Русский язык", 22)};
    EXPECT_EQ(gui::UnitCard::sameParallelText(school, school[1]),
              QStringLiteral("Другие ВПР 5 класса в 2024 году: История — 25 участников, "
                             "Русский язык — 21."));
    EXPECT_EQ(gui::UnitCard::sameParallelText(school, school[0]),
              QStringLiteral("Другие ВПР 5 класса в 2024 году: Математика — 17 участников, "
                             "Русский язык — 21."));
    EXPECT_EQ(gui::UnitCard::sameParallelText({school[2], school[0]}, school[2]),
              QStringLiteral("Другие ВПР 5 класса в 2024 году: История — 25 участников."));
    EXPECT_EQ(gui::UnitCard::sameParallelText(school, school[3]), QString()); // alone in grade 6
    EXPECT_EQ(gui::UnitCard::sameParallelText(school, school[5]), QString()); // not a ВПР
    core::UnitReport medals;
    medals.kind = K::VPR;
    medals.year = 2024;
    EXPECT_EQ(gui::UnitCard::sameParallelText(school, medals), QString());
}

TEST_F(UnitCardTest, JournalAndTasksCharts) {
    gui::UnitCard card(*data.db, report, *unitA);
    ASSERT_TRUE(test::waitFor([&] { return !card.isLoading(); }));
    ASSERT_NE(card.panel(gui::UnitCard::Journal), nullptr);
    auto *stacked = qobject_cast<QHorizontalStackedBarSeries *>(
        card.panel(gui::UnitCard::Journal)->chart()->series().value(0));
    ASSERT_NE(stacked, nullptr);
    // each share is a labelled set and a set of the segments too narrow for a label
    ASSERT_EQ(stacked->count(), 6);
    const auto shareOf = [&](int share, int category) {
        return stacked->barSets().at(2 * share)->at(category) +
               stacked->barSets().at(2 * share + 1)->at(category);
    };
    // school last (drawn on top): journal «5» for all, mark «5» for scores 5 and 6 only → 8 of
    // 10 «понизили», 2 «подтвердили»
    ASSERT_EQ(stacked->barSets().at(0)->count(), 3);
    EXPECT_NEAR(shareOf(0, 2), 80.0, 1e-9);
    EXPECT_NEAR(shareOf(1, 2), 20.0, 1e-9);
    EXPECT_NEAR(shareOf(0, 0), 0.0, 1e-9); // the other schools: journal = mark

    ASSERT_NE(card.panel(gui::UnitCard::Tasks), nullptr);
    QChart *tasks = card.panel(gui::UnitCard::Tasks)->chart();
    auto *axis = qobject_cast<QBarCategoryAxis *>(tasks->axes(Qt::Horizontal).value(0));
    ASSERT_NE(axis, nullptr);
    // the other schools solve the easy tasks first: difficulty order 1, 2, 3, 4 with levels
    EXPECT_EQ(axis->categories(), (QStringList{QStringLiteral("1 Б"), QStringLiteral("2 Б"),
                                               QStringLiteral("3 П"), QStringLiteral("4 В")}));
    auto *bars = qobject_cast<QBarSeries *>(tasks->series().value(0));
    ASSERT_NE(bars, nullptr);
    // school A fills the hard tasks first: task 4 (2 points) full for every score ≥ 2
    EXPECT_NEAR(bars->barSets().at(0)->at(3), unitA->metrics.taskPercent[3], 0.05);
    EXPECT_NEAR(bars->barSets().at(0)->at(3), 100.0, 1e-9);
    EXPECT_NEAR(bars->barSets().at(1)->at(0), unitA->region.taskPercent[0], 0.05);
}

TEST_F(UnitCardTest, MedallistsAgainstTheThresholds) {
    core::UnitReport medals;
    medals.year = 2024;
    medals.kind = core::ProcedureKind::EGE;
    medals.grade = 11;
    medals.schoolCode = kSchoolA;
    auto d = gui::UnitCardData::load(*data.db, medals);
    ASSERT_TRUE(d.ok()) << d.error().toString().toStdString();
    ASSERT_EQ(d->medallists.size(), 4); // P4 has no medal
    EXPECT_EQ(d->medallists[0].code, QStringLiteral("M1"));
    EXPECT_EQ(d->medallists[0].russian, 72);
    EXPECT_EQ(d->medallists[2].medal, core::Medal::Silver);
    ASSERT_NE(d->medallists[2].bestOther(), nullptr);
    EXPECT_EQ(d->medallists[2].bestOther()->testScore, 55);

    const gui::UnitCharts::Chart c = gui::UnitCharts::medals(d.value());
    ASSERT_NE(c.chart, nullptr) << c.hint.toStdString();
    gui::ChartPanel panel; // owns the chart
    panel.setChart(c.chart, c.hint);
    panel.resize(680, 520);
    panel.show();
    test::screenshot(&panel, QStringLiteral("analysis-medals.png"));
    auto *bars = qobject_cast<QBarSeries *>(c.chart->series().value(0));
    ASSERT_NE(bars, nullptr);
    EXPECT_EQ(bars->barSets().at(0)->at(1), 65); // M2's Русский язык
    EXPECT_EQ(bars->barSets().at(1)->at(0), 75); // M1's best other subject
    QLineSeries *gold = line(c.chart, QStringLiteral("Порог: золото"));
    QLineSeries *silver = line(c.chart, QStringLiteral("Порог: серебро"));
    ASSERT_NE(gold, nullptr);
    ASSERT_NE(silver, nullptr);
    EXPECT_EQ(gold->at(0).y(), core::MedalRules::russianThreshold(2024, core::Medal::Gold));
    EXPECT_EQ(silver->at(0).y(), core::MedalRules::russianThreshold(2024, core::Medal::Silver));
    // M1 supported, M2 and M3 not: the verdicts are MedalRules's
    auto *axis = qobject_cast<QBarCategoryAxis *>(c.chart->axes(Qt::Horizontal).value(0));
    ASSERT_NE(axis, nullptr);
    EXPECT_TRUE(axis->categories().at(0).endsWith(QStringLiteral("✔")));
    EXPECT_TRUE(axis->categories().at(1).endsWith(QStringLiteral("✘")));
    EXPECT_TRUE(axis->categories().at(2).endsWith(QStringLiteral("✘")));
    // M4: Русский язык 74 and «5» in Математика (база), read by its mark
    EXPECT_EQ(d->medallists[3].basicMath, 5);
    EXPECT_TRUE(d->medallists[3].others.isEmpty());
    EXPECT_EQ(axis->categories().at(3), QStringLiteral("M4 зол. ✔<br>база «5»"));
    EXPECT_TRUE(c.hint.contains(QStringLiteral("2 из 4"))) << c.hint.toStdString();
}

TEST_F(UnitCardTest, MedalsUnitCardShowsTheMedallistsOnly) {
    const core::UnitReport *medals = nullptr;
    for (const auto &u : report->units)
        if (u.schoolCode == kSchoolA && u.subject.isEmpty())
            medals = &u;
    ASSERT_NE(medals, nullptr) << "the engine reports the medals of school A";
    gui::UnitCard card(*data.db, report, *medals);
    ASSERT_TRUE(test::waitFor([&] { return !card.isLoading(); }));
    EXPECT_GE(card.units().size(), 2); // the ВПР unit is in the drop-down too
    ASSERT_NE(card.panel(gui::UnitCard::Medals), nullptr);
    EXPECT_NE(card.panel(gui::UnitCard::Positions), nullptr);
    EXPECT_EQ(card.panel(gui::UnitCard::Distribution), nullptr);
    EXPECT_EQ(card.panel(gui::UnitCard::Tasks), nullptr);
    EXPECT_TRUE(card.notesText().isEmpty()) << card.notesText().toStdString();
    card.show();
    EXPECT_EQ(expectTitlesFitAndLegendsAsSeries(card), 2); // medals, positions
    // switching to the ВПР unit of the same school builds its charts
    for (int i = 0; i < card.units().size(); ++i)
        if (!card.units()[i].subject.isEmpty())
            card.showUnit(i);
    ASSERT_TRUE(test::waitFor([&] { return !card.isLoading(); }));
    EXPECT_FALSE(card.units()[card.currentUnit()].subject.isEmpty());
    EXPECT_NE(card.panel(gui::UnitCard::Distribution), nullptr);
    EXPECT_EQ(card.panel(gui::UnitCard::Medals), nullptr);
}

TEST_F(UnitCardTest, PositionsOutsideTheReportComeInTheSecondStage) {
    // a report of the ВПР unit only (as after a run filtered to ВПР): the ЕГЭ positions are read
    auto filtered = std::make_shared<core::AnalysisReport>();
    filtered->units << *unitA;
    gui::UnitCard card(*data.db, filtered, filtered->units.first());
    ASSERT_TRUE(test::waitFor([&] { return !card.isLoading(); }));
    ASSERT_NE(card.panel(gui::UnitCard::Positions), nullptr);
    int points = 0;
    QSet<QString> kinds;
    for (QAbstractSeries *series : card.panel(gui::UnitCard::Positions)->chart()->series())
        if (auto *scatter = qobject_cast<QScatterSeries *>(series);
            scatter && scatter->name() != QStringLiteral("Эта единица")) {
            points += scatter->count();
            kinds.insert(scatter->name());
        }
    EXPECT_EQ(points, 4); // ВПР Математика, ЕГЭ Русский язык, Обществознание, Математика (база)
    EXPECT_EQ(kinds, (QSet<QString>{QStringLiteral("ВПР"), QStringLiteral("ЕГЭ")}));
}

TEST_F(UnitCardTest, ChartExportsToPng) {
    gui::UnitCard card(*data.db, report, *unitA);
    card.resize(1200, 900);
    card.show();
    ASSERT_TRUE(test::waitFor([&] { return !card.isLoading(); }));
    gui::ChartPanel *panel = card.panel(gui::UnitCard::Distribution);
    ASSERT_NE(panel, nullptr);
    test::waitFor([] { return false; }, 100); // laid out and painted
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("распределение.png"));
    ASSERT_TRUE(panel->savePng(path));
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_GE(image.width(), 400);
    // not a blank picture: the school's red line is in it
    bool red = false;
    for (int y = 0; y < image.height() && !red; y += 2)
        for (int x = 0; x < image.width() && !red; x += 2) {
            const QColor c = image.pixelColor(x, y);
            red = c.red() > 150 && c.green() < 90 && c.blue() < 90;
        }
    EXPECT_TRUE(red);
    EXPECT_FALSE(panel->savePng(dir.filePath(QStringLiteral("нет/такой/папки.png"))));
}

TEST(UnitCardPositionsTest, PositionsByQueryAreTheEngines) {
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    auto options = test::smallRegion(20);
    options.firstYear = 2023;
    ASSERT_GT(data.generate(options), 1000);
    auto dataset = storage::AnalysisDataReader::read(data.db->connection());
    ASSERT_TRUE(dataset.ok());
    const core::AnalysisReport report =
        core::AnalysisEngine::run(dataset.value(), core::AnalysisSettings());
    QHash<QString, QList<storage::SchoolPosition>> bySchool;
    int compared = 0;
    for (const auto &u : report.units) {
        if (u.subject.isEmpty() || u.n == 0)
            continue;
        if (!bySchool.contains(u.schoolCode)) {
            auto read = storage::SchoolPositionQuery(*data.db).read(u.schoolCode);
            ASSERT_TRUE(read.ok());
            bySchool.insert(u.schoolCode, read.value());
        }
        bool found = false;
        for (const auto &p : bySchool.value(u.schoolCode))
            if (p.kind == u.kind && p.year == u.year && p.grade == u.grade &&
                p.subject == u.subject) {
                found = true;
                EXPECT_EQ(p.n, u.n);
                EXPECT_NEAR(p.position, u.position, 1e-9)
                    << u.schoolCode.toStdString() << ' ' << u.subject.toStdString();
                ++compared;
            }
        EXPECT_TRUE(found) << u.schoolCode.toStdString() << ' ' << u.subject.toStdString();
    }
    EXPECT_GT(compared, 100);

    // positions the report already has are taken as they are, the others still read
    const QString school = bySchool.constBegin().key();
    const QList<storage::SchoolPosition> all = bySchool.constBegin().value();
    ASSERT_GE(all.size(), 2);
    storage::SchoolPosition known = all.first();
    known.position = 42;
    auto mixed = storage::SchoolPositionQuery(*data.db).read(school, {known});
    ASSERT_TRUE(mixed.ok());
    ASSERT_EQ(mixed->size(), all.size());
    EXPECT_EQ(mixed->first().position, 42);
    EXPECT_NEAR(mixed->last().position, all.last().position, 1e-12);
}

// Task levels not given: the tasks the analysis took as hard are marked «сл.» and the axis says
// why.
TEST(UnitChartsTest, TheTasksTakenAsHardAreMarkedWhereNoLevelsWereGiven) {
    gui::UnitCardData d;
    d.hasProcedure = true;
    d.unit.subject = QStringLiteral("Математика");
    for (int t = 1; t <= 4; ++t)
        d.procedure.tasks.append({QString::number(t), 1, core::TaskLevel::Unknown});
    d.unit.metrics.taskPercent = {90, 80, 40, 30};
    d.unit.region.taskPercent = {85, 75, 35, 20};
    d.unit.taskLevels = core::TaskLevelSource::Inferred;
    d.unit.hardTasks = QStringList{QStringLiteral("3"), QStringLiteral("4")};
    const gui::UnitCharts::Chart c = gui::UnitCharts::tasks(d);
    ASSERT_NE(c.chart, nullptr);
    std::unique_ptr<QChart> chart(c.chart);
    auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
    ASSERT_NE(axis, nullptr);
    EXPECT_EQ(axis->categories(), (QStringList{QStringLiteral("1"), QStringLiteral("2"),
                                               QStringLiteral("3 сл."), QStringLiteral("4 сл.")}));
    EXPECT_TRUE(
        axis->titleText().startsWith(QStringLiteral("Задание («сл.» — сложное по выполнению")))
        << axis->titleText().toStdString();
    // given levels: the letters, never «сл.»
    d.unit.taskLevels = core::TaskLevelSource::Given;
    d.procedure.tasks[3].level = core::TaskLevel::High;
    std::unique_ptr<QChart> given(gui::UnitCharts::tasks(d).chart);
    auto *givenAxis = qobject_cast<QBarCategoryAxis *>(given->axes(Qt::Horizontal).value(0));
    ASSERT_NE(givenAxis, nullptr);
    EXPECT_EQ(givenAxis->categories().last(), QStringLiteral("4 В"));
    EXPECT_FALSE(givenAxis->categories().join(u' ').contains(QStringLiteral("сл.")));
}

// Works without their mark: the journal chart says the mark was taken from the scale, or why there
// is nothing to compare.
TEST(UnitChartsTest, TheJournalChartSaysWhereTheWorksMarksCameFrom) {
    gui::UnitCardData d;
    d.hasProcedure = true;
    d.unit.subject = QStringLiteral("Математика");
    d.unit.n = 40;
    d.unit.metrics.journalPairs = 40;
    d.unit.metrics.confirmedPct = 100;
    d.unit.marksFromScale = 40;
    gui::UnitCharts::Chart c = gui::UnitCharts::journal(d);
    ASSERT_NE(c.chart, nullptr);
    delete c.chart;
    EXPECT_TRUE(
        c.hint.endsWith(QStringLiteral("Отметки за работу в данных нет у 40 из 40 участников "
                                       "школы: взята отметка по шкале перевода для их "
                                       "первичного балла.")))
        << c.hint.toStdString();
    // the marks from the boundaries the region's journals follow
    d.unit.journalScale = QStringLiteral("«3» с 5, «4» с 11, «5» с 19");
    c = gui::UnitCharts::journal(d);
    delete c.chart;
    EXPECT_TRUE(c.hint.endsWith(QStringLiteral("ставят по журналу большинство школ региона («3» с "
                                               "5, «4» с 11, «5» с 19).")))
        << c.hint.toStdString();
    d.unit.journalScale.clear();
    // no marks and no scale: no chart, and the hint says why
    d.unit.marksFromScale = 0;
    d.unit.marksMissing = 40;
    d.unit.metrics.journalPairs = 0;
    c = gui::UnitCharts::journal(d);
    EXPECT_EQ(c.chart, nullptr);
    EXPECT_TRUE(c.hint.contains(QStringLiteral("нет отметок за работу, а шкалы перевода")))
        << c.hint.toStdString();
    // no journal marks: as before
    d.unit.marksMissing = 0;
    EXPECT_TRUE(gui::UnitCharts::journal(d).hint.endsWith(
        QStringLiteral("нет отметок по журналу для этой процедуры.")));
}

// A share too narrow for its figure («1,8» in 2 % of the bar lost its «1» over the axis) is drawn
// without a label, in its colour, and the legend still has one entry per share.
TEST(UnitChartsTest, JournalSharesTooNarrowForTheirFigureHaveNoLabel) {
    gui::UnitCardData d;
    d.hasProcedure = true;
    d.unit.subject = QStringLiteral("Математика");
    d.unit.n = 57;
    d.unit.metrics.journalPairs = 57;
    d.unit.metrics.loweredPct = 1.8;
    d.unit.metrics.confirmedPct = 31.6;
    d.unit.metrics.raisedPct = 66.6;
    d.unit.region.journalPairs = 3000;
    d.unit.region.loweredPct = 18.5;
    d.unit.region.confirmedPct = 75.0;
    d.unit.region.raisedPct = 6.5;
    gui::UnitCharts::Chart c = gui::UnitCharts::journal(d);
    ASSERT_NE(c.chart, nullptr);
    QChart *chart = c.chart;
    QChartView view(chart); // owns the chart; the legend's markers are laid out in a view
    view.resize(600, 400);
    view.show();
    QCoreApplication::processEvents();
    auto *stacked = qobject_cast<QHorizontalStackedBarSeries *>(chart->series().value(0));
    ASSERT_NE(stacked, nullptr);
    const QList<QBarSet *> sets = stacked->barSets();
    ASSERT_EQ(sets.size(), 6);
    // categories: the region (first, at the bottom), the school
    const QList<double> labelled[] = {{18.5, 0}, {75.0, 31.6}, {0, 66.6}};
    const QList<double> narrow[] = {{0, 1.8}, {0, 0}, {6.5, 0}};
    for (int share = 0; share < 3; ++share) {
        QBarSet *shown = sets[2 * share], *hidden = sets[2 * share + 1];
        EXPECT_EQ(shown->color(), hidden->color()) << share;
        EXPECT_EQ(shown->label(), hidden->label()) << share;
        EXPECT_NE(shown->labelColor().alpha(), 0) << share;
        EXPECT_EQ(hidden->labelColor().alpha(), 0) << share;
        for (int category = 0; category < 2; ++category) {
            EXPECT_NEAR(shown->at(category), labelled[share][category], 1e-9) << share;
            EXPECT_NEAR(hidden->at(category), narrow[share][category], 1e-9) << share;
        }
    }
    QStringList legend;
    for (QLegendMarker *m : chart->legend()->markers(stacked))
        if (m->isVisible())
            legend << m->label();
    EXPECT_EQ(legend, QStringList({QStringLiteral("Понизили (ниже, чем по журналу)"),
                                   QStringLiteral("Подтвердили"),
                                   QStringLiteral("Повысили (выше, чем по журналу)")}));
}
