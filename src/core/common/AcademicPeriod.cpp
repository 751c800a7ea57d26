#include "objectivity/core/common/AcademicPeriod.h"

#include <QRegularExpression>

namespace objectivity::core {

AcademicPeriod AcademicPeriod::containing(const QDate &day) {
    if (!day.isValid())
        return {};
    const int start = day.month() >= 9 ? day.year() : day.year() - 1;
    return academicYear(start);
}

QString AcademicPeriod::toDisplayString() const {
    if (!isValid())
        return {};
    auto one = [](int y) {
        return QStringLiteral("%1/%2").arg(y).arg((y + 1) % 100, 2, 10, QLatin1Char('0'));
    };
    if (yearCount() == 1)
        return one(startYear);
    return one(startYear) + QStringLiteral("–") + one(endYear - 1);
}

AcademicPeriod AcademicPeriod::fromText(const QString &text) {
    // "2023-2024 учебный год", "2023/24", "2023/2024", "на 2022- 2024 годы", "2022/23, 2023/24".
    // Years separated by a dash or slash, or only by spaces ("в 2023 2024 учебном году").
    static const QRegularExpression pair(
        QStringLiteral(R"((?<!\d)(20\d\d)(?:\s*[-–—/]\s*(20\d\d|\d\d)|\s+(20\d\d))(?!\d))"));
    int first = 0;
    int last = 0;
    auto it = pair.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const int a = m.captured(1).toInt();
        int b = m.captured(m.hasCaptured(2) ? 2 : 3).toInt();
        if (b < 100)
            b += (a / 100) * 100;
        if (b <= a || b - a > 10)
            continue;
        if (first == 0 || a < first)
            first = a;
        if (b > last)
            last = b;
    }
    if (first > 0)
        return {first, last};
    // A single year "на 2024 год" or a date: take the academic year it starts.
    static const QRegularExpression single(QStringLiteral(R"((?<!\d)(20\d\d)(?!\d))"));
    const auto m = single.match(text);
    if (m.hasMatch())
        return academicYear(m.captured(1).toInt());
    return {};
}

} // namespace objectivity::core
