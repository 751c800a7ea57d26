#include "objectivity/io/results/FisOkoWorkbookWriter.h"

#include "objectivity/io/results/FlatResultsFormat.h"

#include <QDir>
#include <xlsxwriter.h>

namespace objectivity::io {

using namespace core;
using namespace simulation;

namespace {
void text(lxw_worksheet *ws, int row, int col, const QString &value) {
    worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), value.toUtf8().constData(), nullptr);
}
void number(lxw_worksheet *ws, int row, int col, double value) {
    worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(col), value, nullptr);
}
} // namespace

FisOkoWorkbookWriter::FisOkoWorkbookWriter(const QString &path, const QDateTime &created)
    : m_path(path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    const QByteArray tmp = QDir::tempPath().toUtf8();
    options.tmpdir = const_cast<char *>(tmp.constData());
    m_workbook = workbook_new_opt(path.toUtf8().constData(), &options);
    if (!m_workbook) {
        m_error = QStringLiteral("Не удалось создать файл «%1»").arg(path);
        return;
    }
    if (created.isValid()) {
        lxw_doc_properties properties = {};
        properties.created = time_t(created.toSecsSinceEpoch());
        workbook_set_properties(m_workbook, &properties);
    }
}

FisOkoWorkbookWriter::~FisOkoWorkbookWriter() {
    close();
}

QString FisOkoWorkbookWriter::title(const Procedure &p) {
    return QStringLiteral("%1 %2 %3 %4 класс")
        .arg(procedureKindCode(p.kind))
        .arg(p.year)
        .arg(p.subject)
        .arg(p.grade);
}

void FisOkoWorkbookWriter::addSheet(const GeneratedSchool &school, const GeneratedProcedure &g,
                                    const QList<ParticipantResult> &rows) {
    if (!m_workbook)
        return;
    const Procedure &p = g.procedure;
    // Sheet names: at most 31 characters, unique in the workbook.
    const QString name = QStringLiteral("%1 %2").arg(p.subject.left(26)).arg(p.grade);
    lxw_worksheet *ws = workbook_add_worksheet(m_workbook, name.toUtf8().constData());
    if (!ws)
        return;
    text(ws, 0, 0, title(p));
    text(ws, 1, 0, QStringLiteral("Логин ОО: ") + school.school.code);
    text(ws, 2, 0, QStringLiteral("Наименование ОО: ") + school.school.name);
    text(ws, 3, 0, QStringLiteral("Кол-во участников: %1").arg(rows.size()));
    const int firstTask = 3;
    text(ws, 5, 0, QStringLiteral("Уровень"));
    for (int t = 0; t < p.tasks.size(); ++t)
        text(ws, 5, firstTask + t, FlatResultsFormat::levelText(p.tasks.at(t).level));
    text(ws, 6, 0, QStringLiteral("Код участника"));
    text(ws, 6, 1, QStringLiteral("Класс"));
    text(ws, 6, 2, QStringLiteral("Вариант"));
    for (int t = 0; t < p.tasks.size(); ++t)
        text(ws, 6, firstTask + t,
             QStringLiteral("%1 (%2б)").arg(p.tasks.at(t).label).arg(p.tasks.at(t).maxPoints));
    const int after = firstTask + int(p.tasks.size());
    text(ws, 6, after, QStringLiteral("Первичный балл"));
    text(ws, 6, after + 1, QStringLiteral("Отметка"));
    text(ws, 6, after + 2, QStringLiteral("Отметка по журналу"));
    int row = 7;
    for (const ParticipantResult &r : rows) {
        text(ws, row, 0, r.participantCode);
        text(ws, row, 1, r.className);
        number(ws, row, 2, r.variant);
        for (int t = 0; t < r.taskPoints.size(); ++t) {
            if (r.taskPoints.at(t) == ParticipantResult::kNotAttempted)
                text(ws, row, firstTask + t, QStringLiteral("X"));
            else
                number(ws, row, firstTask + t, r.taskPoints.at(t));
        }
        number(ws, row, after, r.primaryScore);
        if (r.mark > 0)
            number(ws, row, after + 1, r.mark);
        if (r.journalMark > 0)
            number(ws, row, after + 2, r.journalMark);
        ++row;
    }
}

bool FisOkoWorkbookWriter::close() {
    if (!m_workbook)
        return m_error.isEmpty();
    const lxw_error err = workbook_close(m_workbook);
    m_workbook = nullptr;
    if (err != LXW_NO_ERROR) {
        m_error = QStringLiteral("Не удалось записать «%1»: %2")
                      .arg(m_path, QString::fromUtf8(lxw_strerror(err)));
        return false;
    }
    return true;
}

} // namespace objectivity::io
