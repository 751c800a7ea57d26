// From a sign to the plan: the measures the templates give for a school's flagged findings.
#include "objectivity/core/plan/MeasureProposer.h"
#include "objectivity/core/analysis/CriterionFinding.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

namespace {

CriterionFinding finding(const char16_t *code, bool flagged, const QString &label = QString()) {
    CriterionFinding f;
    f.code = QString::fromUtf16(code);
    f.flagged = flagged;
    f.label = label;
    return f;
}

UnitReport unit(const QString &school, int year, int grade, const QString &subject,
                QList<CriterionFinding> findings) {
    UnitReport u;
    u.year = year;
    u.kind = ProcedureKind::VPR;
    u.grade = grade;
    u.subject = subject;
    u.schoolCode = school;
    u.schoolName = u"МБОУ СОШ №1"_s;
    u.findings = std::move(findings);
    return u;
}

} // namespace

TEST(MeasureProposerTest, SubjectAfterPoIsInTheDative) {
    EXPECT_EQ(MeasureProposer::subjectDative(u"Математика"_s), u"математике"_s);
    EXPECT_EQ(MeasureProposer::subjectDative(u"Русский язык"_s), u"русскому языку"_s);
    EXPECT_EQ(MeasureProposer::subjectDative(u"История"_s), u"истории"_s);
    EXPECT_EQ(MeasureProposer::subjectDative(u"Биология"_s), u"биологии"_s);
    EXPECT_EQ(MeasureProposer::subjectDative(u"Обществознание"_s), u"обществознанию"_s);
    EXPECT_EQ(MeasureProposer::subjectDative(u"Окружающий мир"_s), u"окружающему миру"_s);
    EXPECT_EQ(MeasureProposer::subjectDative(u"Английский язык"_s), u"английскому языку"_s);
    EXPECT_EQ(MeasureProposer::subjectDative(u"Математика (профиль)"_s), u"математике (профиль)"_s);
    // an unknown form is quoted rather than mangled
    EXPECT_EQ(MeasureProposer::subjectDative(u"ОБЖ"_s), u"предмету «ОБЖ»"_s);
}

TEST(MeasureProposerTest, BunchingGivesTheRecheckWithSubjectGradeAndYear) {
    AnalysisReport report;
    report.units << unit(u"sch1"_s, 2024, 5, u"Математика"_s,
                         {finding(criterion::BoundaryBunching, true, u"граница «3»"_s),
                          finding(criterion::BoundaryBunching, true, u"граница «4»"_s),
                          finding(criterion::DifficultyInversion, false)});
    report.units << unit(u"sch2"_s, 2024, 5, u"Математика"_s,
                         {finding(criterion::BoundaryBunching, true)});
    const auto proposals = MeasureProposer::propose(report, u"sch1"_s, MeasureTemplate::defaults(),
                                                    0, MeasureProposer::periodAfter(2024));
    // two boundaries of one unit: the criterion's measures once; the unflagged finding: none
    int bunching = 0;
    for (const auto &t : MeasureTemplate::defaults())
        bunching += t.criterion == QString::fromUtf16(criterion::BoundaryBunching) ? 1 : 0;
    ASSERT_EQ(proposals.size(), bunching);
    const MeasureProposal &first = proposals.first();
    EXPECT_EQ(first.measure.text, u"Перепроверка работ ВПР по математике, 5 класс, "
                                  "муниципальной предметной комиссией"_s);
    EXPECT_EQ(first.measure.owners, QStringList{u"заместитель директора по УВР"_s});
    EXPECT_EQ(first.measure.deadline.text, u"сентябрь 2024"_s);
    EXPECT_EQ(first.measure.deadline.from, QDate(2024, 9, 1));
    EXPECT_EQ(first.finding.schoolCode, u"sch1"_s);
    EXPECT_EQ(first.finding.grade, 5);
    EXPECT_EQ(first.finding.year, 2024);
    EXPECT_EQ(proposals.at(1).measure.deadline.text, u"до начала ВПР 2025"_s);
    EXPECT_EQ(first.finding.describe(),
              u"Скопление баллов у границ отметок, ВПР 2024, математика, 5 класс"_s);
}

TEST(MeasureProposerTest, YearFilterAndEveryCriterionHasAMeasure) {
    const QList<const char16_t *> codes{
        criterion::HighResults,       criterion::DifficultyInversion, criterion::BoundaryBunching,
        criterion::JournalLenient,    criterion::JournalInflated,     criterion::JournalStrict,
        criterion::CohortDrop,        criterion::GiaVsAnnual,         criterion::MedalsUnsupported,
        criterion::CohortUnconfirmed, criterion::JournalScatter};
    AnalysisReport report;
    for (const char16_t *c : codes)
        report.units << unit(u"s"_s, 2023, 7, u"Русский язык"_s, {finding(c, true)});
    report.units << unit(u"s"_s, 2024, 7, u"Русский язык"_s,
                         {finding(criterion::BoundaryBunching, true)});
    const auto proposals = MeasureProposer::propose(report, u"s"_s, MeasureTemplate::defaults(),
                                                    2023, MeasureProposer::periodAfter(2023));
    QSet<QString> covered;
    for (const auto &p : proposals) {
        EXPECT_EQ(p.finding.year, 2023);
        EXPECT_FALSE(p.measure.owners.isEmpty()) << qPrintable(p.measure.text);
        EXPECT_FALSE(p.measure.deadline.text.isEmpty()) << qPrintable(p.measure.text);
        EXPECT_FALSE(p.measure.text.contains(u'{')) << qPrintable(p.measure.text);
        covered.insert(p.finding.criterion);
    }
    EXPECT_EQ(covered.size(), codes.size());
    const auto lenient = MeasureProposer::proposeFor(
        {QString::fromUtf16(criterion::JournalLenient), ProcedureKind::VPR, 2023, 7,
         u"Русский язык"_s, u"s"_s, QString()},
        QString(), MeasureTemplate::defaults(), MeasureProposer::periodAfter(2023));
    ASSERT_FALSE(lenient.isEmpty());
    EXPECT_TRUE(lenient.first().measure.text.startsWith(
        u"Анализ системы текущего оценивания по русскому языку в 7 классах"_s));
}

TEST(MeasureProposerTest, EditedTemplatesAreUsedInTheirOrder) {
    QList<MeasureTemplate> templates{
        {7,
         QString::fromUtf16(criterion::CohortDrop),
         2,
         u"Второе: {предмет}"_s,
         {u"директор"_s},
         u"май {год+1}"_s,
         QString()},
        {8,
         QString::fromUtf16(criterion::CohortDrop),
         1,
         u"Первое в {школа}"_s,
         {},
         QString(),
         QString()},
        {9, QString::fromUtf16(criterion::CohortDrop), 3, u"  "_s, {}, QString(), QString()}};
    AnalysisReport report;
    report.units << unit(u"s"_s, 2024, 5, u"Математика"_s, {finding(criterion::CohortDrop, true)});
    const auto p =
        MeasureProposer::propose(report, u"s"_s, templates, 0, MeasureProposer::periodAfter(2024));
    ASSERT_EQ(p.size(), 2); // a blank template proposes nothing
    EXPECT_EQ(p[0].templateId, 8);
    EXPECT_EQ(p[0].measure.text, u"Первое в МБОУ СОШ №1"_s);
    EXPECT_EQ(p[1].measure.text, u"Второе: Математика"_s);
    EXPECT_EQ(p[1].measure.deadline.from, QDate(2025, 5, 1));
    EXPECT_EQ(MeasureProposer::sectionTitle(2024),
              u"Меры по результатам анализа объективности 2024"_s);
}
