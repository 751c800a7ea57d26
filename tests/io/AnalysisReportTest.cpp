// The «аналитическая справка» on the analysis of a generated region: the document model has the
// sections of issue 14 with the engine's criterion titles and the two kinds apart; the PDF is
// laid out on A4 portrait with the same text (read from the layout) and pages; the DOCX holds
// the headings, tables and figures (word/document.xml parsed); the school-level справка
// explains the school's own signs.
#include "GeneratedAnalysis.h"
#include "TestSupport.h"

#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/io/export/AnalysisReportBuilder.h"
#include "objectivity/io/export/AnalysisTotals.h"
#include "objectivity/io/export/ReportDocxWriter.h"
#include "objectivity/io/export/ReportPdfWriter.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QBuffer>
#include <QPdfWriter>
#include <QSet>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QXmlStreamReader>

using namespace objectivity;
using Kind = io::ReportDocument::Block::Kind;

namespace {

io::AnalysisScope regionScope() {
    io::AnalysisScope scope;
    scope.year = 2024;
    scope.kind = static_cast<int>(core::ProcedureKind::VPR);
    scope.date = QDate(2026, 11, 30);
    scope.organization = QStringLiteral("Управление образования");
    return scope;
}

QStringList texts(const io::ReportDocument &doc, Kind kind) {
    QStringList out;
    for (const auto &b : doc.blocks)
        if (b.kind == kind)
            out << b.text;
    return out;
}

int count(const io::ReportDocument &doc, Kind kind) {
    return int(texts(doc, kind).size());
}

// the school of a school-level справка: one with a sign of non-objective results
auto firstSchoolWithResultsSigns(const io::AnalysisTotals &totals) {
    return std::find_if(totals.schools.cbegin(), totals.schools.cend(),
                        [](const auto &s) { return s.resultsSigns > 0; });
}

const QStringList kSections = {QStringLiteral("1. Основание и цель"),
                               QStringLiteral("2. Какие данные проанализированы"),
                               QStringLiteral("3. Метод"), QStringLiteral("4. Результаты"),
                               QStringLiteral("5. Выводы и рекомендации")};

} // namespace

