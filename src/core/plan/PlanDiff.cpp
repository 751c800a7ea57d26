#include "objectivity/core/plan/PlanDiff.h"

#include "objectivity/core/plan/PlanChangeLog.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace objectivity::core {

namespace {

struct Item {
    const Measure *measure;
    const Section *section;
    QString normalized;
};

QList<Item> itemsOf(const Plan &plan) {
    QList<Item> items;
    for (const Section &s : plan.sections)
        for (const Measure &m : s.measures)
            items.append({&m, &s, m.text.simplified().toLower()});
    return items;
}

QStringList words(const QString &text) {
    static const QRegularExpression separator(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList out;
    for (const QString &w : text.toLower().split(separator, Qt::SkipEmptyParts))
        if (w.size() >= 2 || w.at(0).isDigit())
            out << w;
    return out;
}

QString normalizedNumber(const QString &number) {
    QString n = number.trimmed();
    while (n.endsWith(QLatin1Char('.')))
        n.chop(1);
    return n;
}

} // namespace

QString PlanDiffEntry::kindCode(Kind kind) {
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString PlanDiffEntry::kindDisplayName(Kind kind) {
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("добавлено");
    case Kind::Removed:
        return QStringLiteral("удалено");
    case Kind::Changed:
        return QStringLiteral("изменено");
    }
    return {};
}

double PlanDiff::similarity(const QString &a, const QString &b) {
    const QStringList wa = words(a);
    const QStringList wb = words(b);
    if (wa.isEmpty() && wb.isEmpty())
        return 1.0;
    if (wa.isEmpty() || wb.isEmpty())
        return 0.0;
    QHash<QString, int> counts;
    for (const QString &w : wa)
        ++counts[w];
    int common = 0;
    for (const QString &w : wb) {
        auto it = counts.find(w);
        if (it != counts.end() && *it > 0) {
            --*it;
            ++common;
        }
    }
    return 2.0 * common / double(wa.size() + wb.size());
}

int PlanDiff::count(PlanDiffEntry::Kind kind) const {
    return int(std::count_if(entries.begin(), entries.end(),
                             [kind](const PlanDiffEntry &e) { return e.kind == kind; }));
}

PlanDiff PlanDiff::compare(const Plan &before, const Plan &after) {
    const QList<Item> left = itemsOf(before);
    const QList<Item> right = itemsOf(after);
    QList<qsizetype> matchOfRight(right.size(), -1);
    QList<bool> leftUsed(left.size(), false);
    QList<double> score(right.size(), 1.0);

    // 1. The same text (in order, so repeated texts pair up one by one).
    QHash<QString, QList<qsizetype>> byText;
    for (qsizetype i = 0; i < left.size(); ++i)
        byText[left[i].normalized].append(i);
    for (qsizetype j = 0; j < right.size(); ++j) {
        auto it = byText.find(right[j].normalized);
        if (it == byText.end() || it->isEmpty())
            continue;
        const qsizetype i = it->takeFirst();
        matchOfRight[j] = i;
        leftUsed[i] = true;
    }

    // 2. The most similar of the rest, best pairs first.
    struct Pair {
        double rank;
        double similarity;
        qsizetype i;
        qsizetype j;
    };
    QList<Pair> pairs;
    for (qsizetype j = 0; j < right.size(); ++j) {
        if (matchOfRight[j] >= 0)
            continue;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (leftUsed[i])
                continue;
            const double s = similarity(left[i].measure->text, right[j].measure->text);
            const bool sameNumber = !right[j].measure->number.isEmpty() &&
                                    normalizedNumber(left[i].measure->number) ==
                                        normalizedNumber(right[j].measure->number);
            if (s >= 0.5 || (sameNumber && s >= 0.3))
                pairs.append({s + (sameNumber ? 0.1 : 0.0), s, i, j});
        }
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const Pair &a, const Pair &b) { return a.rank > b.rank; });
    for (const Pair &p : pairs) {
        if (leftUsed[p.i] || matchOfRight[p.j] >= 0)
            continue;
        leftUsed[p.i] = true;
        matchOfRight[p.j] = p.i;
        score[p.j] = p.similarity;
    }

    PlanDiff diff;
    for (qsizetype j = 0; j < right.size(); ++j) {
        PlanDiffEntry e;
        e.after = *right[j].measure;
        e.sectionAfter = right[j].section->title;
        if (matchOfRight[j] < 0) {
            e.kind = PlanDiffEntry::Kind::Added;
            diff.entries.append(e);
            continue;
        }
        const Item &l = left[matchOfRight[j]];
        e.before = *l.measure;
        e.sectionBefore = l.section->title;
        e.similarity = score[j];
        for (const PlanChange &c : PlanChangeLog::measureChanges(e.before, e.after))
            if (c.field != QLatin1String("number")) // renumbering alone is no change
                e.fields << c.field;
        if (e.sectionBefore.simplified() != e.sectionAfter.simplified())
            e.fields << QStringLiteral("section");
        if (!e.fields.isEmpty())
            diff.entries.append(e);
    }
    for (qsizetype i = 0; i < left.size(); ++i) {
        if (leftUsed[i])
            continue;
        PlanDiffEntry e;
        e.kind = PlanDiffEntry::Kind::Removed;
        e.before = *left[i].measure;
        e.sectionBefore = left[i].section->title;
        diff.entries.append(e);
    }
    return diff;
}

} // namespace objectivity::core
