#pragma once
#include <QString>

namespace objectivity::core {

// The assessment procedures the application analyses.
enum class ProcedureKind { VPR, OGE, EGE };

// «ВПР», «ОГЭ», «ЕГЭ» — the codes used in files, JSON and the database.
QString procedureKindCode(ProcedureKind kind);
// Accepts the Russian codes in any case, with Latin look-alikes («ВПP») and «ГИА-9»/«ГИА-11»;
// returns false when the text names no procedure.
bool procedureKindFromText(const QString &text, ProcedureKind *kind);

} // namespace objectivity::core
