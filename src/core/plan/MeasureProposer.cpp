#include "objectivity/core/plan/MeasureProposer.h"

#include "objectivity/core/plan/DeadlineParser.h"

#include <QSet>

namespace objectivity::core {

namespace {

using namespace Qt::StringLiterals;

QList<MeasureProposal> proposalsFor(const FindingRef &finding, const QString &schoolName,
                                    const QList<MeasureTemplate> &templates,
                                    const AcademicPeriod &period) {
    QList<const MeasureTemplate *> mine;
    for (const MeasureTemplate &t : templates)
        if (t.criterion == finding.criterion && !t.text.trimmed().isEmpty())
            mine << &t;
    std::stable_sort(mine.begin(), mine.end(),
                     [](const MeasureTemplate *a, const MeasureTemplate *b) {
                         return a->position < b->position;
                     });
    QList<MeasureProposal> out;
    for (const MeasureTemplate *t : mine) {
        MeasureProposal p;
        p.finding = finding;
        p.templateId = t->id;
        p.measure.text = MeasureProposer::fill(t->text, finding, schoolName);
        for (const QString &owner : t->owners)
            p.measure.owners << MeasureProposer::fill(owner, finding, schoolName);
        p.measure.deadline =
            DeadlineParser::parse(MeasureProposer::fill(t->deadline, finding, schoolName), period);
        p.measure.expectedResult = MeasureProposer::fill(t->expectedResult, finding, schoolName);
        out << p;
    }
    return out;
}

} // namespace

QList<MeasureProposal> MeasureProposer::propose(const AnalysisReport &report,
                                                const QString &schoolCode,
                                                const QList<MeasureTemplate> &templates, int year,
                                                const AcademicPeriod &period) {
    QList<MeasureProposal> out;
    for (const UnitReport &unit : report.units) {
        if (unit.schoolCode != schoolCode || (year != 0 && unit.year != year))
            continue;
        QSet<QString> seen; // one criterion's findings in one unit give its measures once
        for (const CriterionFinding &f : unit.findings) {
            if (!f.flagged || seen.contains(f.code))
                continue;
            seen.insert(f.code);
            const FindingRef ref{f.code,       unit.kind,       unit.year, unit.grade,
                                 unit.subject, unit.schoolCode, QString()};
            out << proposalsFor(ref, unit.schoolName, templates, period);
        }
    }
    return out;
}

QList<MeasureProposal> MeasureProposer::proposeFor(const FindingRef &finding,
                                                   const QString &schoolName,
                                                   const QList<MeasureTemplate> &templates,
                                                   const AcademicPeriod &period) {
    return proposalsFor(finding, schoolName, templates, period);
}

QString MeasureProposer::fill(const QString &pattern, const FindingRef &finding,
                              const QString &schoolName) {
    QString s = pattern;
    const QString grade =
        finding.className.isEmpty() ? QString::number(finding.grade) : finding.className;
    s.replace(u"{предмету}"_s, subjectDative(finding.subject));
    s.replace(u"{предмет}"_s, finding.subject);
    s.replace(u"{класс}"_s, grade);
    s.replace(u"{процедура}"_s, procedureKindCode(finding.procedure));
    s.replace(u"{год+1}"_s, QString::number(finding.year + 1));
    s.replace(u"{год-1}"_s, QString::number(finding.year - 1));
    s.replace(u"{год}"_s, QString::number(finding.year));
    s.replace(u"{школа}"_s, schoolName.isEmpty() ? finding.schoolCode : schoolName);
    return s;
}

QString MeasureProposer::subjectDative(const QString &subject) {
    const QString s = subject.trimmed().toLower();
    if (s.isEmpty())
        return u"предметам"_s;
    // «Математика (профиль)»: the name in the dative, the qualifier as written
    if (const qsizetype paren = s.indexOf(u" ("_s); paren > 0 && s.endsWith(u')')) {
        const QString head = subjectDative(subject.trimmed().left(paren));
        if (!head.startsWith(u"предмету «"_s))
            return head + s.mid(paren);
    }
    // A two-word «X язык» / «X мир»: the adjective and the noun in the dative.
    const QStringList words = s.split(u' ', Qt::SkipEmptyParts);
    auto adjective = [](const QString &w) -> QString {
        if (!w.endsWith(u"ий"_s) && !w.endsWith(u"ый"_s) && !w.endsWith(u"ой"_s))
            return w;
        const QString stem = w.left(w.size() - 2);
        const bool soft = stem.endsWith(u'щ') || stem.endsWith(u'ж') || stem.endsWith(u'ч') ||
                          stem.endsWith(u'ш');
        return stem + (soft ? u"ему"_s : u"ому"_s);
    };
    if (words.size() == 2 && (words[1] == u"язык"_s || words[1] == u"мир"_s))
        return adjective(words[0]) + u' ' + words[1] + u'у';
    if (words.size() != 1)
        return u"предмету «%1»"_s.arg(subject.trimmed());
    const QString &w = words[0];
    if (w.endsWith(u"ия"_s)) // история, биология, химия, география
        return w.left(w.size() - 1) + u'и';
    if (w.endsWith(u"ие"_s)) // обществознание, естествознание
        return w.left(w.size() - 1) + u"ю"_s;
    if (w.endsWith(u'а')) // математика, физика, литература, информатика
        return w.left(w.size() - 1) + u'е';
    return u"предмету «%1»"_s.arg(subject.trimmed());
}

QString MeasureProposer::sectionTitle(int year) {
    return u"Меры по результатам анализа объективности %1"_s.arg(year);
}

} // namespace objectivity::core