TEST(AnalysisReport, RegionReportHasTheSectionsTablesFiguresAndBothKindsApart) {
    const io::ReportDocument doc =
        io::AnalysisReportBuilder::build(test::generatedReport(), regionScope());
    EXPECT_EQ(doc.title, QStringLiteral("Аналитическая справка по итогам анализа объективности "
                                        "результатов ВПР 2024 года"));
    EXPECT_EQ(texts(doc, Kind::Organization),
              QStringList{QStringLiteral("Управление образования")});
    EXPECT_EQ(texts(doc, Kind::Heading), kSections);
    EXPECT_EQ(doc.blocks.last().kind, Kind::Signature);
    EXPECT_EQ(count(doc, Kind::Figure), 2);
    for (const auto &b : doc.blocks)
        if (b.kind == Kind::Figure) {
            EXPECT_FALSE(b.image.isNull());
            EXPECT_TRUE(b.text.startsWith(QStringLiteral("Рисунок ")));
            EXPECT_LE(b.widthMm, io::AnalysisReportBuilder::kTextWidthMm);
        }
    // the municipal table: a row per municipality and the total, the counts of AnalysisTotals
    const io::AnalysisTotals totals =
        io::AnalysisTotals::compute(test::generatedReport(), regionScope());
    // the first figure: the share of each municipality's schools, its count of schools named
    const auto figure = std::find_if(doc.blocks.cbegin(), doc.blocks.cend(),
                                     [](const auto &b) { return b.kind == Kind::Figure; });
    ASSERT_NE(figure, doc.blocks.cend());
    EXPECT_TRUE(figure->text.contains(QStringLiteral("Доля школ"))) << figure->text.toStdString();
    ASSERT_EQ(figure->cells.size(), totals.municipalities.size());
    for (int i = 0; i < totals.municipalities.size(); ++i)
        EXPECT_EQ(figure->cells[i], QStringLiteral("%1 (%2)")
                                        .arg(totals.municipalities[i].name)
                                        .arg(totals.municipalities[i].schools));
    const auto first = std::find_if(doc.blocks.cbegin(), doc.blocks.cend(),
                                    [](const auto &b) { return b.kind == Kind::Table; });
    ASSERT_NE(first, doc.blocks.cend());
    ASSERT_EQ(first->rows.size(), totals.municipalities.size() + 1);
    EXPECT_EQ(first->rows.last().value(0), QStringLiteral("Всего"));
    EXPECT_EQ(first->rows.last().value(2), QString::number(totals.total.schoolsWithResultsSigns));
    EXPECT_TRUE(first->totalRow);
    // the method names every criterion by the engine's title under its kind
    const QString text = doc.plainText();
    for (const auto &c : totals.criteria)
        EXPECT_TRUE(text.contains(c.title)) << c.code.toStdString();
    for (const auto kind : {core::CriterionKind::Results, core::CriterionKind::CurrentAssessment}) {
        EXPECT_TRUE(text.contains(core::criterionKindMeaning(kind)));
        EXPECT_TRUE(text.contains(QStringLiteral("Таблица")));
    }
    // every school with a sign of the first kind is listed by name and login
    for (const auto &s : totals.schools) {
        if (s.resultsSigns > 0) {
            EXPECT_TRUE(text.contains(QStringLiteral("%1 (%2)").arg(s.name, s.code)))
                << s.code.toStdString();
        }
    }
    EXPECT_TRUE(text.contains(QStringLiteral("перепроверить работы участников")));
    // each kind's table is announced with its count of schools and its number
    for (const auto kind : {core::CriterionKind::Results, core::CriterionKind::CurrentAssessment}) {
        int schools = 0;
        for (const auto &s : totals.schools)
            schools += (kind == core::CriterionKind::Results ? s.resultsSigns : s.currentSigns) > 0;
        const QString lead =
            core::criterionKindTitle(kind) +
            (schools == 0
                 ? QStringLiteral(" не выявлены ни у одной школы.")
                 : QStringLiteral(" выявлены у %1 (таблица ")
                       .arg(core::NumberText::counted(schools, u"школы", u"школ", u"школ")));
        EXPECT_TRUE(text.contains(lead)) << lead.toStdString();
    }
}

// The region's tables of schools name the class of a finding of one class: «5Б кл. русский
// язык»; a class not named after its grade keeps both, «5 кл. (класс Б) русский язык».
TEST(AnalysisReport, RegionTablesNameTheClassOfAFindingOfOneClass) {
    core::AnalysisReport report = test::generatedReport();
    const io::AnalysisScope scope = regionScope();
    QStringList expected;
    for (auto &u : report.units) {
        if (u.subject.isEmpty() || !scope.contains(u) || expected.size() == 2)
            continue;
        for (auto &f : u.findings)
            if (f.flagged) {
                f.label = expected.isEmpty() ? QStringLiteral("класс %1Б").arg(u.grade)
                                             : QStringLiteral("класс Б");
                expected << (expected.isEmpty()
                                 ? QStringLiteral("%1Б кл. %2").arg(u.grade)
                                 : QStringLiteral("%1 кл. (класс Б) %2").arg(u.grade))
                                .arg(u.subject.toLower());
                break;
            }
    }
    ASSERT_EQ(expected.size(), 2);
    const QString text = io::AnalysisReportBuilder::build(report, scope).plainText();
    for (const QString &unit : expected)
        EXPECT_TRUE(text.contains(unit)) << unit.toStdString();
}

