#include "objectivity/io/results/FlatResultsFormat.h"

namespace objectivity::io {

using namespace core;
using namespace simulation;

QStringList FlatResultsFormat::header() {
    QStringList h = {QStringLiteral("Год"),
                     QStringLiteral("Процедура"),
                     QStringLiteral("Параллель"),
                     QStringLiteral("Предмет"),
                     QStringLiteral("Муниципалитет"),
                     QStringLiteral("Логин ОО"),
                     QStringLiteral("Наименование ОО"),
                     QStringLiteral("Тип ОО"),
                     QStringLiteral("Местность"),
                     QStringLiteral("Класс"),
                     QStringLiteral("Код участника"),
                     QStringLiteral("Вариант")};
    for (int i = 1; i <= kTaskColumns; ++i)
        h << QStringLiteral("З%1").arg(i);
    h << QStringLiteral("Первичный балл") << QStringLiteral("Отметка")
      << QStringLiteral("Тестовый балл") << QStringLiteral("Отметка по журналу")
      << QStringLiteral("Период отметки") << QStringLiteral("Годовая отметка")
      << QStringLiteral("Медаль");
    return h;
}

QString FlatResultsFormat::periodText(JournalPeriod period) {
    return journalPeriodCode(period);
}

QString FlatResultsFormat::medalText(Medal medal) {
    return medalCode(medal);
}

QString FlatResultsFormat::levelText(TaskLevel level) {
    return taskLevelCode(level);
}

QStringList FlatResultsFormat::cells(const GeneratedSchool &s, const GeneratedProcedure &g,
                                     const ParticipantResult &r) {
    const Procedure &p = g.procedure;
    const auto number = [](int v, bool present) {
        return present ? QString::number(v) : QString();
    };
    QStringList c = {QString::number(p.year),
                     procedureKindCode(p.kind),
                     QString::number(p.grade),
                     p.subject,
                     s.school.municipality,
                     s.school.code,
                     s.school.name,
                     schoolKindCode(s.school.kind),
                     s.school.rural ? QStringLiteral("село") : QStringLiteral("город"),
                     r.className,
                     r.participantCode,
                     QString::number(r.variant)};
    for (int i = 0; i < kTaskColumns; ++i) {
        if (i >= r.taskPoints.size())
            c << QString();
        else if (r.taskPoints.at(i) == ParticipantResult::kNotAttempted)
            c << QStringLiteral("X");
        else
            c << QString::number(r.taskPoints.at(i));
    }
    c << QString::number(int(r.primaryScore)) << number(r.mark, r.mark > 0)
      << number(r.testScore, r.testScore >= 0) << number(r.journalMark, r.journalMark > 0)
      << (r.journalMark > 0 ? periodText(r.journalPeriod) : QString())
      << number(r.annualMark, r.annualMark > 0) << medalText(r.medal);
    return c;
}

QString FlatResultsFormat::csvLine(const QStringList &cells) {
    QStringList out;
    out.reserve(cells.size());
    for (const QString &cell : cells) {
        if (cell.contains(QLatin1Char(';')) || cell.contains(QLatin1Char('"')) ||
            cell.contains(QLatin1Char('\n'))) {
            QString quoted = cell;
            quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
            out << QLatin1Char('"') + quoted + QLatin1Char('"');
        } else {
            out << cell;
        }
    }
    return out.join(QLatin1Char(';'));
}

} // namespace objectivity::io
