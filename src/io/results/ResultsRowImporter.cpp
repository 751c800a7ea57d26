#include "results/ResultsRowImporter.h"

#include "formats/TableSource.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/results/ClassName.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/core/results/SchoolKind.h"
#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/core/results/SubjectCatalog.h"
#include "objectivity/core/results/TeacherMark.h"
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/results/MarkScaleRepository.h"
#include "objectivity/storage/results/ResultsRepository.h"
#include "results/ResultsCellText.h"
#include "results/ResultsHeadings.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using objectivity::core::Error;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::io {

namespace {

using cellText::gradeFromText;
using cellText::gradeOfClass;
using cellText::notAttempted;
using cellText::toDouble;
using cellText::toInt;
using cellText::variantNumber;
using cellText::yearFromText;
constexpr int kMaxWarnings = 500;

const char16_t *const kFieldNames[] = {u"year",
                                       u"kind",
                                       u"grade",
                                       u"subject",
                                       u"municipality",
                                       u"school_code",
                                       u"school_name",
                                       u"school_kind",
                                       u"locality",
                                       u"class",
                                       u"participant_code",
                                       u"variant",
                                       u"primary_score",
                                       u"mark",
                                       u"test_score",
                                       u"journal_mark",
                                       u"journal_period",
                                       u"annual_mark",
                                       u"medal"};

// A normalized heading («макс. балл») as a heading of a file would show it («Макс. балл»).
QString displayHeading(const QString &normalized) {
    return normalized.isEmpty() ? normalized : normalized.at(0).toUpper() + normalized.mid(1);
}

QString procedureTitle(const core::Procedure &p) {
    return QStringLiteral("%1 %2, %3 класс, %4")
        .arg(core::procedureKindCode(p.kind))
        .arg(p.year)
        .arg(p.grade)
        .arg(p.subject);
}

QString taskKey(core::ProcedureKind kind, int year, int grade, const QString &subject) {
    return QStringLiteral("%1|%2|%3|%4")
        .arg(core::procedureKindCode(kind))
        .arg(year)
        .arg(grade)
        .arg(subject);
}
} // namespace

ResultsRowImporter::ResultsRowImporter(storage::Database &db, storage::ResultsRepository &repo,
                                       qint64 importId)
    : m_db(db), m_repo(repo), m_importId(importId) {
    std::fill(std::begin(m_col), std::end(m_col), -1);
}

ResultsRowImporter::~ResultsRowImporter() {
    qDeleteAll(m_procedures);
}

bool ResultsRowImporter::tick() {
    if ((++m_seen & 4095) != 0 || !m_progress)
        return true;
    qint64 done = 0, total = 0;
    m_src->progress(&done, &total);
    if (!m_progress(done, total))
        m_cancelled = true;
    return !m_cancelled;
}

Status ResultsRowImporter::cancelledError() const {
    Error e;
    e.file = m_src ? m_src->fileName() : QString();
    e.message = ResultsImporter::cancelledMessage();
    return e;
}

namespace {

// One summary warning: «… (участников: 12): «4+» (по журналу) — 7, …». A column of free text must
// not make a page-long warning, so at most 20 values are listed.
QString countedWarning(const QString &text, const QMap<QString, int> &counts, bool quote) {
    int total = 0;
    QStringList values;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        total += it.value();
        if (values.size() < 20)
            values << QStringLiteral("%1 — %2").arg(quote ? core::quoteForMessage(it.key(), 60)
                                                          : it.key(),
                                                    core::NumberText::grouped(it.value()));
    }
    if (counts.size() > values.size())
        values << QStringLiteral("и ещё %1").arg(counts.size() - values.size());
    return text.arg(core::NumberText::grouped(total), values.join(QStringLiteral(", ")));
}

} // namespace

