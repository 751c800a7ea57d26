#include "objectivity/core/plan/PlanOperations.h"

#include "objectivity/core/plan/DeadlineParser.h"

#include <QRegularExpression>

namespace objectivity::core {

namespace {

void zeroIds(Plan &plan) {
    plan.id = 0;
    for (auto &section : plan.sections) {
        section.id = 0;
        for (auto &measure : section.measures)
            measure.id = 0;
    }
    plan.createdAt = QDateTime();
    plan.updatedAt = QDateTime();
}

} // namespace

QString PlanOperations::shiftYears(const QString &text, int years) {
    // A date (its year), or a year with an optional short second year ("2023/24").
    static const QRegularExpression rx(QStringLiteral(
        R"((?<date>(?<!\d)(?<day>\d{1,2})\.(?<month>\d{1,2})\.)(?<dy>(?:19|20)\d\d)(?!\d))"
        R"(|(?<!\d)(?<year>(?:19|20)\d\d)(?<short>\s*/\s*)(?<yy>\d\d)(?!\d))"
        R"(|(?<!\d)(?<alone>(?:19|20)\d\d)(?!\d))"));
    if (years == 0)
        return text;
    QString out;
    qsizetype last = 0;
    auto it = rx.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        if (m.hasCaptured(u"date")) {
            const int day = m.captured(u"day").toInt();
            const int month = m.captured(u"month").toInt();
            const int year = m.captured(u"dy").toInt() + years;
            QString dayText = m.captured(u"day");
            // 29.02 of a leap year becomes 28.02 when the new year has no 29 February.
            if (month == 2 && day == 29 && !QDate::isLeapYear(year))
                dayText = QStringLiteral("28");
            out += dayText + u'.' + m.captured(u"month") + u'.' + QString::number(year);
        } else if (m.hasCaptured(u"year")) {
            const int year = m.captured(u"year").toInt() + years;
            const int second = ((m.captured(u"yy").toInt() + years) % 100 + 100) % 100;
            out += QString::number(year) + m.captured(u"short") +
                   QStringLiteral("%1").arg(second, 2, 10, QLatin1Char('0'));
        } else {
            out += QString::number(m.captured(u"alone").toInt() + years);
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

Plan PlanOperations::makeRevision(const Plan &plan) {
    Plan out = plan;
    zeroIds(out);
    out.parentPlanId = plan.id;
    out.revision = plan.revision + 1;
    out.status = PlanStatus::Draft;
    out.approval.orderNumber.clear();
    out.approval.orderDate = QDate();
    out.approval.appendixLine.clear();
    return out;
}

Plan PlanOperations::copyToNextAcademicYear(const Plan &plan, int years) {
    Plan out = plan;
    zeroIds(out);
    out.parentPlanId = 0;
    out.revision = 1;
    out.status = PlanStatus::Draft;
    out.approval = Approval{};
    out.warnings.clear();
    out.sourceFile.clear();
    out.period = plan.period.isValid() ? plan.period.shifted(years) : plan.period;
    out.title = shiftYears(plan.title, years);
    for (auto &section : out.sections) {
        for (auto &measure : section.measures) {
            const QString text = shiftYears(measure.deadline.text, years);
            measure.deadline = DeadlineParser::parse(text, out.period);
            measure.status = MeasureStatus::Planned;
            measure.completionDate = QDate();
            measure.note.clear();
            measure.windowMarks.clear(); // a new year: every window starts unmarked
        }
    }
    return out;
}

} // namespace objectivity::core
