#pragma once
#include <QDateTime>
#include <QString>

namespace objectivity::core {

// One row of a plan's history: who, when, what (the action, the measure or section it touched, the
// field) and the old and new text. A workflow step (submit, approve, return…) is one row with the
// comment; an edit is one row per changed field.
struct PlanChange {
    qint64 id = 0;
    qint64 planId = 0;
    QDateTime at;
    QString user;   // the account's name; empty for a database without accounts
    QString action; // code: see actionDisplayName
    QString target; // «мероприятие 1.2», «раздел 3», empty for the plan itself
    QString field;  // code: see fieldDisplayName; empty for a workflow step
    QString oldValue;
    QString newValue;
    QString comment;

    // "create", "import", "add", "remove", "edit", "execution", "submit", "approve", "return",
    // "revise", "supersede", "delete" → Russian
    static QString actionDisplayName(const QString &action);
    // "text", "deadline", "owners", "expected_result", "status", "completion_date", "note",
    // "window_marks",
    // "number", "section", "title", "period", "organization", "columns", "order", "approver",
    // "plan_status" → Russian
    static QString fieldDisplayName(const QString &field);
    // status, completion date, note, window marks of a measure: what may change on an approved plan
    static bool isExecutionField(const QString &field);

    friend bool operator==(const PlanChange &, const PlanChange &) = default;
};

} // namespace objectivity::core
