#pragma once
#include "objectivity/core/plan/PlanColumn.h"

#include <QStringList>
#include <optional>

namespace objectivity::io {

// Reads the role of a plan column from the words of its heading: «№ п/п» (and the typo «№ д/п»),
// «Мероприятия», «Наименование мероприятия», «Сроки реализации», «Дата проведения», «Ответственные
// исполнители», «Ожидаемый результат», «Отметка о выполнении», «Примечание», …
class PlanColumnClassifier {
public:
    static std::optional<core::ColumnRole> role(const QString &heading);
    // Whether a table row is a header row: at least two cells with a role, one of them the measure
    // (or the number and a deadline/owners), and almost every filled cell recognised.
    static bool isHeaderRow(const QStringList &cells);
    // A row that only numbers the columns: "1 | 2 | 3 | 4 | 5".
    static bool isColumnNumbering(const QStringList &cells);
};

} // namespace objectivity::io
