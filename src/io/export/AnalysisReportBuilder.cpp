#include "objectivity/io/export/AnalysisReportBuilder.h"

#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/io/export/AnalysisReportConclusions.h"
#include "objectivity/io/export/AnalysisTotals.h"
#include "objectivity/io/export/ChartPalette.h"
#include "objectivity/io/export/ReportChart.h"

#include <QMap>
#include <QSet>

namespace objectivity::io {

namespace {

using core::CriterionKind;
using core::NumberText;
using Kind = ReportDocument::Block::Kind;
using Municipality = AnalysisTotals::Municipality;

const QColor kResultsColor(ChartPalette::results);
const QColor kCurrentColor(ChartPalette::current);
const QColor kLoweredColor(ChartPalette::lowered);
const QColor kConfirmedColor(ChartPalette::confirmed);
const QColor kRaisedColor(ChartPalette::raised);
const QColor kRegionColor(ChartPalette::region);

QString pct(double v) {
    return NumberText::fixed(v, 1);
}

// «19,4 / 53,0 / 27,6»: понизили / подтвердили / повысили, % of the works with a journal mark.
QString journalShares(const Municipality &m) {
    if (m.journalPairs == 0)
        return QStringLiteral("—");
    return QStringLiteral("%1 / %2 / %3")
        .arg(pct(m.share(m.lowered)), pct(m.share(m.confirmed)), pct(m.share(m.raised)));
}

// «5 кл.», or «5Б кл.» when the finding is one class's («класс 5Б»); a class not named after
// its grade keeps both: «5 кл. (класс Б)».
QString gradeText(int grade, const core::CriterionFinding &f) {
    static const QString classPrefix = QStringLiteral("класс ");
    if (!f.label.startsWith(classPrefix))
        return QStringLiteral("%1 кл.").arg(grade);
    const QString name = f.label.mid(classPrefix.size());
    const QString number = QString::number(grade);
    const bool named = name.startsWith(number) &&
                       (name.size() == number.size() || !name.at(number.size()).isDigit());
    return named ? QStringLiteral("%1 кл.").arg(name)
                 : QStringLiteral("%1 кл. (%2)").arg(grade).arg(f.label);
}

QString unitText(const core::UnitReport &u) {
    if (u.subject.isEmpty())
        return QStringLiteral("%1, %2, медали").arg(u.year).arg(core::procedureKindCode(u.kind));
    return QStringLiteral("%1, %2, %3 кл., %4")
        .arg(u.year)
        .arg(core::procedureKindCode(u.kind))
        .arg(u.grade)
        .arg(u.subject);
}

class Builder {
public:
    Builder(const core::AnalysisReport &report, const AnalysisScope &scope)
        : m_report(report), m_scope(scope), m_t(AnalysisTotals::compute(report, scope)) {
        if (!scope.schoolCode.isEmpty())
            m_school = m_t.school(scope.schoolCode);
    }

    ReportDocument build() {
        header();
        purpose();
        data();
        method();
        results();
        conclusions();
        signature();
        return std::move(m_doc);
    }

private:
    bool schoolLevel() const { return !m_scope.schoolCode.isEmpty(); }

    QString place() const {
        if (m_school)
            return QStringLiteral("%1 (%2, %3)")
                .arg(m_school->name, m_school->code, m_school->municipality);
        if (!m_scope.municipality.isEmpty())
            return m_scope.municipality;
        return QString();
    }

    void header() {
        QString organization = m_scope.organization;
        if (organization.isEmpty() && m_school)
            organization = m_school->name;
        m_doc.add(Kind::Organization, organization.isEmpty()
                                          ? QStringLiteral("_______________________________________"
                                                           "_____________")
                                          : organization);
        m_doc.title = m_scope.reportTitle(m_t.years);
        QString title = m_doc.title;
        if (!place().isEmpty())
            title += (schoolLevel() ? QStringLiteral(" в ") : QStringLiteral(": ")) + place();
        m_doc.add(Kind::Title, title);
        ReportDocument::Block details;
        details.kind = Kind::Details;
        details.cells = {m_scope.documentDate().toString(QStringLiteral("dd.MM.yyyy")),
                         QStringLiteral("№ %1").arg(m_scope.number.isEmpty()
                                                        ? QStringLiteral("________")
                                                        : m_scope.number)};
        m_doc.blocks.append(details);
    }

