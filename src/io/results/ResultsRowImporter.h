#pragma once
// Reads the rows of a results file (flat or ФИС ОКО layout), checks them and writes them through
// ResultsRepository inside the caller's transaction (private to io).
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/MarkScale.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/core/results/Procedure.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace objectivity::storage {
class Database;
class ResultsRepository;
} // namespace objectivity::storage

namespace objectivity::io {

class TableSource;

class ResultsRowImporter {
public:
    ResultsRowImporter(storage::Database &db, storage::ResultsRepository &repo, qint64 importId);
    ~ResultsRowImporter();

    core::Status readFlat(const QString &path, const QString &tasksFile,
                          const QHash<QString, QString> &mappings);
    core::Status readFisoko(const QString &path, const QString &schoolCode,
                            const QHash<QString, QString> &mappings);
    // Reads rows up to the header (the first row naming «Код участника» within 50 rows; a second
    // header row merged vertically is taken too) into `cells`; the rows above go to `before`,
    // which is asked for a ФИС ОКО export. The import and its preview both find it so.
    static core::Status findHeader(TableSource &src, const QHash<QString, QString> &mappings,
                                   QStringList &cells, QList<QStringList> *before);

    // Called every few thousand rows with (done, total); false cancels (the read returns an error
    // with ResultsImporter::cancelledMessage()).
    void setProgress(std::function<bool(qint64, qint64)> progress) {
        m_progress = std::move(progress);
    }
    bool cancelled() const { return m_cancelled; }

    int rows() const { return m_rows; }
    int procedureCount() const { return int(m_procedures.size()); }
    int schoolCount() const { return int(m_schools.size()); }
    // The row warnings (at most kMaxWarnings), after one line counting the unrecognised medal
    // values, if any.
    QStringList warnings() const;
    // Every warning, the summary lines of warnings() included (as many as warnings() has lines
    // while fewer than 500 are kept).
    int warningCount() const;

    // Columns of the current file.
    enum Field {
        Year,
        Kind,
        Grade,
        Subject,
        Municipality,
        SchoolCode,
        SchoolName,
        SchoolKind,
        Locality,
        Class,
        Code,
        Variant,
        Primary,
        Mark,
        Test,
        Journal,
        Period,
        Annual,
        Medal,
        FieldCount
    };

private:
    struct ProcedureState {
        core::Procedure procedure;
        std::optional<core::MarkScale> scale;
        int taskCount = 0;
        bool maxKnown = false;
    };
    core::Status mapColumns(const QStringList &header, const QHash<QString, QString> &mappings,
                            QList<int> *fisokoMax);
    core::Status loadTasks(const QString &path);
    core::Result<ProcedureState *> procedureFor(const QStringList &cells);
    core::Result<ProcedureState *> addProcedure(core::Procedure p, bool tasksFromFile);
    core::Result<qint64> schoolFor(const QStringList &cells);
    core::Status writeRow(ProcedureState *state, qint64 schoolId, const QStringList &cells);
    // The journal's or the annual mark: «4+» and «н/а» are kept and counted (core::TeacherMark).
    core::Status teacherMarkField(const QStringList &cells, Field f, int *out);
    void warn(const QString &message);
    // False (and the warning only counted) once 500 messages are kept: saves formatting them.
    bool warnMore();
    // Reports progress every 4096 rows; false when the user cancelled.
    bool tick();
    core::Status cancelledError() const;
    QString cell(const QStringList &cells, Field f) const;
    // A row of totals under (or inside) a flat table: no participant code, and the first filled
    // cell says «Итого», «Всего», «Среднее»…; its text, empty when the row is a participant's.
    QString summaryRowTitle(const QStringList &cells) const;

    storage::Database &m_db;
    storage::ResultsRepository &m_repo;
    qint64 m_importId;
    std::unique_ptr<TableSource> m_src;
    int m_col[FieldCount];
    // the period the journal mark's heading names («Отметка за 3 четверть»): the rows' period
    // when the file has no column of its own for it
    core::JournalPeriod m_headingPeriod = core::JournalPeriod::Unknown;
    QList<QPair<QString, int>> m_taskColumns;                 // label → column
    QHash<QString, QList<core::TaskInfo>> m_taskDescriptions; // kind|year|grade|subject
    QHash<QString, ProcedureState *> m_byRawKey;
    QHash<qint64, ProcedureState *> m_procedures;
    QHash<QString, qint64> m_schools;
    QString m_lastKey;
    QString m_lastCells[4];    // year, kind, grade, subject of the last row
    QString m_lastSchoolTyped; // the login of the row before, as written
    // the class of the row before, as written and as core::canonicalClassName writes it
    QString m_lastClassTyped;
    QString m_lastClass;
    qint64 m_lastSchoolId = 0;
    ProcedureState *m_last = nullptr;
    int m_rows = 0;
    qint64 m_seen = 0;
    std::function<bool(qint64, qint64)> m_progress;
    bool m_cancelled = false;
    // no «Параллель» column: the parallel is the number the class begins with («5А» → 5)
    bool m_gradeFromClass = false;
    // no «Код участника» column: a work's code is its file and row («f.csv, стр. 12»)
    bool m_codesFromRows = false;
    QStringList m_warnings;
    int m_warningCount = 0;
    QMap<QString, int> m_unknownMedals;  // value -> rows
    QMap<QString, int> m_signedMarks;    // «4+» (по журналу) -> rows
    QMap<QString, int> m_notMarks;       // «н/а» (годовая) -> rows
    QMap<QString, int> m_unreadVariants; // «А» -> rows: the variant not taken
    // school login -> works with a primary score and no task points (the analysis leaves them
    // out of the task criteria: UnitAccumulator::tasksGiven)
    QMap<QString, int> m_noTaskPoints;
    QStringList m_summaryRows; // «4 («Итого»)»: totals rows of a flat table, skipped
};

} // namespace objectivity::io