TEST(AnalysisReport, SchoolReportExplainsEachSignOfTheSchool) {
    const io::AnalysisTotals totals =
        io::AnalysisTotals::compute(test::generatedReport(), regionScope());
    const auto flagged = firstSchoolWithResultsSigns(totals);
    ASSERT_NE(flagged, totals.schools.cend());
    io::AnalysisScope scope = regionScope();
    scope.organization.clear();
    scope.schoolCode = flagged->code;
    const io::ReportDocument doc = io::AnalysisReportBuilder::build(test::generatedReport(), scope);
    EXPECT_EQ(texts(doc, Kind::Organization), QStringList{flagged->name});
    EXPECT_TRUE(texts(doc, Kind::Title)
                    .value(0)
                    .endsWith(QStringLiteral(" в %1 (%2, %3)")
                                  .arg(flagged->name, flagged->code, flagged->municipality)));
    EXPECT_EQ(texts(doc, Kind::Heading), kSections);
    const QString text = doc.plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("ВСОКО")));
    for (const auto &x : flagged->findings)
        EXPECT_TRUE(text.contains(x.finding->explanation)) << x.finding->code.toStdString();
    // each kind's list is introduced by its count, or says there is none
    int current = 0;
    for (const auto &x : flagged->findings)
        current += x.finding->kind() == core::CriterionKind::CurrentAssessment ? 1 : 0;
    EXPECT_TRUE(text.contains(QStringLiteral("Признаки необъективности результатов (всего %1):")
                                  .arg(flagged->findings.size() - current)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        current == 0 ? QStringLiteral("Признаки необъективности текущего оценивания не выявлены.")
                     : QStringLiteral("Признаки необъективности текущего оценивания (всего %1):")
                           .arg(current)))
        << text.toStdString();
    // the school's table has a row per unit of the school in the scope
    int units = 0;
    for (const auto &u : test::generatedReport().units)
        units += scope.contains(u) ? 1 : 0;
    const auto table = std::find_if(doc.blocks.cbegin(), doc.blocks.cend(),
                                    [](const auto &b) { return b.kind == Kind::Table; });
    ASSERT_NE(table, doc.blocks.cend());
    EXPECT_EQ(table->rows.size(), units);
    // the units too small to assess are counted only when there are some («из них 0 … не
    // оценивались» read as if something had been left out)
    int small = 0;
    for (const auto &u : test::generatedReport().units)
        small += scope.contains(u) && u.insufficient ? 1 : 0;
    EXPECT_EQ(text.contains(QStringLiteral(" не оценивались (недостаточно данных)")), small > 0);
    EXPECT_EQ(text.contains(QStringLiteral(", в каждой не меньше ")), small == 0);
    EXPECT_FALSE(text.contains(QStringLiteral("из них 0 ")));
}

// Figure 1 of a school's справка («Средний процент выполнения»): one bar pair per unit. Over
// several years the labels carry the year; a справка of 2022–2024 showed «ВПР, 4 кл., Русский
// язык» three times with nothing to tell the years apart.
TEST(AnalysisReport, SchoolFigureLabelsCarryTheYearWhenTheReportSpansYears) {
    const io::AnalysisTotals totals =
        io::AnalysisTotals::compute(test::generatedReport(), regionScope());
    const auto flagged = firstSchoolWithResultsSigns(totals);
    ASSERT_NE(flagged, totals.schools.cend());
    io::AnalysisScope scope = regionScope();
    scope.schoolCode = flagged->code;
    auto meanLabels = [](const io::ReportDocument &doc) {
        for (const auto &b : doc.blocks)
            if (b.kind == Kind::Figure && b.text.contains(QStringLiteral("Средний процент")))
                return b.cells;
        return QStringList();
    };
    const QStringList oneYear =
        meanLabels(io::AnalysisReportBuilder::build(test::generatedReport(), scope));
    ASSERT_FALSE(oneYear.isEmpty());
    for (const QString &label : oneYear)
        EXPECT_TRUE(label.startsWith(QStringLiteral("ВПР, "))) << label.toStdString();
    scope.year = 0; // 2023 and 2024
    const QStringList years =
        meanLabels(io::AnalysisReportBuilder::build(test::generatedReport(), scope));
    EXPECT_GT(years.size(), oneYear.size());
    const QRegularExpression withYear(QStringLiteral("^(2023|2024), (ВПР|ОГЭ|ЕГЭ), "));
    for (const QString &label : years)
        EXPECT_TRUE(withYear.match(label).hasMatch()) << label.toStdString();
    EXPECT_FALSE(years.filter(QStringLiteral("2023, ")).isEmpty());
    EXPECT_FALSE(years.filter(QStringLiteral("2024, ")).isEmpty());
    EXPECT_EQ(QSet<QString>(years.cbegin(), years.cend()).size(), years.size()); // no two alike
}