    void purpose() {
        m_doc.add(Kind::Heading, QStringLiteral("1. Основание и цель"));
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Основание: рекомендации Рособрнадзора и ФИОКО по выявлению "
                                 "образовательных организаций с признаками необъективности "
                                 "результатов оценочных процедур; план мероприятий по обеспечению "
                                 "объективности оценочных процедур."));
        m_doc.add(Kind::Paragraph,
                  schoolLevel()
                      ? QStringLiteral("Цель: оценить объективность результатов %1 в школе в "
                                       "рамках внутренней системы оценки качества образования "
                                       "(ВСОКО) и определить меры по обеспечению объективности "
                                       "оценивания.")
                            .arg(m_scope.subjectPhrase(m_t.years))
                      : QStringLiteral("Цель: выявить образовательные организации, у которых "
                                       "результаты %1 имеют признаки необъективности, и "
                                       "определить меры адресной работы с ними.")
                            .arg(m_scope.subjectPhrase(m_t.years)));
    }

    void data() {
        m_doc.add(Kind::Heading, QStringLiteral("2. Какие данные проанализированы"));
        QStringList years;
        for (int y : m_t.years)
            years << QString::number(y);
        const Municipality &all = m_t.total;
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Проанализированы индивидуальные результаты участников "
                                 "(%1; %2 г.), загруженные из ФИС ОКО: %3, %4, %5 по %6.")
                      .arg(m_t.procedures.join(QStringLiteral(", ")),
                           years.join(QStringLiteral(", ")),
                           NumberText::counted(all.works, u"работа участника", u"работы участников",
                                               u"работ участников"))
                      .arg(NumberText::counted(all.schools, u"школа", u"школы", u"школ"),
                           NumberText::counted(int(m_t.municipalities.size()), u"муниципалитет",
                                               u"муниципалитета", u"муниципалитетов"),
                           NumberText::counted(int(m_t.subjects.size()), u"предмету", u"предметам",
                                               u"предметам")));
        const int minParticipants = m_report.settings.intValue(QStringLiteral("min_participants"));
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Единица анализа — год, процедура, класс, предмет и школа; "
                                 "всего %1%2. Отметки по журналу сопоставлены с отметками за "
                                 "работу у %3.")
                      .arg(NumberText::grouped(all.units),
                           all.unitsInsufficient > 0
                               ? QStringLiteral(", из них %1 с числом участников меньше %2 не "
                                                "оценивались (недостаточно данных)")
                                     .arg(NumberText::grouped(all.unitsInsufficient))
                                     .arg(minParticipants)
                               : QStringLiteral(", в каждой не меньше %1")
                                     .arg(NumberText::counted(minParticipants, u"участника",
                                                              u"участников", u"участников")),
                           NumberText::counted(all.journalPairs, u"работы", u"работ", u"работ")));
        scales();
        maxima();
        marks();
        taskLevels();
        if (schoolLevel() || !m_scope.municipality.isEmpty())
            m_doc.add(Kind::Paragraph,
                      QStringLiteral("Результаты сравниваются со всеми остальными школами "
                                     "региона в той же процедуре (%1 в базе)")
                              .arg(NumberText::counted(int(m_report.schools.size()), u"школа",
                                                       u"школы", u"школ")) +
                          QLatin1Char('.'));
    }

    // Which mark boundaries the boundary and scale criteria used, by procedure: the stored
    // scales, the ones inferred from the schools' marks, and the stored scales the marks did not
    // follow (named: a wrong scale row is worth checking).
    void scales() {
        QMap<QString, const core::UnitReport *> procedures; // «2024, ВПР, 5 кл., Математика»
        for (const core::UnitReport &u : m_report.units)
            if (u.scaleSource != core::ScaleSource::None && m_scope.contains(u))
                procedures.insert(unitText(u), &u);
        if (procedures.isEmpty())
            return;
        int stored = 0, inferred = 0;
        QStringList replaced;
        for (auto it = procedures.cbegin(); it != procedures.cend(); ++it) {
            if (it.value()->scaleSource == core::ScaleSource::Stored)
                ++stored;
            else if (it.value()->scaleSource == core::ScaleSource::Inferred)
                ++inferred;
            else
                replaced << QStringLiteral("%1: %2").arg(it.key(), it.value()->scale);
        }
        const auto procedureCount = [](qsizetype n) {
            return NumberText::counted(int(n), u"процедура", u"процедуры", u"процедур");
        };
        QStringList parts;
        if (stored > 0)
            parts << QStringLiteral("по шкалам перевода, хранящимся в программе, — %1")
                         .arg(procedureCount(stored));
        if (inferred > 0)
            parts << QStringLiteral("где шкалы нет, по отметкам, которые большинство школ ставит "
                                    "при каждом первичном балле, — %1")
                         .arg(procedureCount(inferred));
        if (!replaced.isEmpty())
            parts << QStringLiteral("шкала не совпала с отметками школ, границы взяты из "
                                    "данных, — %1")
                         .arg(procedureCount(replaced.size()));
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Границы отметок для критериев «%1» и «%2»: %3.")
                      .arg(core::criterionTitle(QStringLiteral("boundary_bunching")),
                           core::criterionTitle(QStringLiteral("mark_scale_mismatch")),
                           parts.join(QStringLiteral("; "))));
        if (replaced.isEmpty())
            return;
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Шкалы, которым не следуют отметки школ (проверьте их в окне "
                                 "«Шкалы отметок»):"));
        for (const QString &r : replaced)
            m_doc.add(Kind::Bullet, r);
    }

    // Procedures whose task maxima the data did not give: taken from the works.
    void maxima() {
        QSet<QString> procedures;
        for (const core::UnitReport &u : m_report.units)
            if (u.maximaFromData && m_scope.contains(u))
                procedures.insert(unitText(u));
        if (procedures.isEmpty())
            return;
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Максимальные баллы заданий в данных не указаны у %1 (нет "
                                 "описания работы, tasks.csv): взяты наибольшие баллы, которые "
                                 "получили участники региона; проценты выполнения приблизительны.")
                      .arg(NumberText::counted(int(procedures.size()), u"процедуры", u"процедур",
                                               u"процедур")));
    }

    // Works without the mark in the data: taken from the scale, or none (the journal not compared).
    void marks() {
        int fromScale = 0, fromJournals = 0, missing = 0;
        QSet<QString> schoolsFromScale, unitsMissing, journalProcedures;
        for (const core::UnitReport &u : m_report.units) {
            if (!m_scope.contains(u))
                continue;
            missing += u.marksMissing;
            if (u.marksMissing > 0)
                unitsMissing.insert(unitText(u) + QLatin1Char('|') + u.schoolCode);
            if (!u.journalScale.isEmpty()) {
                fromJournals += u.marksFromScale;
                journalProcedures.insert(unitText(u));
                continue;
            }
            fromScale += u.marksFromScale;
            if (u.marksFromScale > 0)
                schoolsFromScale.insert(u.schoolCode);
        }
        const auto works = [](int n) {
            return NumberText::counted(n, u"работы", u"работ", u"работ");
        };
        if (fromScale > 0)
            m_doc.add(Kind::Paragraph,
                      QStringLiteral("Отметки за работу в данных не указаны у %1 (%2): взята "
                                     "отметка, которую шкала перевода (те же границы отметок) "
                                     "даёт за первичный балл работы; с ней сравниваются отметки "
                                     "по журналу.")
                          .arg(works(fromScale), NumberText::counted(int(schoolsFromScale.size()),
                                                                     u"школа", u"школы", u"школ")));
        if (fromJournals > 0)
            m_doc.add(Kind::Paragraph,
                      QStringLiteral("У %1 (%2) нет ни отметок за работу, ни шкалы перевода: за "
                                     "отметку взята та, которую при таком первичном балле ставят "
                                     "по журналу большинство школ региона, — отметки по журналу "
                                     "школы сравниваются с обычными для региона при тех же "
                                     "баллах; скопление у границ отметок там не проверялось.")
                          .arg(works(fromJournals),
                               NumberText::counted(int(journalProcedures.size()), u"процедура",
                                                   u"процедуры", u"процедур")));
        if (missing > 0)
            m_doc.add(
                Kind::Paragraph,
                QStringLiteral("У %1 (%2) отметки за работу нет, а шкалы перевода для "
                               "процедуры нет: отметки по журналу (у ОГЭ — годовые) с ними не "
                               "сравнивались.")
                    .arg(works(missing), NumberText::counted(int(unitsMissing.size()), u"единица",
                                                             u"единицы", u"единиц")));
    }

    // Where difficulty_inversion's hard tasks come from when the data gives no task levels: the
    // tasks the region solves worst (named per procedure), or none and the criterion untested.
    void taskLevels() {
        QMap<QString, const core::UnitReport *> procedures;
        bool someGiven = false;
        for (const core::UnitReport &u : m_report.units) {
            if (!m_scope.contains(u))
                continue;
            if (u.taskLevels == core::TaskLevelSource::Inferred ||
                u.taskLevels == core::TaskLevelSource::Absent)
                procedures.insert(unitText(u), &u);
            else if (u.taskLevels == core::TaskLevelSource::Given)
                someGiven = true;
        }
        if (procedures.isEmpty())
            return;
        QStringList inferred;
        int none = 0;
        for (auto it = procedures.cbegin(); it != procedures.cend(); ++it) {
            if (it.value()->taskLevels == core::TaskLevelSource::Inferred)
                inferred << QStringLiteral("%1: %2").arg(
                    it.key(), it.value()->hardTasks.join(QStringLiteral(", ")));
            else
                ++none;
        }
        const auto procedureCount = [](qsizetype n) {
            return NumberText::counted(int(n), u"процедуры", u"процедур", u"процедур");
        };
        QStringList parts;
        if (!inferred.isEmpty())
            parts << QStringLiteral("у %1 сложными взяты задания, которые в регионе выполняют "
                                    "хуже всего (естественный разрыв в доле выполнения)")
                         .arg(procedureCount(inferred.size()));
        if (none > 0)
            parts << QStringLiteral("у %1 сложные задания по результатам не выделяются, критерий "
                                    "не проверялся")
                         .arg(procedureCount(none));
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Уровни заданий (Б, П, В) для критерия «%1» в данных %2: %3.")
                      .arg(core::criterionTitle(QStringLiteral("difficulty_inversion")),
                           someGiven ? QStringLiteral("указаны не для всех процедур")
                                     : QStringLiteral("не указаны"),
                           parts.join(QStringLiteral("; "))));
        if (inferred.isEmpty())
            return;
        m_doc.add(Kind::Paragraph, QStringLiteral("Задания, взятые сложными:"));
        for (const QString &line : inferred)
            m_doc.add(Kind::Bullet, line);
    }

    void method() {
        m_doc.add(Kind::Heading, QStringLiteral("3. Метод"));
        m_doc.add(
            Kind::Paragraph,
            QStringLiteral("Каждая единица анализа сравнивается с остальными школами "
                           "региона в той же процедуре по нескольким критериям. Признак "
                           "ставится, когда отклонение превышает пороговое значение и "
                           "остаётся статистически значимым после поправки на множественные "
                           "сравнения (Бенджамини–Хохберга, уровень %1). Признаки бывают "
                           "двух видов, они считаются отдельно.")
                .arg(NumberText::fixed(m_report.settings.value(QStringLiteral("fdr_alpha")), 2)));
        for (const CriterionKind kind :
             {CriterionKind::Results, CriterionKind::CurrentAssessment}) {
            m_doc.paragraph(core::criterionKindTitle(kind) + QLatin1Char('.'),
                            core::criterionKindMeaning(kind));
            for (const auto &c : m_t.criteria)
                if (c.kind == kind)
                    m_doc.add(Kind::Bullet, c.title);
        }
        QStringList changed;
        for (const auto &d : core::AnalysisSettings::definitions())
            if (m_report.settings.value(d.key) != d.defaultValue)
                changed << QStringLiteral("%1: %2 (по умолчанию %3)")
                               .arg(d.description,
                                    NumberText::fixed(m_report.settings.value(d.key), 2),
                                    NumberText::fixed(d.defaultValue, 2));
        m_doc.add(Kind::Paragraph,
                  changed.isEmpty() ? QStringLiteral("Пороговые значения критериев — по умолчанию.")
                                    : QStringLiteral("Изменённые пороговые значения: %1.")
                                          .arg(changed.join(QStringLiteral("; "))));
        m_doc.add(Kind::Paragraph,
                  QStringLiteral("Формулы, пороговые значения и источники каждого критерия "
                                 "описаны в методике анализа программы «Объективность» "
                                 "(«Методика анализа: признаки необъективных результатов»). "
                                 "Признак — повод для проверки, а не вывод о нарушении: решение "
                                 "принимается после изучения работ, протоколов и условий "
                                 "проведения."));
    }

    // Rows of the first table and the two figures: municipalities (region), schools
    // (a municipality) or the school, its municipality and the region.
    struct Group {
        QString name;
        Municipality figures;
    };

    QList<Group> groups() const {
        QList<Group> out;
        if (!m_scope.municipality.isEmpty() && !schoolLevel()) {
            for (const auto &s : m_t.schools) {
                Municipality m;
                m.name = s.name;
                m.schools = 1;
                m.schoolsWithResultsSigns = s.resultsSigns > 0;
                m.schoolsWithCurrentSigns = s.currentSigns > 0;
                m.works = s.works;
                for (const core::UnitReport &u : m_report.units)
                    if (u.schoolCode == s.code && m_scope.contains(u)) {
                        m.journalPairs += u.metrics.journalPairs;
                        m.lowered += u.metrics.lowered;
                        m.confirmed += u.metrics.confirmed;
                        m.raised += u.metrics.raised;
                    }
                out.append({s.name, m});
            }
            return out;
        }
        for (const auto &m : m_t.municipalities)
            out.append({m.name, m});
        return out;
    }

    void results() {
        m_doc.add(Kind::Heading, QStringLiteral("4. Результаты"));
        if (schoolLevel())
            schoolResults();
        else
            regionResults();
        criteriaTable();
        if (schoolLevel())
            schoolSigns();
        else
            schoolsWithSigns();
    }

    void regionResults() {
        const bool bySchool = !m_scope.municipality.isEmpty();
        const QList<Group> rows = groups();
        QList<QStringList> table;
        if (bySchool) { // a municipality: its schools with their signs
            for (int i = 0; i < rows.size(); ++i) {
                const AnalysisTotals::School &s = m_t.schools[i];
                table.append({QStringLiteral("%1 (%2)").arg(s.name, s.code),
                              NumberText::grouped(s.works), NumberText::grouped(s.resultsSigns),
                              NumberText::grouped(s.currentSigns), journalShares(rows[i].figures)});
            }
            table.append({QStringLiteral("Всего"), NumberText::grouped(m_t.total.works),
                          NumberText::grouped(m_t.findingsOfKind(CriterionKind::Results)),
                          NumberText::grouped(m_t.findingsOfKind(CriterionKind::CurrentAssessment)),
                          journalShares(m_t.total)});
        } else {
            for (const Group &g : rows)
                table.append(municipalRow(g.name, g.figures));
            table.append(municipalRow(QStringLiteral("Всего"), m_t.total));
        }
        m_doc.add(Kind::Caption, QStringLiteral("Таблица %1. Итоги анализа по %2")
                                     .arg(++m_tables)
                                     .arg(bySchool ? QStringLiteral("школам")
                                                   : QStringLiteral("муниципалитетам")));
        if (bySchool)
            m_doc.table({QStringLiteral("Школа"), QStringLiteral("Работ"),
                         QStringLiteral("Признаков необъек\u00adтивности результатов"),
                         QStringLiteral("Признаков необъек\u00adтивности текущего оценивания"),
                         QStringLiteral("Понизили / подтвердили / повысили, %")},
                        table, {38, 11, 16, 16, 19}, true);
        else
            m_doc.table({QStringLiteral("Муниципалитет"), QStringLiteral("Школ"),
                         QStringLiteral("Школ с признаками необъек\u00adтивности результатов"),
                         QStringLiteral("Доля, %"),
                         QStringLiteral("Школ с признаками необъек\u00adтивности текущего "
                                        "оценивания"),
                         QStringLiteral("Работ"),
                         QStringLiteral("Понизили / подтвердили / повысили, %")},
                        table, {21, 8, 16, 8, 17, 11, 19}, true);

        // shares of each municipality's schools, not counts: a large municipality has more
        // schools with signs only because it has more schools
        ReportChart signs;
        signs.unit = QStringLiteral(" %");
        signs.series = {
            {QStringLiteral("школы с признаками необъективности результатов"), kResultsColor, {}},
            {QStringLiteral("с признаками текущего оценивания"), kCurrentColor, {}}};
        ReportChart journal = journalChart();
        for (const Group &g : rows) {
            signs.categories << QStringLiteral("%1 (%2)").arg(g.name).arg(g.figures.schools);
            signs.series[0].values << g.figures.resultsShare();
            signs.series[1].values << g.figures.currentShare();
            addJournal(journal, g.name, g.figures);
        }
        addJournal(journal, QStringLiteral("Всего"), m_t.total);
        if (!bySchool)
            chartFigure(signs, QStringLiteral("Рисунок %1. Доля школ с признаками "
                                              "необъективности по муниципалитетам, % (в скобках — "
                                              "число школ)"));
        chartFigure(journal, QStringLiteral("Рисунок %1. Отметки за работу и отметки по журналу: "
                                            "понизили, подтвердили, повысили, % работ"));
    }

    static QStringList municipalRow(const QString &name, const Municipality &m) {
        return {name,
                NumberText::grouped(m.schools),
                NumberText::grouped(m.schoolsWithResultsSigns),
                pct(m.resultsShare()),
                NumberText::grouped(m.schoolsWithCurrentSigns),
                NumberText::grouped(m.works),
                journalShares(m)};
    }

    static ReportChart journalChart() {
        ReportChart c;
        c.stacked = true;
        c.series = {{QStringLiteral("понизили"), kLoweredColor, {}},
                    {QStringLiteral("подтвердили"), kConfirmedColor, {}},
                    {QStringLiteral("повысили"), kRaisedColor, {}}};
        return c;
    }

    // the chart as the next numbered figure («Рисунок N. …» from `caption` with %1)
    void chartFigure(const ReportChart &chart, const QString &caption) {
        m_doc.figure(chart.paint(AnalysisReportBuilder::kTextWidthMm),
                     AnalysisReportBuilder::kTextWidthMm, caption.arg(++m_figures),
                     chart.categories);
    }

    static void addJournal(ReportChart &c, const QString &name, const Municipality &m) {
        if (m.journalPairs == 0)
            return;
        c.categories << name;
        c.series[0].values << m.share(m.lowered);
        c.series[1].values << m.share(m.confirmed);
        c.series[2].values << m.share(m.raised);
    }

    void schoolResults() {
        if (!m_school) {
            m_doc.add(Kind::Paragraph,
                      QStringLiteral("Результатов школы «%1» по выбранным условиям в базе нет.")
                          .arg(m_scope.schoolCode));
            return;
        }
        QList<QStringList> rows;
        ReportChart mean;
        mean.unit = QStringLiteral(" %");
        mean.series = {{QStringLiteral("школа"), kResultsColor, {}},
                       {QStringLiteral("регион"), kRegionColor, {}}};
        Municipality municipal, region;
        // the figure's labels drop the year only when every bar is of the same year: a справка
        // of 2022–2024 showed «ВПР, 4 кл., Русский язык» three times, with nothing to tell them
        QSet<int> years;
        for (const core::UnitReport &u : m_report.units)
            if (m_scope.contains(u) && !u.subject.isEmpty() && !u.insufficient)
                years.insert(u.year);
        for (const core::UnitReport &u : m_report.units) {
            if (!m_scope.contains(u))
                continue;
            const auto &m = u.metrics;
            QStringList signs;
            for (const auto &f : u.flags())
                signs << core::findingTitle(f);
            rows.append({unitText(u), QString::number(u.n),
                         u.subject.isEmpty() ? QStringLiteral("—") : pct(m.meanPercent),
                         u.subject.isEmpty() ? QStringLiteral("—") : pct(u.region.meanPercent),
                         m.journalPairs
                             ? QStringLiteral("%1 / %2 / %3")
                                   .arg(pct(m.loweredPct), pct(m.confirmedPct), pct(m.raisedPct))
                             : QStringLiteral("—"),
                         u.insufficient ? QStringLiteral("недостаточно данных")
                                        : signs.join(QStringLiteral("; "))});
            if (!u.subject.isEmpty() && !u.insufficient) {
                mean.categories << (years.size() > 1
                                        ? unitText(u)
                                        : unitText(u).section(QStringLiteral(", "), 1));
                mean.series[0].values << m.meanPercent;
                mean.series[1].values << u.region.meanPercent;
            }
            // the comparison: the school's municipality and the region, its own units included
            municipal.journalPairs += u.municipal.journalPairs + m.journalPairs;
            municipal.lowered += u.municipal.lowered + m.lowered;
            municipal.confirmed += u.municipal.confirmed + m.confirmed;
            municipal.raised += u.municipal.raised + m.raised;
            region.journalPairs += u.region.journalPairs + m.journalPairs;
            region.lowered += u.region.lowered + m.lowered;
            region.confirmed += u.region.confirmed + m.confirmed;
            region.raised += u.region.raised + m.raised;
        }
        m_doc.add(
            Kind::Caption,
            QStringLiteral("Таблица %1. Результаты школы по единицам анализа").arg(++m_tables));
        m_doc.table(
            {QStringLiteral("Год, процедура, класс, предмет"), QStringLiteral("Участ\u00adников"),
             QStringLiteral("Средний % выпол\u00adнения"), QStringLiteral("Регион, %"),
             QStringLiteral("Понизили / подтвердили / повысили, %"), QStringLiteral("Признаки")},
            rows, {24, 10, 12, 10, 19, 25});
        if (!mean.categories.isEmpty())
            chartFigure(mean,
                        QStringLiteral("Рисунок %1. Средний процент выполнения: школа и регион"));
        Municipality school;
        for (const core::UnitReport &u : m_report.units)
            if (m_scope.contains(u)) {
                school.journalPairs += u.metrics.journalPairs;
                school.lowered += u.metrics.lowered;
                school.confirmed += u.metrics.confirmed;
                school.raised += u.metrics.raised;
            }
        ReportChart journal = journalChart();
        addJournal(journal, QStringLiteral("школа"), school);
        addJournal(journal, m_school->municipality, municipal);
        addJournal(journal, QStringLiteral("регион"), region);
        if (!journal.categories.isEmpty())
            chartFigure(journal,
                        QStringLiteral("Рисунок %1. Отметки за работу и отметки по журналу: "
                                       "школа, муниципалитет и регион, % работ"));
    }

    void criteriaTable() {
        QList<QStringList> rows;
        for (const CriterionKind kind : {CriterionKind::Results, CriterionKind::CurrentAssessment})
            for (const auto &c : m_t.criteria)
                if (c.kind == kind)
                    rows.append({c.title,
                                 kind == CriterionKind::Results
                                     ? QStringLiteral("результаты")
                                     : QStringLiteral("текущее оценивание"),
                                 NumberText::grouped(c.tested), NumberText::grouped(c.units),
                                 NumberText::grouped(c.schools)});
        m_doc.add(Kind::Caption,
                  QStringLiteral("Таблица %1. Признаки по критериям").arg(++m_tables));
        m_doc.table({QStringLiteral("Критерий"), QStringLiteral("Вид признака"),
                     QStringLiteral("Проверено единиц"), QStringLiteral("Единиц с признаком"),
                     QStringLiteral("Школ с признаком")},
                    rows, {40, 21, 13, 13, 13});
    }

    void schoolsWithSigns() {
        for (const CriterionKind kind :
             {CriterionKind::Results, CriterionKind::CurrentAssessment}) {
            QList<QStringList> rows;
            for (const auto &s : m_t.schools) {
                if ((kind == CriterionKind::Results ? s.resultsSigns : s.currentSigns) == 0)
                    continue;
                // criterion title → «ВПР 2024» → «4 кл. русский язык»
                QMap<QString, QMap<QString, QStringList>> units;
                QStringList order;
                for (const auto &x : s.findings) {
                    if (x.finding->kind() != kind)
                        continue;
                    const QString title = core::criterionTitle(x.finding->code);
                    if (!order.contains(title))
                        order << title;
                    const core::UnitReport &u = *x.unit;
                    const QString procedure =
                        QStringLiteral("%1 %2").arg(core::procedureKindCode(u.kind)).arg(u.year);
                    const QString unit =
                        u.subject.isEmpty()
                            ? QStringLiteral("медали")
                            : QStringLiteral("%1 %2").arg(gradeText(u.grade, *x.finding),
                                                          u.subject.toLower());
                    if (!units[title][procedure].contains(unit))
                        units[title][procedure] << unit;
                }
                QStringList signs;
                for (const QString &title : order) {
                    QStringList parts;
                    const auto &byProcedure = units[title];
                    for (auto it = byProcedure.begin(); it != byProcedure.end(); ++it)
                        parts << QStringLiteral("%1: %2").arg(
                            it.key(), it.value().join(QStringLiteral(", ")));
                    signs << QStringLiteral("%1 (%2)").arg(title, parts.join(QStringLiteral("; ")));
                }
                rows.append({QString::number(rows.size() + 1),
                             QStringLiteral("%1 (%2)").arg(s.name, s.code), s.municipality,
                             signs.join(QLatin1Char('\n')),
                             s.official.isEmpty() ? QStringLiteral("—") : s.official});
            }
            m_doc.add(Kind::Paragraph,
                      rows.isEmpty()
                          ? QStringLiteral("%1 не выявлены ни у одной школы.")
                                .arg(core::criterionKindTitle(kind))
                          : QStringLiteral("%1 выявлены у %2 (таблица %3).")
                                .arg(core::criterionKindTitle(kind),
                                     NumberText::counted(rows.size(), u"школы", u"школ", u"школ"))
                                .arg(m_tables + 1));
            if (rows.isEmpty())
                continue;
            m_doc.add(Kind::Caption, QStringLiteral("Таблица %1. %2")
                                         .arg(++m_tables)
                                         .arg(core::criterionKindTitle(kind)));
            m_doc.table({QStringLiteral("№"), QStringLiteral("Школа"),
                         QStringLiteral("Муници\u00adпалитет"),
                         QStringLiteral("Признаки (процедура, класс, предмет)"),
                         QStringLiteral("В офи\u00adциальном списке")},
                        rows, {6, 27, 18, 37, 12});
        }
    }

    void schoolSigns() {
        if (!m_school)
            return;
        for (const CriterionKind kind :
             {CriterionKind::Results, CriterionKind::CurrentAssessment}) {
            QList<const AnalysisTotals::Finding *> found;
            for (const auto &x : m_school->findings)
                if (x.finding->kind() == kind)
                    found << &x;
            // «… не выявлены.» or «… (всего 3):» introducing the list
            m_doc.add(Kind::Paragraph,
                      found.isEmpty()
                          ? QStringLiteral("%1 не выявлены.").arg(core::criterionKindTitle(kind))
                          : QStringLiteral("%1 (всего %2):")
                                .arg(core::criterionKindTitle(kind))
                                .arg(found.size()));
            for (const auto *x : found)
                m_doc.add(Kind::Bullet,
                          QStringLiteral("%1 — %2. %3")
                              .arg(unitText(*x->unit), core::findingTitle(*x->finding),
                                   x->finding->explanation.isEmpty() ? x->finding->reasonText
                                                                     : x->finding->explanation));
        }
    }

    void conclusions() {
        AnalysisReportConclusions::Counts c;
        c.school = schoolLevel();
        c.results = schoolLevel() ? (m_school ? m_school->resultsSigns : 0)
                                  : m_t.total.schoolsWithResultsSigns;
        c.current = schoolLevel() ? (m_school ? m_school->currentSigns : 0)
                                  : m_t.total.schoolsWithCurrentSigns;
        c.schools = m_t.total.schools;
        c.resultsShare = m_t.total.resultsShare();
        AnalysisReportConclusions::append(m_doc, c);
    }

    void signature() {
        ReportDocument::Block b;
        b.kind = Kind::Signature;
        b.cells = {m_scope.signerPosition, QString(), m_scope.signerName};
        m_doc.blocks.append(b);
    }

    const core::AnalysisReport &m_report;
    const AnalysisScope &m_scope;
    AnalysisTotals m_t;
    const AnalysisTotals::School *m_school = nullptr;
    ReportDocument m_doc;
    int m_tables = 0, m_figures = 0;
};

} // namespace

ReportDocument AnalysisReportBuilder::build(const core::AnalysisReport &report,
                                            const AnalysisScope &scope) {
    return Builder(report, scope).build();
}

} // namespace objectivity::io
