#include "plan/WordLine.h"

#include <QStringList>

#include <algorithm>

namespace objectivity::io {

double WordLine::right() const {
    double r = 0;
    for (const PageWord &w : words)
        r = std::max(r, w.box.right());
    return r;
}

QString WordLine::text() const {
    QStringList t;
    for (const PageWord &w : words)
        t << w.text;
    return t.join(QLatin1Char(' '));
}

bool WordLine::isOnePhrase(const WordLine &l, double phraseGap) {
    for (qsizetype i = 1; i < l.words.size(); ++i)
        if (l.words[i].box.left() - l.words[i - 1].box.right() >= phraseGap)
            return false;
    return true;
}

// «учителя-» + «предметники» → «учителя-предметники»; «п/» + «п» → «п/п» (a line broken after a
// slash that follows a letter); otherwise a space.
QString WordLine::join(const QString &a, const QString &b) {
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    if (a.size() > 1 && a.endsWith(QLatin1Char('/')) && a.at(a.size() - 2).isLetterOrNumber())
        return a + b;
    if (a.size() > 1 && a.endsWith(QLatin1Char('-')) && a.at(a.size() - 2).isLetter() &&
        b.front().isLower())
        return a + b;
    return a + QLatin1Char(' ') + b;
}

double WordLine::median(QList<double> v) {
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace objectivity::io
