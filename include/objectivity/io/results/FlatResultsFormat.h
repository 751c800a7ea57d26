#pragma once
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/simulation/GeneratedProcedure.h"
#include "objectivity/simulation/GeneratedSchool.h"

#include <QStringList>

namespace objectivity::io {

// The columns of the generator's flat.csv / flat.xlsx (read back by the results importer):
// «Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;Наименование ОО;Тип ОО;Местность;Класс;
// Код участника;Вариант;З1;…;З20;Первичный балл;Отметка;Тестовый балл;Отметка по журналу;
// Период отметки;Годовая отметка;Медаль».
class FlatResultsFormat {
public:
    static constexpr int kTaskColumns = 20;
    static QStringList header();
    // One participant's cells: task cells empty beyond the procedure's tasks, «X» when not
    // attempted; marks and scores empty when absent.
    static QStringList cells(const simulation::GeneratedSchool &school,
                             const simulation::GeneratedProcedure &procedure,
                             const core::ParticipantResult &row);
    static QString periodText(core::JournalPeriod period); // «четверть», «полугодие», «год»
    static QString medalText(core::Medal medal);     // «», «золото», «серебро»
    static QString levelText(core::TaskLevel level); // «Б», «П», «В»
    // A CSV line with «;» separators; cells with «;», quotes or line breaks are quoted.
    static QString csvLine(const QStringList &cells);
};

} // namespace objectivity::io
