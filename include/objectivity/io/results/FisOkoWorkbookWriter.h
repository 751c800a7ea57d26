#pragma once
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/simulation/GeneratedProcedure.h"
#include "objectivity/simulation/GeneratedSchool.h"

#include <QDateTime>
#include <QString>

struct lxw_workbook;

namespace objectivity::io {

// A school's ВПР results in the ФИС ОКО layout: a workbook with a sheet per procedure (the
// generator writes one procedure per workbook, as ФИС ОКО does). Each sheet: «ВПР 2024 Математика 5
// класс», «Логин ОО: …», «Наименование ОО: …», «Кол-во участников: N», a row of task levels (Б/П/В)
// above the task columns, then the header «Код участника», «Класс», «Вариант», «1 (2б)», «9.1 (1б)»
// …, «Первичный балл», «Отметка», «Отметка по журналу» and a row per participant («X» for a task
// not attempted).
class FisOkoWorkbookWriter {
public:
    // `created` goes into the document properties (with libxlsxwriter's default, the current time,
    // two runs would not give identical files); invalid = now.
    explicit FisOkoWorkbookWriter(const QString &path, const QDateTime &created = QDateTime());
    ~FisOkoWorkbookWriter();
    FisOkoWorkbookWriter(const FisOkoWorkbookWriter &) = delete;
    FisOkoWorkbookWriter &operator=(const FisOkoWorkbookWriter &) = delete;

    void addSheet(const simulation::GeneratedSchool &school,
                  const simulation::GeneratedProcedure &procedure,
                  const QList<core::ParticipantResult> &rows);
    // Writes the file; false (with errorText()) when it could not be written.
    bool close();
    QString errorText() const { return m_error; }
    static QString title(const core::Procedure &procedure); // «ВПР 2024 Математика 5 класс»

private:
    QString m_path;
    lxw_workbook *m_workbook = nullptr;
    QString m_error;
};

} // namespace objectivity::io
