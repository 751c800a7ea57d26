#include "objectivity/core/plan/PlanColumn.h"

#include <array>
#include <utility>

namespace objectivity::core {

namespace {
struct RoleInfo {
    ColumnRole role;
    const char *code;
    const char16_t *heading;
};
constexpr std::array<RoleInfo, 8> kRoles{{
    {ColumnRole::Number, "number", u"№ п/п"},
    {ColumnRole::Measure, "measure", u"Мероприятия"},
    {ColumnRole::Deadline, "deadline", u"Сроки"},
    {ColumnRole::Owners, "owners", u"Ответственные"},
    {ColumnRole::ExpectedResult, "expected_result", u"Ожидаемый результат"},
    {ColumnRole::Status, "status", u"Отметка о выполнении"},
    {ColumnRole::CompletionDate, "completion_date", u"Дата выполнения"},
    {ColumnRole::Note, "note", u"Примечание"},
}};
} // namespace

QString PlanColumn::roleCode(ColumnRole role) {
    for (const auto &r : kRoles)
        if (r.role == role)
            return QString::fromLatin1(r.code);
    return {};
}

ColumnRole PlanColumn::roleFromCode(const QString &code) {
    for (const auto &r : kRoles)
        if (code == QLatin1String(r.code))
            return r.role;
    return ColumnRole::Note;
}

QString PlanColumn::defaultHeading(ColumnRole role) {
    for (const auto &r : kRoles)
        if (r.role == role)
            return QString::fromUtf16(r.heading);
    return {};
}

QList<PlanColumn> PlanColumn::defaultColumns() {
    QList<PlanColumn> columns;
    for (ColumnRole role : {ColumnRole::Number, ColumnRole::Measure, ColumnRole::Deadline,
                            ColumnRole::Owners, ColumnRole::ExpectedResult})
        columns.append({role, defaultHeading(role)});
    return columns;
}

} // namespace objectivity::core