TEST(AnalysisReport, PdfLaysTheSameTextOutOnA4PortraitPages) {
    const io::ReportDocument doc =
        io::AnalysisReportBuilder::build(test::generatedReport(), regionScope());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    QPageLayout layout = io::ReportPdfWriter::pageLayout();
    EXPECT_EQ(layout.pageSize().id(), QPageSize::A4);
    EXPECT_EQ(layout.orientation(), QPageLayout::Portrait);
    layout.setMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageLayout(layout);
    QTextDocument text;
    io::ReportPdfWriter::build(doc, &text, &writer);
    const QString laid = text.toPlainText().simplified();
    for (const QString &s : kSections)
        EXPECT_TRUE(laid.contains(s)) << s.toStdString();
    EXPECT_TRUE(laid.contains(doc.title));
    EXPECT_TRUE(laid.contains(QStringLiteral("(подпись)")));
    // the page body of A4 portrait with 30/10 mm side margins: 170 mm at 300 dpi
    EXPECT_NEAR(text.pageSize().width(), 170 / 25.4 * 300, 2);
    EXPECT_GE(text.pageCount(), 3);
    const auto painted = io::ReportPdfWriter::paint(doc, &writer);
    ASSERT_TRUE(painted.ok());
    EXPECT_EQ(*painted, text.pageCount());
    // a cancelled write leaves no file
    QTemporaryDir dir;
    std::atomic<bool> cancel{true};
    const QString path = dir.filePath(QStringLiteral("справка.pdf"));
    EXPECT_FALSE(io::ReportPdfWriter::write(doc, path, &cancel).ok());
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(AnalysisReport, DocxHasTheHeadingsTablesAndFigures) {
    const io::ReportDocument doc =
        io::AnalysisReportBuilder::build(test::generatedReport(), regionScope());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("справка.docx"));
    const core::Status st = io::ReportDocxWriter::write(doc, path);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    auto zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok());
    auto xml = zip->read(QStringLiteral("word/document.xml"));
    ASSERT_TRUE(xml.ok());
    QXmlStreamReader r(*xml);
    QStringList headings;
    QString paragraphText, style;
    int tables = 0, drawings = 0, depth = 0;
    QStringList captions;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.name() == QLatin1String("p")) {
                paragraphText.clear();
                style.clear();
            } else if (r.name() == QLatin1String("pStyle")) {
                style = r.attributes().value(QLatin1String("w:val")).toString();
            } else if (r.name() == QLatin1String("t")) {
                paragraphText += r.readElementText();
            } else if (r.name() == QLatin1String("tbl")) {
                if (depth++ == 0)
                    ++tables;
            } else if (r.name() == QLatin1String("drawing")) {
                ++drawings;
            }
        } else if (r.isEndElement()) {
            if (r.name() == QLatin1String("tbl"))
                --depth;
            if (r.name() == QLatin1String("p")) {
                if (style == QLatin1String("Heading1"))
                    headings << paragraphText;
                if (style == QLatin1String("Caption"))
                    captions << paragraphText;
            }
        }
    }
    ASSERT_FALSE(r.hasError()) << r.errorString().toStdString();
    EXPECT_EQ(headings, kSections);
    // the data tables, the date/number line and the signature
    EXPECT_EQ(tables, count(doc, Kind::Table) + 2);
    EXPECT_EQ(drawings, 2);
    // figures captioned below, tables above, both in Word's Caption style
    EXPECT_EQ(captions.size(), count(doc, Kind::Figure) + count(doc, Kind::Caption));
    // (as typeset: a non-breaking space before «—» of «в скобках — число школ»)
    for (const QString &caption : texts(doc, Kind::Figure) + texts(doc, Kind::Caption))
        EXPECT_TRUE(captions.contains(io::ReportDocument::typesetText(caption)))
            << caption.toStdString();
    EXPECT_TRUE(zip->read(QStringLiteral("word/media/image1.png")).ok());
}

