#pragma once
#include <QString>

namespace objectivity::core {

// What someone wants to do with a plan (or with the accounts), as PlanPermissions judges it.
enum class PlanAction {
    Create,         // a new plan: empty, by a template, a copy, an import as a draft
    ImportApproved, // an import that keeps the document's approval (status «утверждён»)
    EditText,       // sections, measures, deadlines, owners, expected results, columns, title
    MarkExecution,  // status, completion date and note of a measure
    Submit,         // черновик → на утверждении
    Approve,        // на утверждении → утверждён (order number and date)
    Return,         // на утверждении → черновик, with a comment
    Revise,         // утверждён → a new draft revision
    Remove,         // delete a plan that is not approved
    ForceRemove,    // delete an approved or superseded plan (--force)
    ManageAccounts, // add or remove accounts
    EditStaff,      // the staff directory (a rename reaches the owners of draft plans)
    Distribute,     // copy a municipal plan's measures addressed to schools into the schools' plans
};

class PlanActions {
public:
    static QString displayName(PlanAction action); // «утвердить план», «изменить текст плана»...
};

} // namespace objectivity::core
