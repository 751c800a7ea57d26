#pragma once
#include <QString>

namespace objectivity::core {

// A change of results data or of the analysis, as DataPermissions judges it. Reading (analysis,
// statistics, exports) is not an action: every signed-in role may read.
enum class DataAction {
    ImportResults,        // load a results file (ФИС ОКО or flat table)
    ImportFlagged,        // load the official list of schools with non-objective results
    RemoveResults,        // delete a load, including the replacement of a file loaded before
    EditMarkScales,       // add, change or remove a mark scale (баллы → отметка)
    EditAnalysisSettings, // change or reset the analysis thresholds
};

class DataActions {
public:
    static QString displayName(DataAction action); // «загрузить результаты», ...
};

} // namespace objectivity::core
