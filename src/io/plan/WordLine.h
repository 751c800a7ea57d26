#pragma once
#include "objectivity/io/plan/PageWord.h"

#include <QList>
#include <QString>

namespace objectivity::io {

// One line of a laid-out page: its words left to right and its vertical extent (WordTableBuilder
// and the classes it uses).
struct WordLine {
    int page = 1;
    int number = 0; // 1-based on its page, or the source line of a text
    double top = 0;
    double bottom = 0;
    QList<PageWord> words; // left to right

    double left() const { return words.isEmpty() ? 0 : words.first().box.left(); }
    double right() const;
    QString text() const;

    // Whether all the gaps between the words of a line are spaces (no column gap).
    static bool isOnePhrase(const WordLine &l, double phraseGap);
    // Two lines of one cell or paragraph as one text.
    static QString join(const QString &a, const QString &b);
    static double median(QList<double> v);
};

} // namespace objectivity::io