QStringList ResultsRowImporter::warnings() const {
    QStringList summaries;
    if (m_codesFromRows && m_rows > 0)
        summaries << QStringLiteral("В файле нет столбца «Код участника»: работа названа файлом и "
                                    "строкой («%1, стр. …»). Работы одних и тех же учеников в "
                                    "разные годы без кодов не сопоставляются; остальные критерии "
                                    "анализа проверяются как обычно")
                         .arg(m_src ? m_src->fileName() : QString());
    if (!m_unreadVariants.isEmpty())
        summaries << countedWarning(QStringLiteral("Номер варианта не распознан, участник учтён "
                                                   "без него (участников: %1): %2"),
                                    m_unreadVariants, true);
    if (!m_unknownMedals.isEmpty())
        summaries << countedWarning(QStringLiteral("Медаль не учтена (участников: %1): значения в "
                                                   "столбце «Медаль» не распознаны (%2)"),
                                    m_unknownMedals, true);
    if (!m_signedMarks.isEmpty())
        summaries << countedWarning(
            QStringLiteral("Отметки с «+» или «−» учтены без знака, в "
                           "пятибалльной шкале его нет (участников: %1): %2"),
            m_signedMarks, false);
    if (!m_notMarks.isEmpty())
        summaries << countedWarning(QStringLiteral("Отметка не выставлена, участник учтён без неё "
                                                   "(участников: %1): %2"),
                                    m_notMarks, false);
    if (!m_noTaskPoints.isEmpty())
        summaries << countedWarning(
            QStringLiteral(
                "Баллов по заданиям нет, только первичный балл (работ: %1; по логинам "
                "ОО: %2). Анализ не учитывает эти работы в критериях по заданиям «Лёгкие "
                "задания хуже, сложные лучше» и «Много работ „сложное решено, лёгкое "
                "нет“»: школа без баллов по заданиям по ним не проверяется"),
            m_noTaskPoints, false);
    if (!m_summaryRows.isEmpty())
        summaries << QStringLiteral("Файл «%1»: строки итогов пропущены — это не участники "
                                    "(%2: %3)")
                         .arg(m_src ? m_src->fileName() : QString(),
                              m_summaryRows.size() == 1 ? QStringLiteral("строка")
                                                        : QStringLiteral("строки"),
                              m_summaryRows.size() > 10
                                  ? (m_summaryRows.mid(0, 10) << QStringLiteral("…"))
                                        .join(QStringLiteral(", "))
                                  : m_summaryRows.join(QStringLiteral(", ")));
    return summaries + m_warnings;
}

int ResultsRowImporter::warningCount() const {
    return m_warningCount + (m_codesFromRows && m_rows > 0 ? 1 : 0) +
           (m_unreadVariants.isEmpty() ? 0 : 1) + (m_unknownMedals.isEmpty() ? 0 : 1) +
           (m_signedMarks.isEmpty() ? 0 : 1) + (m_notMarks.isEmpty() ? 0 : 1) +
           (m_noTaskPoints.isEmpty() ? 0 : 1) + (m_summaryRows.isEmpty() ? 0 : 1);
}

