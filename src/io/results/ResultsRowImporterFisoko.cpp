// The per-school ФИС ОКО export of individual results (layout "fisoko").
#include "results/FisokoHeading.h"
#include "results/ResultsHeadings.h"
#include "results/ResultsRowImporter.h"

#include "formats/TableSource.h"
#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <algorithm>

using objectivity::core::Status;

namespace objectivity::io {

Status ResultsRowImporter::readFisoko(const QString &path, const QString &schoolCode,
                                      const QHash<QString, QString> &mappings) {
    if (auto e = TableSource::open(path, &m_src))
        return *e;
    QList<QStringList> before; // rows above the header: title, login, counts, task levels
    QStringList cells;
    if (Status s = findHeader(*m_src, mappings, cells, &before); !s)
        return s;
    QList<int> maxima;
    if (Status s = mapColumns(cells, mappings, &maxima); !s)
        return s;
    if (m_taskColumns.isEmpty())
        return m_src->errorAt(-1, QStringLiteral("в заголовке нет столбцов заданий вида «1 (2б)»"));

    // Title «ВПР 2024 Математика 5 класс» and the login «edu053001» above the header.
    const FisokoHeading heading = FisokoHeading::read(before);
    if (!heading.problem.isEmpty())
        return m_src->errorAt(-1, heading.problem);
    core::Procedure p = heading.procedure;
    QString login = core::canonicalSchoolLogin(schoolCode);
    if (login.isEmpty())
        login = heading.login;
    if (login.isEmpty())
        return m_src->errorAt(-1, QStringLiteral("в файле не указан логин ОО (например, "
                                                 "edu053001): укажите его при импорте"));
    // Task levels: the row just above the header with Б/П/В in the task columns.
    QStringList levels = before.isEmpty() ? QStringList() : before.last();
    for (int i = 0; i < m_taskColumns.size(); ++i) {
        const int c = m_taskColumns.at(i).second;
        const core::TaskLevel level = c < levels.size() && levels.at(c).trimmed().size() == 1
                                          ? core::taskLevelFromText(levels.at(c))
                                          : core::TaskLevel::Unknown;
        p.tasks.append({m_taskColumns.at(i).first, qMax(0, maxima.value(i)), level});
    }
    auto state = addProcedure(p, true);
    if (!state)
        return state.error();
    const int max = int(state.value()->procedure.tasks.size());
    for (int i = 0; i < qMin(max, int(p.tasks.size())); ++i)
        if (p.tasks.at(i).maxPoints > 0 && state.value()->procedure.tasks.at(i).maxPoints > 0 &&
            p.tasks.at(i).maxPoints != state.value()->procedure.tasks.at(i).maxPoints)
            return m_src->errorAt(
                m_taskColumns.at(i).second,
                QStringLiteral("максимальный балл задания %1 (%2) расходится с уже "
                               "загруженным (%3)")
                    .arg(p.tasks.at(i).label)
                    .arg(p.tasks.at(i).maxPoints)
                    .arg(state.value()->procedure.tasks.at(i).maxPoints));
    core::School school;
    school.code = login;
    auto schoolId = m_repo.upsertSchool(school);
    if (!schoolId)
        return schoolId.error();
    m_schools.insert(login, schoolId.value());
    while (m_src->next(cells)) {
        const int c = m_col[Code];
        if (c >= cells.size() || cells.at(c).trimmed().isEmpty())
            continue; // empty lines and footers
        if (Status s = writeRow(state.value(), schoolId.value(), cells); !s)
            return s;
        if (!tick())
            return cancelledError();
    }
    if (m_src->error())
        return *m_src->error();
    return {};
}

} // namespace objectivity::io
