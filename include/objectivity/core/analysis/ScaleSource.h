#pragma once

#include <QString>

namespace objectivity::core {

// Where a procedure's mark boundaries come from in the analysis.
enum class ScaleSource {
    None,     // no boundaries: no scale stored and the marks cannot tell (or ЕГЭ)
    Stored,   // the scale stored in the database (MarkScaleChooser's choice)
    Inferred, // no scale stored: the mark most schools give at each score
    Replaced, // a stored scale the schools' marks clearly do not follow: the data's boundaries
};

// «stored», «inferred», «replaced», empty for None (JSON `scale_source`)
inline QString scaleSourceCode(ScaleSource s) {
    switch (s) {
    case ScaleSource::Stored:
        return QStringLiteral("stored");
    case ScaleSource::Inferred:
        return QStringLiteral("inferred");
    case ScaleSource::Replaced:
        return QStringLiteral("replaced");
    case ScaleSource::None:
        break;
    }
    return {};
}

} // namespace objectivity::core