QString ResultsRowImporter::summaryRowTitle(const QStringList &cells) const {
    if (!m_codesFromRows && !cell(cells, Code).isEmpty())
        return QString();
    const auto first = std::find_if(cells.cbegin(), cells.cend(),
                                    [](const QString &c) { return !c.trimmed().isEmpty(); });
    if (first == cells.cend())
        return QString();
    // whole words: «Средняя общеобразовательная школа» or «Итоговая» are not totals
    static const QRegularExpression totals(
        QStringLiteral(R"(^(?:итого|итог|всего|сумма|количество|кол-во|число участников|доля|)"
                       R"(процент|в среднем|среднее|средний балл|средний первичный балл|)"
                       R"(средняя отметка)(?![а-яёa-z]))"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const QString text = first->simplified();
    if (totals.match(text).hasMatch())
        return text;
    // numbers under the columns (a sum, an average) with nothing to say whose they are
    const Field identity[] = {Year, Kind, Subject, SchoolCode};
    const bool nobodys = std::all_of(std::begin(identity), std::end(identity),
                                     [&](Field f) { return cell(cells, f).isEmpty(); });
    return nobodys ? QStringLiteral("без подписи") : QString();
}

Status ResultsRowImporter::teacherMarkField(const QStringList &cells, Field f, int *out) {
    const QString v = cell(cells, f);
    if (v.isEmpty())
        return {};
    const bool journal = f == Journal;
    const QString what =
        journal ? QStringLiteral("отметки по журналу") : QStringLiteral("годовой отметки");
    if (!toInt(v, out)) {
        const core::TeacherMark m = core::teacherMarkFromText(v);
        const QString counted = QStringLiteral("%1 (%2)").arg(
            core::quoteForMessage(v.simplified(), 20),
            journal ? QStringLiteral("по журналу") : QStringLiteral("годовая"));
        switch (m.form) {
        case core::TeacherMark::Form::Plain:
            break;
        case core::TeacherMark::Form::Signed:
            m_signedMarks[counted] += 1;
            break;
        case core::TeacherMark::Form::NoMark:
            m_notMarks[counted] += 1;
            *out = 0;
            return {};
        case core::TeacherMark::Form::Average:
            return m_src->errorAt(
                m_col[f], QStringLiteral("вместо %1 дробное число %2 — похоже на средний балл. "
                                         "Нужна выставленная отметка: целое число от 1 до 5")
                              .arg(what, core::quoteForMessage(v)));
        case core::TeacherMark::Form::Unreadable:
            return m_src->errorAt(
                m_col[f], QStringLiteral("вместо %1 текст %2 (ожидается отметка от 1 до 5, "
                                         "«4+», «отлично» или пометка «н/а», «осв.», «зачёт»)")
                              .arg(what, core::quoteForMessage(v)));
        }
        *out = m.mark;
    }
    if (*out < 1 || *out > 5)
        return m_src->errorAt(
            m_col[f], QStringLiteral("%1 %2 вне допустимых значений 1..5").arg(what).arg(*out));
    return {};
}

bool ResultsRowImporter::warnMore() {
    if (m_warnings.size() < kMaxWarnings)
        return true;
    ++m_warningCount; // counted, not formatted
    return false;
}

void ResultsRowImporter::warn(const QString &message) {
    ++m_warningCount;
    if (m_warnings.size() < kMaxWarnings)
        m_warnings << message;
}

QString ResultsRowImporter::cell(const QStringList &cells, Field f) const {
    const int c = m_col[f];
    return c >= 0 && c < cells.size() ? cells.at(c).trimmed() : QString();
}

Status ResultsRowImporter::mapColumns(const QStringList &header,
                                      const QHash<QString, QString> &mappings,
                                      QList<int> *fisokoMax) {
    QStringList unknown;
    for (int c = 0; c < header.size(); ++c) {
        int max = -1;
        const QString field = ResultsHeadings::field(header.at(c), mappings, &max);
        if (field.isEmpty()) {
            if (!header.at(c).trimmed().isEmpty())
                unknown << header.at(c).trimmed();
            continue;
        }
        if (field.startsWith(QLatin1String("task:"))) {
            m_taskColumns.append({field.mid(5), c});
            if (fisokoMax)
                fisokoMax->append(max);
            continue;
        }
        for (int f = 0; f < FieldCount; ++f)
            if (field == QString::fromUtf16(kFieldNames[f]) && m_col[f] < 0) {
                m_col[f] = c;
                if (f == Journal)
                    m_headingPeriod = ResultsHeadings::periodInHeading(header.at(c));
            }
    }
    m_src->setHeadings(header);
    QStringList quotedUnknown;
    for (const QString &u : std::as_const(unknown))
        quotedUnknown << core::quoteForMessage(u, 60);
    if (quotedUnknown.size() > 20)
        quotedUnknown = quotedUnknown.mid(0, 20) << QStringLiteral("…");
    // a ФИС ОКО export always has the codes; a flat table without them names works by row
    if (fisokoMax && m_col[Code] < 0)
        return m_src->errorAt(
            -1, QStringLiteral("не найден столбец «Код участника»%1")
                    .arg(unknown.isEmpty() ? QString()
                                           : QStringLiteral("; нераспознанные столбцы: %1 "
                                                            "— укажите при импорте, что в них "
                                                            "(сопоставление столбцов)")
                                                 .arg(quotedUnknown.join(QStringLiteral(", ")))));
    for (const QString &u : std::as_const(unknown))
        warn(QStringLiteral("Файл «%1»: столбец %2 не распознан и пропущен (укажите при импорте, "
                            "какому полю он соответствует)")
                 .arg(m_src->fileName(), core::quoteForMessage(u)));
    return {};
}

Status ResultsRowImporter::loadTasks(const QString &path) {
    std::unique_ptr<TableSource> src;
    if (auto e = TableSource::open(path, &src))
        return *e;
    QStringList cells;
    if (!src->next(cells))
        return src->error() ? *src->error()
                            : src->errorAt(-1, QStringLiteral("файл описания заданий пуст"));
    QHash<QString, int> col;
    for (int c = 0; c < cells.size(); ++c)
        col.insert(ResultsHeadings::normalize(cells.at(c)), c);
    const QStringList need = {QStringLiteral("год"),        QStringLiteral("процедура"),
                              QStringLiteral("параллель"),  QStringLiteral("предмет"),
                              QStringLiteral("номер"),      QStringLiteral("метка"),
                              QStringLiteral("макс. балл"), QStringLiteral("уровень")};
    for (const QString &n : need)
        if (!col.contains(n))
            return src->errorAt(-1, QStringLiteral("в описании заданий нет столбца %1")
                                        .arg(core::quoteForMessage(displayHeading(n))));
    QHash<QString, QList<QPair<int, core::TaskInfo>>> byKey;
    while (src->next(cells)) {
        auto get = [&](const QString &n) {
            const int c = col.value(n);
            return c < cells.size() ? cells.at(c).trimmed() : QString();
        };
        int year, grade, number, max;
        core::ProcedureKind kind;
        const QString subject = core::SubjectCatalog::canonical(get(QStringLiteral("предмет")));
        if (!toInt(get(QStringLiteral("год")), &year) ||
            !toInt(get(QStringLiteral("параллель")), &grade) ||
            !toInt(get(QStringLiteral("номер")), &number) ||
            !toInt(get(QStringLiteral("макс. балл")), &max) ||
            !core::procedureKindFromText(get(QStringLiteral("процедура")), &kind) ||
            subject.isEmpty())
            return src->errorAt(-1, QStringLiteral("строка описания заданий не читается: "
                                                   "нужны год, процедура, параллель, известный "
                                                   "предмет, номер и максимальный балл числами"));
        byKey[taskKey(kind, year, grade, subject)].append(
            {number, core::TaskInfo{get(QStringLiteral("метка")), max,
                                    core::taskLevelFromText(get(QStringLiteral("уровень")))}});
    }
    if (src->error())
        return *src->error();
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        std::stable_sort(it->begin(), it->end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QList<core::TaskInfo> tasks;
        for (const auto &p : std::as_const(*it))
            tasks << p.second;
        m_taskDescriptions.insert(it.key(), tasks);
    }
    return {};
}

Result<ResultsRowImporter::ProcedureState *> ResultsRowImporter::addProcedure(core::Procedure p,
                                                                              bool tasksFromFile) {
    auto stored = m_repo.ensureProcedure(p);
    if (!stored)
        return stored.error();
    if (auto *existing = m_procedures.value(stored->id))
        return existing;
    auto *state = new ProcedureState;
    state->procedure = stored.value();
    if (!p.tasks.isEmpty() && !stored->tasks.isEmpty() && tasksFromFile &&
        stored->tasks.size() != p.tasks.size()) {
        delete state;
        return m_src->errorAt(-1, QStringLiteral("в файле у процедуры «%1» %2 заданий, а в базе "
                                                 "уже записано %3")
                                      .arg(procedureTitle(p))
                                      .arg(p.tasks.size())
                                      .arg(stored->tasks.size()));
    }
    state->taskCount = int(state->procedure.tasks.size());
    state->maxKnown = std::any_of(state->procedure.tasks.cbegin(), state->procedure.tasks.cend(),
                                  [](const core::TaskInfo &t) { return t.maxPoints > 0; });
    if (state->taskCount == 0 && !m_taskColumns.isEmpty()) {
        // No description anywhere: the task columns of the file, maxima unknown.
        for (const auto &tc : std::as_const(m_taskColumns))
            state->procedure.tasks.append({tc.first, 0, core::TaskLevel::Unknown});
        state->taskCount = int(state->procedure.tasks.size());
        if (Status s = m_repo.setProcedureTasks(state->procedure.id, state->procedure.tasks); !s) {
            delete state;
            return s.error();
        }
        warn(QStringLiteral("Процедура «%1»: нет описания заданий (tasks.csv) — максимальные баллы "
                            "неизвестны, баллы за задания не проверяются; анализ возьмёт "
                            "максимумом задания наибольший балл, полученный за него")
                 .arg(procedureTitle(p)));
    } else if (!state->maxKnown && state->taskCount > 0) {
        warn(QStringLiteral("Процедура «%1»: максимальные баллы заданий неизвестны")
                 .arg(procedureTitle(p)));
    }
    storage::MarkScaleRepository scales(m_db);
    auto scale = scales.find(p.kind, p.year, p.grade, p.subject);
    if (!scale) {
        delete state;
        return scale.error();
    }
    state->scale = scale.value();
    const bool scaleKnown = state->scale && state->scale->isMarkScale();
    if (p.kind != core::ProcedureKind::EGE && m_col[Mark] < 0)
        warn(scaleKnown
                 ? QStringLiteral("Процедура «%1»: в файле нет отметок за работу — анализ возьмёт "
                                  "их по шкале перевода баллов в отметки")
                       .arg(procedureTitle(p))
                 : QStringLiteral(
                       "Процедура «%1»: в файле нет отметок за работу, а шкала перевода "
                       "баллов в отметки неизвестна — анализ возьмёт отметки по границам, "
                       "которым следуют отметки других школ, а если их нет — по отметкам, "
                       "которые при таком балле обычно ставят по журналу школы региона; "
                       "границы отметок для скопления баллов тогда неизвестны (шкалу можно "
                       "ввести: «Результаты» → «Шкалы отметок»)")
                       .arg(procedureTitle(p)));
    else if (p.kind != core::ProcedureKind::EGE && !scaleKnown)
        warn(QStringLiteral("Процедура «%1»: шкала перевода баллов в отметки неизвестна — отметки "
                            "взяты из файла без проверки")
                 .arg(procedureTitle(p)));
    m_procedures.insert(state->procedure.id, state);
    return state;
}

Result<ResultsRowImporter::ProcedureState *>
ResultsRowImporter::procedureFor(const QStringList &cells) {
    // Rows come grouped by procedure: compare with the last row's cells before building a key.
    if (m_last) {
        bool same = true;
        for (int k = 0; k < 4 && same; ++k) {
            const int c = m_col[Year + k];
            same = (c >= 0 && c < cells.size() ? QStringView(cells.at(c)).trimmed()
                                               : QStringView()) == QStringView(m_lastCells[k]);
        }
        if (same)
            return m_last;
    }
    const QString raw = cell(cells, Year) + QLatin1Char('|') + cell(cells, Kind) +
                        QLatin1Char('|') + cell(cells, Grade) + QLatin1Char('|') +
                        cell(cells, Subject);
    for (int k = 0; k < 4; ++k)
        m_lastCells[k] = cell(cells, Field(Year + k));
    if (auto *known = m_byRawKey.value(raw)) {
        m_last = known;
        m_lastKey = raw;
        return known;
    }
    core::Procedure p;
    // an empty cell is «не указан», a wrong one is quoted
    const auto bad = [&](Field f, const QString &missing, const QString &wrong) {
        const QString v = cell(cells, f);
        return m_src->errorAt(m_col[f],
                              v.isEmpty() ? missing : wrong.arg(core::quoteForMessage(v)));
    };
    if (!yearFromText(cell(cells, Year), &p.year) || p.year < 2000 || p.year > 2100)
        return bad(Year, QStringLiteral("не указан год"), QStringLiteral("вместо года %1"));
    if (!core::procedureKindFromText(cell(cells, Kind), &p.kind))
        return bad(Kind, QStringLiteral("не указана процедура (ВПР, ОГЭ или ЕГЭ)"),
                   QStringLiteral("неизвестная процедура %1 (ожидается ВПР, ОГЭ или ЕГЭ)"));
    if (m_gradeFromClass) {
        if (!gradeOfClass(cell(cells, Grade), &p.grade) || p.grade < 1 || p.grade > 11)
            return bad(Grade, QStringLiteral("в файле нет столбца «Параллель», а класс не указан"),
                       QStringLiteral("в файле нет столбца «Параллель», а класс %1 не "
                                      "начинается с номера параллели (1–11)"));
    } else if (!gradeFromText(cell(cells, Grade), &p.grade) || p.grade < 1 || p.grade > 11) {
        return bad(Grade, QStringLiteral("не указана параллель (1–11)"),
                   QStringLiteral("вместо параллели (1–11) %1"));
    }
    p.subject = core::SubjectCatalog::canonical(cell(cells, Subject));
    if (p.subject.isEmpty())
        return bad(Subject, QStringLiteral("не указан предмет"),
                   QStringLiteral("неизвестный предмет %1"));
    p.tasks = m_taskDescriptions.value(taskKey(p.kind, p.year, p.grade, p.subject));
    auto state = addProcedure(p, !p.tasks.isEmpty());
    if (!state)
        return state.error();
    m_byRawKey.insert(raw, state.value());
    m_last = state.value();
    m_lastKey = raw;
    return state;
}

Result<qint64> ResultsRowImporter::schoolFor(const QStringList &cells) {
    const int codeColumn = m_col[SchoolCode];
    const QStringView view = codeColumn >= 0 && codeColumn < cells.size()
                                 ? QStringView(cells.at(codeColumn)).trimmed()
                                 : QStringView();
    if (m_lastSchoolId > 0 && view == QStringView(m_lastSchoolTyped))
        return m_lastSchoolId;
    const QString code = core::canonicalSchoolLogin(view);
    if (const auto it = m_schools.constFind(code); it != m_schools.cend()) {
        m_lastSchoolTyped = view.toString();
        m_lastSchoolId = it.value();
        return it.value();
    }
    if (code.isEmpty())
        return m_src->errorAt(m_col[SchoolCode], QStringLiteral("не указан логин ОО (код школы)"));
    core::School s;
    s.code = code;
    s.name = cell(cells, SchoolName);
    s.municipality = cell(cells, Municipality);
    s.kind = core::schoolKindFromText(cell(cells, SchoolKind));
    if (s.kind == core::SchoolKind::Unknown)
        s.kind = core::schoolKindFromText(s.name);
    const QString locality = cell(cells, Locality).toLower();
    s.rural =
        locality.startsWith(QStringLiteral("сел")) || locality.startsWith(QStringLiteral("сельск"));
    auto id = m_repo.upsertSchool(s);
    if (!id)
        return id.error();
    m_schools.insert(code, id.value());
    m_lastSchoolTyped = view.toString();
    m_lastSchoolId = id.value();
    return id;
}

Status ResultsRowImporter::writeRow(ProcedureState *state, qint64 schoolId,
                                    const QStringList &cells) {
    core::ParticipantResult r;
    r.procedureId = state->procedure.id;
    r.schoolId = schoolId;
    r.participantCode =
        m_codesFromRows
            ? QStringLiteral("%1, стр. %2").arg(m_src->fileName()).arg(m_src->rowNumber())
            : cell(cells, Code);
    if (r.participantCode.isEmpty())
        return m_src->errorAt(m_col[Code], QStringLiteral("не указан код участника"));
    if (const QString typed = cell(cells, Class); typed != m_lastClassTyped) {
        m_lastClassTyped = typed;
        m_lastClass = core::canonicalClassName(typed);
    }
    r.className = m_lastClass;
    if (const QString v = cell(cells, Variant);
        !v.isEmpty() && !toInt(v, &r.variant) && !variantNumber(v, &r.variant)) {
        // the analysis does not use the variant: the row is kept without it
        r.variant = 0;
        m_unreadVariants[v.trimmed()] += 1;
    }
    int sum = 0;
    bool anyTask = false;
    r.taskPoints.reserve(state->taskCount);
    for (int i = 0; i < m_taskColumns.size(); ++i) {
        const int c = m_taskColumns.at(i).second;
        const QStringView t = c < cells.size() ? QStringView(cells.at(c)).trimmed() : QStringView();
        if (i >= state->taskCount) {
            if (!t.isEmpty())
                return m_src->errorAt(c, QStringLiteral("у процедуры «%1» %2 заданий, а здесь "
                                                        "заполнено задание %3")
                                             .arg(procedureTitle(state->procedure))
                                             .arg(state->taskCount)
                                             .arg(i + 1));
            continue;
        }
        if (t.isEmpty() || notAttempted(t)) {
            r.taskPoints.append(core::ParticipantResult::kNotAttempted);
            continue;
        }
        int points;
        if (!toInt(t, &points))
            return m_src->errorAt(c, QStringLiteral("вместо баллов за задание %1 текст %2")
                                         .arg(state->procedure.tasks.at(i).label,
                                              core::quoteForMessage(t.toString())));
        const int max = state->procedure.tasks.at(i).maxPoints;
        if (points < 0 || points > 127 || (max > 0 && points > max))
            return m_src->errorAt(c, QStringLiteral("за задание %1 указано %2 б., а максимум — %3")
                                         .arg(state->procedure.tasks.at(i).label)
                                         .arg(points)
                                         .arg(max > 0 ? max : 127));
        r.taskPoints.append(std::int8_t(points));
        sum += points;
        anyTask = true;
    }
    while (r.taskPoints.size() < state->taskCount)
        r.taskPoints.append(core::ParticipantResult::kNotAttempted);
    const QString primary = cell(cells, Primary);
    if (primary.isEmpty()) {
        r.primaryScore = sum;
    } else if (!toDouble(primary, &r.primaryScore) || r.primaryScore < 0) {
        return m_src->errorAt(
            m_col[Primary],
            QStringLiteral("вместо первичного балла %1").arg(core::quoteForMessage(primary)));
    } else if (!anyTask && state->taskCount > 0 && r.primaryScore > 0) {
        m_noTaskPoints[core::canonicalSchoolLogin(cell(cells, SchoolCode))] += 1;
    } else if (anyTask && std::fabs(r.primaryScore - sum) > 1e-6 && warnMore()) {
        warn(QStringLiteral("%1: первичный балл %2 не равен сумме баллов за задания (%3); оставлен "
                            "балл из файла, а баллы по заданиям этой работы анализ не учитывает")
                 .arg(m_src->place(m_col[Primary]), primary)
                 .arg(sum));
    }
    auto markField = [&](Field f, int *out, int low, const QString &what) -> Status {
        const QString v = cell(cells, f);
        if (v.isEmpty())
            return {};
        if (!toInt(v, out))
            return m_src->errorAt(
                m_col[f], QStringLiteral("вместо %1 текст %2").arg(what, core::quoteForMessage(v)));
        if (*out < low || *out > 5)
            return m_src->errorAt(
                m_col[f],
                QStringLiteral("%1 %2 вне допустимых значений %3..5").arg(what).arg(*out).arg(low));
        return {};
    };
    if (Status s = markField(Mark, &r.mark, 2, QStringLiteral("отметки")); !s)
        return s;
    if (Status s = teacherMarkField(cells, Journal, &r.journalMark); !s)
        return s;
    if (Status s = teacherMarkField(cells, Annual, &r.annualMark); !s)
        return s;
    if (const QString v = cell(cells, Test); !v.isEmpty()) {
        if (!toInt(v, &r.testScore) || r.testScore < 0 || r.testScore > 100)
            return m_src->errorAt(
                m_col[Test],
                QStringLiteral("вместо тестового балла (0–100) %1").arg(core::quoteForMessage(v)));
    }
    if (m_col[Period] < 0)
        r.journalPeriod = r.journalMark > 0 ? m_headingPeriod : core::JournalPeriod::Unknown;
    else if (const QString v = cell(cells, Period);
             !core::journalPeriodFromText(v, &r.journalPeriod) && warnMore())
        warn(QStringLiteral("%1: непонятный период отметки %2")
                 .arg(m_src->place(m_col[Period]), core::quoteForMessage(v)));
    if (const QString v = cell(cells, Medal);
        !core::medalFromText(v, state->procedure.year, &r.medal)) {
        m_unknownMedals[v.trimmed()] += 1;
        if (warnMore())
            warn(QStringLiteral("%1: значение %2 не распознано — медаль не учтена (ожидается "
                                "«золото», «серебро», «да» или пусто)")
                     .arg(m_src->place(m_col[Medal]), core::quoteForMessage(v)));
    }
    if (r.mark > 0 && state->scale &&
        !state->scale->agrees(int(std::floor(r.primaryScore)), r.mark) && warnMore())
        warn(QStringLiteral("%1: отметка %2 не соответствует шкале для первичного балла %3 "
                            "(«3» с %4, «4» с %5, «5» с %6 б.)")
                 .arg(m_src->place(m_col[Mark]))
                 .arg(r.mark)
                 .arg(r.primaryScore)
                 .arg(state->scale->minFor3)
                 .arg(state->scale->minFor4 > 0 ? QString::number(state->scale->minFor4)
                                                : QStringLiteral("?"))
                 .arg(state->scale->minFor5 > 0 ? QString::number(state->scale->minFor5)
                                                : QStringLiteral("?")));
    qint64 duplicateOf = 0;
    if (Status s = m_repo.addParticipant(r, m_importId, &duplicateOf); !s)
        return s;
    if (duplicateOf == -1)
        return m_src->errorAt(m_col[Code], QStringLiteral("код участника %1 повторяется в файле "
                                                          "(та же процедура и школа)")
                                               .arg(core::quoteForMessage(r.participantCode)));
    if (duplicateOf != 0)
        return m_src->errorAt(m_col[Code],
                              QStringLiteral("участник %1 этой процедуры и школы уже "
                                             "загружен из другого файла (загрузка № %2)")
                                  .arg(core::quoteForMessage(r.participantCode))
                                  .arg(duplicateOf));
    ++m_rows;
    return {};
}

Status ResultsRowImporter::findHeader(TableSource &src, const QHash<QString, QString> &mappings,
                                      QStringList &cells, QList<QStringList> *before) {
    for (int scanned = 1;; ++scanned) {
        if (scanned > 50 || !src.next(cells))
            return src.error() ? *src.error()
                               : src.errorInFile(QStringLiteral(
                                     "в первых 50 строках не найдена строка заголовков "
                                     "(со столбцом «Код участника» или со столбцами года, "
                                     "процедуры, предмета и логина ОО)"));
        QStringList fields;
        for (const QString &c : std::as_const(cells))
            fields << ResultsHeadings::field(c, mappings);
        // a ФИС ОКО export (`before` is asked for) is found by its «Код участника» only
        if (before ? fields.contains(QStringLiteral("participant_code"))
                   : ResultsHeadings::isHeader(fields)) {
            // A two-row header: its second row carries the task headings; a levels row stays
            // above.
            if (ResultsHeadings::isSecondHeaderRow(src.peek(), mappings))
                src.next(cells);
            return {};
        }
        if (before)
            *before << cells;
    }
}

Status ResultsRowImporter::readFlat(const QString &path, const QString &tasksFile,
                                    const QHash<QString, QString> &mappings) {
    QString tasks = tasksFile;
    if (tasks.isEmpty()) {
        const QString beside = QFileInfo(path).dir().filePath(QStringLiteral("tasks.csv"));
        if (QFileInfo::exists(beside) && QFileInfo(beside) != QFileInfo(path))
            tasks = beside;
    }
    if (!tasks.isEmpty())
        if (Status s = loadTasks(tasks); !s)
            return s;
    if (auto e = TableSource::open(path, &m_src))
        return *e;
    QStringList cells;
    if (Status s = findHeader(*m_src, mappings, cells, nullptr); !s)
        return s;
    if (Status s = mapColumns(cells, mappings, nullptr); !s)
        return s;
    m_codesFromRows = m_col[Code] < 0;
    m_gradeFromClass = m_col[Grade] < 0 && m_col[Class] >= 0;
    if (m_gradeFromClass)
        m_col[Grade] = m_col[Class];
    for (Field f : {Year, Kind, Grade, Subject, SchoolCode})
        if (m_col[f] < 0)
            return m_src->errorAt(
                -1, QStringLiteral("не найден обязательный столбец %1 (назовите так столбец в "
                                   "файле или укажите при импорте, какой столбец им считать)")
                        .arg(core::quoteForMessage(ResultsHeadings::canonicalHeading(
                            QString::fromUtf16(kFieldNames[f])))));
    while (m_src->next(cells)) {
        if (std::all_of(cells.cbegin(), cells.cend(),
                        [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue;
        if (const QString title = summaryRowTitle(cells); !title.isEmpty()) {
            m_summaryRows << QStringLiteral("%1 %2")
                                 .arg(m_src->rowNumber())
                                 .arg(core::quoteForMessage(title, 30));
            continue;
        }
        auto state = procedureFor(cells);
        if (!state)
            return state.error();
        auto school = schoolFor(cells);
        if (!school)
            return school.error();
        if (Status s = writeRow(state.value(), school.value(), cells); !s)
            return s;
        if (!tick())
            return cancelledError();
    }
    if (m_src->error())
        return *m_src->error();
    return {};
}

} // namespace objectivity::io
