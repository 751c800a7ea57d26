#pragma once
#include "objectivity/io/plan/PageWord.h"
#include "plan/WordLine.h"

#include <QList>

namespace objectivity::io {

// The words of a document as lines, page by page: grouped by their vertical centres, without
// page numbers, running heads and footers (the same text first or last on several pages) and the
// marks «(продолжение мероприятия N)» this program prints over the part of a row a page break
// cut.
class WordLineGrouper {
public:
    static QList<QList<WordLine>> pages(const QList<PageWord> &words);

private:
    static QList<WordLine> pageLines(QList<PageWord> words, int page);
    static void dropRunningLines(QList<QList<WordLine>> &pages);
    static void dropContinuationMarks(QList<WordLine> &lines);
};

} // namespace objectivity::io
