// The per-school ФИС ОКО export of individual results (layout "fisoko").
#include "results/ResultsHeadings.h"
#include "results/ResultsRowImporter.h"

#include "formats/TableSource.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/core/results/SubjectCatalog.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QRegularExpression>

#include <algorithm>

using objectivity::core::Status;

namespace objectivity::io {

Status ResultsRowImporter::readFisoko(const QString &path, const QString &schoolCode,
                                      const QHash<QString, QString> &mappings) {
    if (auto e = TableSource::open(path, &m_src))
        return *e;
    QList<QStringList> before; // rows above the header: title, login, counts, task levels
    QStringList cells;
    if (Status s = findHeader(mappings, cells, &before); !s)
        return s;
    QList<int> maxima;
    if (Status s = mapColumns(cells, mappings, &maxima); !s)
        return s;
    if (m_taskColumns.isEmpty())
        return m_src->errorAt(-1, QStringLiteral("в заголовке нет столбцов заданий вида «1 (2б)»"));

    // Title: «ВПР 2024 Математика 5 класс»; login «edu053001» anywhere above the header.
    // Cells above the header, each once (a title merged over the width fills every cell).
    const auto joined = [](const QStringList &row) {
        QString line, last;
        for (const QString &c : row)
            if (const QString t = c.trimmed(); !t.isEmpty() && t != last) {
                line += t + QLatin1Char(' ');
                last = t;
            }
        return line;
    };
    QString title;
    for (const QStringList &row : std::as_const(before))
        title += joined(row);
    static const QRegularExpression kindRe(QStringLiteral("(ВПР|ОГЭ|ЕГЭ)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression yearRe(QStringLiteral(R"((?<!\d)(20\d\d)(?!\d))"));
    static const QRegularExpression gradeRe(QStringLiteral(R"((\d{1,2})\s*(?:-?й\s*)?класс)"),
                                            QRegularExpression::CaseInsensitiveOption);
    // «Логин ОО: sch610001» (any login after its label), or a login of the usual form anywhere
    static const QRegularExpression loginRe(
        QStringLiteral(R"(логин(?:\s+оо)?\s*[:—–-]\s*([\w.-]+)|\b((?:edu|sch)\d{3,})\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    core::Procedure p;
    QString subjectText;
    for (const QStringList &row : std::as_const(before)) {
        const QString line = joined(row);
        const auto k = kindRe.match(line);
        const auto y = yearRe.match(line);
        if (k.hasMatch() && y.hasMatch() && subjectText.isEmpty()) {
            QString rest = line;
            rest.remove(kindRe).remove(yearRe).remove(gradeRe);
            subjectText = rest.simplified();
        }
    }
    const auto k = kindRe.match(title);
    const auto y = yearRe.match(title);
    const auto g = gradeRe.match(title);
    if (!k.hasMatch() || !core::procedureKindFromText(k.captured(1), &p.kind) || !y.hasMatch() ||
        !g.hasMatch())
        return m_src->errorAt(-1, QStringLiteral("не найден заголовок вида «ВПР 2024 Математика "
                                                 "5 класс» над таблицей"));
    p.year = y.captured(1).toInt();
    p.grade = g.captured(1).toInt();
    p.subject = core::SubjectCatalog::canonical(subjectText);
    if (p.subject.isEmpty()) {
        // The subject may share its line with other words: try the words one by one and in pairs.
        const QStringList words = subjectText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < words.size() && p.subject.isEmpty(); ++i)
            for (qsizetype n = qMin<qsizetype>(4, words.size() - i); n >= 1 && p.subject.isEmpty();
                 --n)
                p.subject = core::SubjectCatalog::canonical(words.mid(i, n).join(QLatin1Char(' ')));
    }
    if (p.subject.isEmpty())
        return m_src->errorAt(-1, QStringLiteral("неизвестный предмет в заголовке %1")
                                      .arg(core::quoteForMessage(title.trimmed())));
    QString login = core::canonicalSchoolLogin(schoolCode);
    if (login.isEmpty()) {
        const auto m = loginRe.match(title);
        if (!m.hasMatch())
            return m_src->errorAt(-1, QStringLiteral("в файле не указан логин ОО (например, "
                                                     "edu053001): укажите его при импорте"));
        login = core::canonicalSchoolLogin(m.hasCaptured(1) ? m.captured(1) : m.captured(2));
    }
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