TEST(AnalysisReport, MunicipalityReportListsItsSchoolsWithTheirSigns) {
    io::AnalysisScope scope = regionScope();
    const io::AnalysisTotals region = io::AnalysisTotals::compute(test::generatedReport(), scope);
    ASSERT_FALSE(region.municipalities.isEmpty());
    scope.municipality = region.municipalities.first().name;
    const io::AnalysisTotals totals = io::AnalysisTotals::compute(test::generatedReport(), scope);
    EXPECT_EQ(totals.total.schools, region.municipalities.first().schools);
    const io::ReportDocument doc = io::AnalysisReportBuilder::build(test::generatedReport(), scope);
    EXPECT_TRUE(
        texts(doc, Kind::Title).value(0).endsWith(QStringLiteral(": ") + scope.municipality));
    const auto table = std::find_if(doc.blocks.cbegin(), doc.blocks.cend(),
                                    [](const auto &b) { return b.kind == Kind::Table; });
    ASSERT_NE(table, doc.blocks.cend());
    EXPECT_EQ(table->header.value(0), QStringLiteral("Школа"));
    ASSERT_EQ(table->rows.size(), totals.schools.size() + 1);
    for (int i = 0; i < totals.schools.size(); ++i) {
        const auto &s = totals.schools[i];
        EXPECT_EQ(table->rows[i].value(0), QStringLiteral("%1 (%2)").arg(s.name, s.code));
        EXPECT_EQ(table->rows[i].value(2), QString::number(s.resultsSigns));
        EXPECT_EQ(table->rows[i].value(3), QString::number(s.currentSigns));
    }
    // only the journal figure: the signs by municipality mean nothing inside one
    EXPECT_EQ(count(doc, Kind::Figure), 1);
}

// The data section says which boundaries the boundary and scale criteria used, by procedure, and
// names each stored scale the schools' marks did not follow.
TEST(AnalysisReport, TheDataSectionSaysWhereTheMarkBoundariesCameFrom) {
    core::AnalysisReport report = test::generatedReport();
    const io::AnalysisScope scope = regionScope();
    QSet<QString> procedures;
    QString replacedProcedure, inferredProcedure;
    const QString note = QStringLiteral("официальная шкала ВПР 2023 года — отметки в данных ей не "
                                        "следуют: большинство школ ставит «4» с 11 баллов (по "
                                        "шкале — с 13); взяты границы из данных: «3» с 6, «4» с "
                                        "11, «5» с 16");
    for (core::UnitReport &u : report.units) {
        if (!scope.contains(u) || u.subject.isEmpty())
            continue;
        const QString key = QStringLiteral("%1, %2, %3 кл., %4")
                                .arg(u.year)
                                .arg(core::procedureKindCode(u.kind))
                                .arg(u.grade)
                                .arg(u.subject);
        ASSERT_EQ(u.scaleSource, core::ScaleSource::Stored) << "the generator stores its scales";
        if (replacedProcedure.isEmpty() || replacedProcedure == key) {
            replacedProcedure = key;
            u.scaleSource = core::ScaleSource::Replaced;
            u.scale = note;
        } else if (inferredProcedure.isEmpty() || inferredProcedure == key) {
            inferredProcedure = key;
            u.scaleSource = core::ScaleSource::Inferred;
        }
        procedures.insert(key);
    }
    ASSERT_GE(procedures.size(), 3);
    const io::ReportDocument doc = io::AnalysisReportBuilder::build(report, scope);
    const QStringList paragraphs = texts(doc, Kind::Paragraph);
    const QString expected =
        QStringLiteral("Границы отметок для критериев «Скопление баллов у границ отметок» и "
                       "«Отметки не соответствуют шкале»: по шкалам перевода, хранящимся в "
                       "программе, — %1; где шкалы нет, по отметкам, которые "
                       "большинство школ ставит при каждом первичном балле, — 1 процедура; "
                       "шкала не совпала с отметками школ, границы взяты из данных, — 1 "
                       "процедура.")
            .arg(core::NumberText::counted(int(procedures.size()) - 2, u"процедура", u"процедуры",
                                           u"процедур"));
    EXPECT_TRUE(paragraphs.contains(expected)) << paragraphs.join(u'\n').toStdString();
    EXPECT_TRUE(texts(doc, Kind::Bullet).contains(replacedProcedure + QStringLiteral(": ") + note));
}

