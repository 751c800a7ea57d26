#include "objectivity/io/plan/CellRepair.h"

#include "objectivity/io/plan/PlanTextRules.h"

#include <QRegularExpression>
#include <QStringList>

namespace objectivity::io {

namespace {
QStringList tokens(const QString &text) {
    static const QRegularExpression ws(QStringLiteral(R"(\s+)"));
    return PlanTextRules::oneLine(text).split(ws, Qt::SkipEmptyParts);
}

QString bare(QString t) {
    while (!t.isEmpty() && (t.endsWith(QLatin1Char(',')) || t.endsWith(QLatin1Char(';'))))
        t.chop(1);
    return t;
}

bool isSurname(const QString &t) {
    static const QRegularExpression surname(
        QStringLiteral(R"(^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$)"));
    return surname.match(bare(t)).hasMatch();
}

bool endsItem(const QString &t) {
    return t.endsWith(QLatin1Char(',')) || t.endsWith(QLatin1Char(';'));
}
} // namespace

std::optional<CellRepair::Moved> CellRepair::moveStrayDeadlinePrefix(const QString &previous,
                                                                     const QString &deadline) {
    const QStringList dt = tokens(deadline);
    if (dt.size() < 2 || PlanTextRules::looksLikeDeadline(deadline))
        return std::nullopt;
    qsizetype k = 0;
    while (k < dt.size() && k < 3 && PlanTextRules::isAbbreviation(dt[k]))
        ++k;
    if (k == 0 || k == dt.size())
        return std::nullopt;
    const QString rest = QStringList(dt.mid(k)).join(QLatin1Char(' '));
    if (!PlanTextRules::looksLikeDeadline(rest))
        return std::nullopt;
    const QString stray = QStringList(dt.mid(0, k)).join(QLatin1Char(' '));

    QStringList pt = tokens(previous);
    qsizetype insertAt = pt.size();
    for (qsizetype i = 0; i + 1 < pt.size(); ++i) {
        if (PlanTextRules::isCapitalizedWord(pt[i]) && !endsItem(pt[i]) &&
            PlanTextRules::isCapitalizedWord(pt[i + 1]) && !PlanTextRules::isInitials(pt[i + 1])) {
            insertAt = i + 1;
            break;
        }
    }
    pt.insert(insertAt, stray);
    return Moved{pt.join(QLatin1Char(' ')), rest, stray};
}

std::optional<std::pair<QString, QString>> CellRepair::splitOwnersAndResult(const QString &cell) {
    const QStringList t = tokens(cell);
    qsizetype i = 0;
    int items = 0;
    while (i < t.size()) {
        const QString &tok = t[i];
        if (tok == QLatin1String(",") || tok == QLatin1String(";") || tok == QStringLiteral("и")) {
            ++i;
            continue;
        }
        // "Шашок А.В." / "И.А. Вафина"
        if (isSurname(tok) && i + 1 < t.size() && PlanTextRules::isInitials(t[i + 1])) {
            i += 2;
            ++items;
            continue;
        }
        if (PlanTextRules::isInitials(tok) && i + 1 < t.size() && isSurname(t[i + 1])) {
            i += 2;
            ++items;
            continue;
        }
        // A role phrase: a role word and the lowercase words/abbreviations after it.
        if (PlanTextRules::isRoleWord(tok)) {
            ++i;
            ++items;
            if (endsItem(tok))
                continue;
            while (i < t.size()) {
                const QString &w = t[i];
                const bool lower = w.front().isLower();
                if (!(lower || PlanTextRules::isAbbreviation(w) || w.startsWith(QLatin1Char('('))))
                    break;
                ++i;
                if (endsItem(w))
                    break;
            }
            continue;
        }
        break;
    }
    if (items == 0 || i >= t.size() || !PlanTextRules::isCapitalizedWord(t[i]))
        return std::nullopt;
    QString owners = QStringList(t.mid(0, i)).join(QLatin1Char(' '));
    while (owners.endsWith(QLatin1Char(',')) || owners.endsWith(QLatin1Char(';')))
        owners.chop(1);
    return std::make_pair(owners, QStringList(t.mid(i)).join(QLatin1Char(' ')));
}

} // namespace objectivity::io
