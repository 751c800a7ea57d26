#pragma once
// Column headings of results files → field names (private to io).
#include "objectivity/core/results/ParticipantResult.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace objectivity::io {

class ResultsHeadings {
public:
    // Lower case, ё → е, single spaces, no trailing colon.
    static QString normalize(const QString &heading);
    // The field for a heading: user mappings (normalized heading → field) first, then synonyms.
    // Task columns give "task:<label>" (and *maxPoints when written as «1 (2б)»). Empty when
    // unknown.
    static QString field(const QString &heading, const QHash<QString, QString> &mappings,
                         int *maxPoints = nullptr);
    static QStringList fieldNames();
    // The task label of a normalized heading («task:» without the prefix; «1К1», «9.1»), with the
    // maximum when the heading gives it (0 otherwise); empty when the heading is not a task's.
    static QString taskLabel(const QString &normalized, int *maxPoints = nullptr);
    // Whether a field name is a task's («task:3», «task:9.1», «task:1К1»).
    static bool isTaskField(const QString &field);
    // The period a journal mark's heading names («Отметка за 3 четверть» → Quarter); Unknown when
    // the heading names none.
    static core::JournalPeriod periodInHeading(const QString &heading);
    // The Russian heading a file normally gives the field («year» → «Год», «school_code» →
    // «Логин ОО», «task:3» → «З3»): how messages name a column the file lacks.
    static QString canonicalHeading(const QString &field);
    // Whether a row of these fields (field() of each cell) is a results table's header: it has
    // «Код участника», or, in a table without codes (a journal's export), at least three of the
    // year, procedure, parallel or class, subject and school login.
    static bool isHeader(const QStringList &fields);
    // Whether the row under a header is its second row: a header of two rows merged vertically
    // (ФИС ОКО: «Код участника» over both, «Баллы за задания» over the tasks, whose labels
    // «1 (1б)» are in the second row) repeats «Код участника» there, the merge filling it in.
    static bool isSecondHeaderRow(const QStringList &cells,
                                  const QHash<QString, QString> &mappings);
};

} // namespace objectivity::io