// Procedures whose task levels were read off the results (or could not be) are counted and the
// tasks taken as hard listed; where every level is given, nothing is said.
TEST(AnalysisReport, TheDataSectionSaysWhichTasksWereTakenAsHardWhereNoLevelsWereGiven) {
    core::AnalysisReport report = test::generatedReport();
    const io::AnalysisScope scope = regionScope();
    const auto paragraphsOf = [&] {
        return texts(io::AnalysisReportBuilder::build(report, scope), Kind::Paragraph);
    };
    for (const QString &p : paragraphsOf())
        EXPECT_FALSE(p.startsWith(QStringLiteral("Уровни заданий"))) << p.toStdString();
    QString inferredProcedure, absentProcedure;
    for (core::UnitReport &u : report.units) {
        if (!scope.contains(u) || u.subject.isEmpty())
            continue;
        ASSERT_EQ(u.taskLevels, core::TaskLevelSource::Given) << "the generator gives levels";
        const QString key = QStringLiteral("%1, %2, %3 кл., %4")
                                .arg(u.year)
                                .arg(core::procedureKindCode(u.kind))
                                .arg(u.grade)
                                .arg(u.subject);
        if (inferredProcedure.isEmpty() || inferredProcedure == key) {
            inferredProcedure = key;
            u.taskLevels = core::TaskLevelSource::Inferred;
            u.hardTasks = QStringList{QStringLiteral("7"), QStringLiteral("9.1")};
        } else if (absentProcedure.isEmpty() || absentProcedure == key) {
            absentProcedure = key;
            u.taskLevels = core::TaskLevelSource::Absent;
        }
    }
    ASSERT_FALSE(absentProcedure.isEmpty());
    const QStringList paragraphs = paragraphsOf();
    EXPECT_TRUE(paragraphs.contains(
        QStringLiteral("Уровни заданий (Б, П, В) для критерия «Лёгкие задания хуже, сложные "
                       "лучше» в данных указаны не для всех процедур: у 1 процедуры сложными "
                       "взяты задания, которые в регионе выполняют хуже всего (естественный "
                       "разрыв в доле выполнения); у 1 процедуры сложные задания по результатам "
                       "не выделяются, критерий не проверялся.")))
        << paragraphs.join(u'\n').toStdString();
    const QStringList bullets =
        texts(io::AnalysisReportBuilder::build(report, scope), Kind::Bullet);
    EXPECT_TRUE(bullets.contains(inferredProcedure + QStringLiteral(": 7, 9.1")))
        << bullets.join(u'\n').toStdString();
    // no procedure gives its levels: «не указаны», not «не для всех»
    for (core::UnitReport &u : report.units)
        if (u.taskLevels == core::TaskLevelSource::Given)
            u.taskLevels = core::TaskLevelSource::Absent;
    bool said = false;
    for (const QString &p : paragraphsOf())
        said = said || p.startsWith(QStringLiteral("Уровни заданий (Б, П, В) для критерия «Лёгкие "
                                                   "задания хуже, сложные лучше» в данных не "
                                                   "указаны: у 1 процедуры сложными взяты"));
    EXPECT_TRUE(said);
}

