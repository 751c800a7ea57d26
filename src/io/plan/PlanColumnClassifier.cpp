#include "objectivity/io/plan/PlanColumnClassifier.h"

#include "objectivity/io/plan/PlanTextRules.h"

#include <QRegularExpression>
#include <QSet>

using objectivity::core::ColumnRole;

namespace objectivity::io {

std::optional<ColumnRole> PlanColumnClassifier::role(const QString &heading) {
    QString h = PlanTextRules::oneLine(heading).toLower();
    h.replace(QChar(u'ё'), QChar(u'е'));
    if (h.isEmpty() || h.size() > 80)
        return std::nullopt;
    static const QRegularExpression number(
        QStringLiteral(R"(^(№|n|no|nn|№№)\s*(п\s*/\s*п|д\s*/\s*п|пп)?\.?$|^п\s*/\s*п$|^№)"));
    // Every alternative of `number` starts with «№», «n» or «п»: other words skip the match (a
    // header check asks this of every word of every line).
    const QChar first = h.front();
    if ((first == QChar(u'№') || first == QLatin1Char('n') || first == QChar(u'п')) &&
        number.match(h).hasMatch())
        return ColumnRole::Number;
    if (h.contains(QStringLiteral("примечан")) || h.contains(QStringLiteral("комментар")))
        return ColumnRole::Note;
    if (h.contains(QStringLiteral("отметк")) || h.contains(QStringLiteral("статус")) ||
        h.startsWith(QStringLiteral("выполнен")) ||
        h.contains(QStringLiteral("информация о выполн")))
        return ColumnRole::Status;
    if (h.contains(QStringLiteral("фактич")) ||
        (h.startsWith(QStringLiteral("дата")) && h.contains(QStringLiteral("выполнени"))))
        return ColumnRole::CompletionDate;
    if (h.contains(QStringLiteral("срок")) || h.startsWith(QStringLiteral("дата")) ||
        h.contains(QStringLiteral("период")) || h.startsWith(QStringLiteral("время")) ||
        h.startsWith(QStringLiteral("когда")))
        return ColumnRole::Deadline;
    if (h.contains(QStringLiteral("ответствен")) || h.contains(QStringLiteral("исполнител")) ||
        h.contains(QStringLiteral("кто ")))
        return ColumnRole::Owners;
    if (h.contains(QStringLiteral("мероприяти")) || h.contains(QStringLiteral("наименовани")) ||
        h.contains(QStringLiteral("содержание")) || h.contains(QStringLiteral("действи")) ||
        h.contains(QStringLiteral("направлени")) || h.startsWith(QStringLiteral("меры")))
        return ColumnRole::Measure;
    if (h.contains(QStringLiteral("результат")) || h.contains(QStringLiteral("показател")) ||
        h.contains(QStringLiteral("итог")) || h.contains(QStringLiteral("форма отчет")) ||
        h.contains(QStringLiteral("продукт")))
        return ColumnRole::ExpectedResult;
    return std::nullopt;
}

bool PlanColumnClassifier::isHeaderRow(const QStringList &cells) {
    int filled = 0;
    int known = 0;
    QSet<int> roles;
    for (const QString &c : cells) {
        if (c.trimmed().isEmpty())
            continue;
        ++filled;
        if (const auto r = role(c)) {
            ++known;
            roles.insert(int(*r));
        }
    }
    if (roles.size() < 2 || known * 4 < filled * 3)
        return false;
    if (roles.contains(int(ColumnRole::Measure)))
        return true;
    return roles.contains(int(ColumnRole::Number)) &&
           (roles.contains(int(ColumnRole::Deadline)) || roles.contains(int(ColumnRole::Owners)));
}

bool PlanColumnClassifier::isColumnNumbering(const QStringList &cells) {
    int expected = 1;
    int filled = 0;
    for (const QString &c : cells) {
        const QString t = c.trimmed();
        if (t.isEmpty())
            continue;
        QString n = t;
        if (n.endsWith(QLatin1Char('.')))
            n.chop(1);
        bool ok = false;
        const int v = n.toInt(&ok);
        if (!ok || v != expected)
            return false;
        ++expected;
        ++filled;
    }
    return filled >= 3;
}

} // namespace objectivity::io
