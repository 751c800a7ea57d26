#pragma once
#include <QList>
#include <QString>

namespace objectivity::core {

// What a column of the plan's table holds.
enum class ColumnRole {
    Number,
    Measure,
    Deadline,
    Owners,
    ExpectedResult,
    Status,
    CompletionDate,
    Note
};

// One column of a plan's table: its role and its heading as the document wrote it.
struct PlanColumn {
    ColumnRole role = ColumnRole::Measure;
    QString heading;

    static QString roleCode(ColumnRole role); // "number", "measure", "deadline", ...
    static ColumnRole roleFromCode(const QString &code);
    static QString defaultHeading(ColumnRole role); // «№ п/п», «Мероприятия», «Сроки», ...
    // The columns of a new plan: №, Мероприятия, Сроки, Ответственные, Ожидаемый результат.
    static QList<PlanColumn> defaultColumns();

    friend bool operator==(const PlanColumn &, const PlanColumn &) = default;
};

} // namespace objectivity::core