// Procedures whose task maxima were taken from the data are counted in the data section.
TEST(AnalysisReport, TheDataSectionSaysWhereTheTaskMaximaCameFromTheData) {
    core::AnalysisReport report = test::generatedReport();
    const io::AnalysisScope scope = regionScope();
    const auto maximaParagraphs = [&] {
        QStringList found;
        for (const QString &p :
             texts(io::AnalysisReportBuilder::build(report, scope), Kind::Paragraph))
            if (p.startsWith(QStringLiteral("Максимальные баллы заданий")))
                found << p;
        return found;
    };
    EXPECT_TRUE(maximaParagraphs().isEmpty());
    QSet<QString> procedures;
    for (core::UnitReport &u : report.units)
        if (scope.contains(u) && !u.subject.isEmpty() && u.kind == core::ProcedureKind::VPR &&
            u.grade == 5) {
            u.maximaFromData = true;
            procedures.insert(u.subject + QString::number(u.year));
        }
    ASSERT_FALSE(procedures.isEmpty());
    EXPECT_EQ(maximaParagraphs(),
              QStringList{QStringLiteral("Максимальные баллы заданий в данных не указаны у %1 "
                                         "(нет описания работы, tasks.csv): взяты наибольшие "
                                         "баллы, которые получили участники региона; проценты "
                                         "выполнения приблизительны.")
                              .arg(core::NumberText::counted(int(procedures.size()), u"процедуры",
                                                             u"процедур", u"процедур"))});
}

// Works whose mark the data did not give are counted in the data section: those whose mark the
// scale gave, and those left without one (the journal not compared with them).
TEST(AnalysisReport, TheDataSectionSaysWhichWorksHadTheirMarksFromTheScale) {
    core::AnalysisReport report = test::generatedReport();
    const io::AnalysisScope scope = regionScope();
    const auto markParagraphs = [&] {
        QStringList found;
        for (const QString &p :
             texts(io::AnalysisReportBuilder::build(report, scope), Kind::Paragraph))
            if (p.startsWith(QStringLiteral("Отметки за работу в данных")) ||
                p.contains(QStringLiteral("отметки за работу нет")) ||
                p.contains(QStringLiteral("нет ни отметок за работу")))
                found << p;
        return found;
    };
    EXPECT_TRUE(markParagraphs().isEmpty());
    QSet<QString> schools;
    int fromScale = 0, missingUnits = 0;
    for (core::UnitReport &u : report.units) {
        if (!scope.contains(u) || u.kind != core::ProcedureKind::VPR || u.grade != 5)
            continue;
        if (u.subject == QStringLiteral("Математика")) {
            u.marksFromScale = u.n;
            fromScale += u.n;
            schools.insert(u.schoolCode);
        } else if (missingUnits < 2) {
            u.marksMissing = 3;
            ++missingUnits;
        }
    }
    ASSERT_GT(fromScale, 0);
    ASSERT_EQ(missingUnits, 2);
    EXPECT_EQ(
        markParagraphs(),
        (QStringList{
            QStringLiteral("Отметки за работу в данных не указаны у %1 (%2): взята отметка, "
                           "которую шкала перевода (те же границы отметок) даёт за "
                           "первичный балл работы; с ней сравниваются отметки по журналу.")
                .arg(core::NumberText::counted(fromScale, u"работы", u"работ", u"работ"),
                     core::NumberText::counted(int(schools.size()), u"школа", u"школы", u"школ")),
            QStringLiteral("У 6 работ (2 единицы) отметки за работу нет, а шкалы перевода "
                           "для процедуры нет: отметки по журналу (у ОГЭ — годовые) с ними не "
                           "сравнивались.")}));
    // marks from the journals' boundaries (no scale, no marks): said apart, per procedure
    int fromJournals = 0;
    QSet<QString> procedures;
    for (core::UnitReport &u : report.units)
        if (u.marksFromScale > 0) {
            u.journalScale = QStringLiteral("«3» с 5, «4» с 11, «5» с 19");
            fromJournals += u.marksFromScale;
            procedures.insert(u.subject + QString::number(u.year));
        }
    EXPECT_EQ(markParagraphs().value(0),
              QStringLiteral("У %1 (%2) нет ни отметок за работу, ни шкалы перевода: за отметку "
                             "взята та, которую при таком первичном балле ставят по журналу "
                             "большинство школ региона, — отметки по журналу школы сравниваются с "
                             "обычными для региона при тех же баллах; скопление у границ отметок "
                             "там не проверялось.")
                  .arg(core::NumberText::counted(fromJournals, u"работы", u"работ", u"работ"),
                       core::NumberText::counted(int(procedures.size()), u"процедура", u"процедуры",
                                                 u"процедур")));
}
