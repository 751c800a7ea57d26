#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/MarkScale.h"

#include <QByteArray>
#include <QList>

namespace objectivity::core {

// The official mark scales shipped with the program: resources/scales/official_mark_scales.csv,
// embedded as :/scales/official_mark_scales.csv. One row per kind, year, grade and subject with
// its source (the document, or the page that quotes it, marked «вторичный источник»).
class OfficialMarkScales {
public:
    static QString resourcePath() { return QStringLiteral(":/scales/official_mark_scales.csv"); }
    // The shipped rows (origin Official); an error names the row and column of a bad row.
    static Result<QList<MarkScale>> load();
    // Parses and checks the CSV text: ';'-separated, '#' lines are comments, the first other
    // line is the heading. Every row: known kind, boundaries that increase and do not exceed the
    // maximum, a source, no second row with the same kind, year, grade and subject.
    static Result<QList<MarkScale>> parse(const QByteArray &text, const QString &fileName);
};

} // namespace objectivity::core
