#pragma once
// Column headings of results files → field names (private to io).
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
    // The Russian heading a file normally gives the field («year» → «Год», «school_code» →
    // «Логин ОО», «task:3» → «З3»): how messages name a column the file lacks.
    static QString canonicalHeading(const QString &field);
    // Whether a row of these fields (field() of each cell) is a results table's header: it has
    // «Код участника», or, in a table without codes (a journal's export), at least three of the
    // year, procedure, parallel or class, subject and school login.
    static bool isHeader(const QStringList &fields);
};

} // namespace objectivity::io
