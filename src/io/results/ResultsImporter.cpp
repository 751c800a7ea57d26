#include "objectivity/io/results/ResultsImporter.h"

#include "formats/TableSource.h"
#include "objectivity/core/common/FileErrorText.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"
#include "results/FisokoHeading.h"
#include "results/ResultsHeadings.h"
#include "results/ResultsRowImporter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

using objectivity::core::Error;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::io {

namespace {

// The rows of a sheet a preview reads: the header is looked for in the first 50, then
// `maxRows` rows with a value follow (a sheet of a region's results has tens of thousands, read in
// seconds)
constexpr int kPreviewSheetRows = 1000;

// Reads up to 30 rows to tell the layouts apart: a flat header names the procedure and the year in
// columns; a ФИС ОКО export has «Код участника» but no such columns.
ResultsImporter::Layout detectLayout(const QString &path, const QHash<QString, QString> &mappings) {
    std::unique_ptr<TableSource> src;
    if (TableSource::open(path, &src, kPreviewSheetRows))
        return ResultsImporter::Layout::Flat; // the flat reader reports the error
    QStringList cells;
    for (int i = 0; i < 30 && src->next(cells); ++i) {
        QStringList fields;
        for (const QString &c : std::as_const(cells))
            fields << ResultsHeadings::field(c, mappings);
        if (ResultsHeadings::isHeader(fields))
            return fields.contains(QStringLiteral("year")) ||
                           fields.contains(QStringLiteral("kind")) ||
                           !fields.contains(QStringLiteral("participant_code"))
                       ? ResultsImporter::Layout::Flat
                       : ResultsImporter::Layout::Fisoko;
    }
    return ResultsImporter::Layout::Flat;
}

// The remembered mappings with the user's ones over them (normalized heading → field).
Result<QHash<QString, QString>> effectiveMappings(storage::ResultsRepository &repo,
                                                  const ResultsImporter::Options &options,
                                                  const QString &path) {
    auto remembered = repo.headingMappings();
    if (!remembered)
        return remembered.error();
    QHash<QString, QString> mappings = remembered.value();
    for (auto it = options.mappings.cbegin(); it != options.mappings.cend(); ++it) {
        QString field = it.value().trimmed();
        if (ResultsHeadings::isTaskField(field)) // «task:1к1» → «task:1К1», as a heading gives it
            field = QStringLiteral("task:") +
                    ResultsHeadings::taskLabel(ResultsHeadings::normalize(field.mid(5)));
        if (field == QLatin1String("task:N") || (!ResultsHeadings::fieldNames().contains(field) &&
                                                 !ResultsHeadings::isTaskField(field)))
            return Error::inFile(
                path, QStringLiteral("неизвестное поле «%1» в сопоставлении «%2»; "
                                     "допустимые поля: %3 (вместо N — номер задания)")
                          .arg(field, it.key(),
                               ResultsHeadings::fieldNames().join(QStringLiteral(", "))));
        mappings.insert(ResultsHeadings::normalize(it.key()), field);
    }
    return mappings;
}

// For the length of one import: no per-row foreign-key lookups (every id written was just read
// from the same tables inside the transaction) and a page cache large enough for the indexes of a
// million rows (128 MB at most). Restored afterwards. PRAGMA foreign_keys cannot change inside a
// transaction, so this wraps it. SQLite only (PostgreSQL has no PRAGMA; its foreign keys stay on).
class BulkPragmas {
public:
    explicit BulkPragmas(storage::Database &db) : m_db(db) {
        if (m_db.isPostgres())
            return;
        QSqlQuery q(m_db.connection());
        if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
            m_cacheSize = q.value(0).toLongLong();
        q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
        q.exec(QStringLiteral("PRAGMA cache_size = -131072"));
    }
    ~BulkPragmas() {
        if (m_db.isPostgres())
            return;
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    }
    BulkPragmas(const BulkPragmas &) = delete;
    BulkPragmas &operator=(const BulkPragmas &) = delete;

private:
    storage::Database &m_db;
    qint64 m_cacheSize = -2000;
};

} // namespace

QStringList ResultsImporter::fieldNames() {
    return ResultsHeadings::fieldNames();
}

QString ResultsImporter::contentHash(const QString &path, QString *problem) {
    QString ignored;
    QString &why = problem ? *problem : ignored;
    QFile f(path);
    // Unbuffered: the hash reads in blocks of its own; QFile's buffer would only add a copy.
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        why = QStringLiteral("файл не удаётся открыть: %1").arg(core::FileErrorText::russian(f));
        return QString();
    }
    QCryptographicHash h(QCryptographicHash::Sha1);
    if (!h.addData(&f)) {
        why = QStringLiteral("файл не удаётся прочитать");
        return QString();
    }
    return QString::fromLatin1(h.result().toHex());
}

bool ResultsImporter::needsConversion(const QString &path) {
    return TableSource::needsConversion(path);
}

Status ResultsImporter::convertFirst(const QString &path, const std::atomic<bool> *cancel) {
    if (auto e = TableSource::convert(path, cancel))
        return *e;
    return {};
}

QString ResultsImporter::cancelledMessage() {
    return QStringLiteral("Импорт отменён");
}

Result<ResultsImporter::Summary> ResultsImporter::importFile(const QString &path,
                                                             const Options &options) {
    if (!QFileInfo::exists(path))
        return Error::inFile(path, QStringLiteral("файл не найден"));
    if (auto tooBig = TableSource::checkSize(path)) // before hashing it
        return *tooBig;
    QString problem;
    const QString hash = contentHash(path, &problem);
    if (hash.isEmpty())
        return Error::inFile(path, problem);

    storage::ResultsRepository repo(m_db);
    auto previous = repo.findImportByHash(hash);
    if (!previous)
        return previous.error();
    Summary summary;
    if (previous->id > 0) {
        if (options.onRepeat == OnRepeat::Fail)
            return Error::inFile(
                path, QStringLiteral("этот файл уже загружен (загрузка № %1 от %2, "
                                     "файл %3, строк: %4). Загрузку можно заменить этим файлом или "
                                     "пропустить файл — выберите это при повторной загрузке")
                          .arg(previous->id)
                          .arg(previous->importedAt, core::quoteForMessage(previous->fileName))
                          .arg(previous->rowCount));
        if (options.onRepeat == OnRepeat::Skip) {
            summary.importId = previous->id;
            summary.layout = previous->layout;
            summary.skipped = true;
            return summary;
        }
        summary.replaced = true;
    }

    auto mappings = effectiveMappings(repo, options, path);
    if (!mappings)
        return mappings.error();

    Layout layout = options.layout;
    if (layout == Layout::Auto)
        layout = detectLayout(path, *mappings);
    summary.layout = layout == Layout::Fisoko ? QStringLiteral("fisoko") : QStringLiteral("flat");

    BulkPragmas bulk(m_db);
    Status s = m_db.transaction([&]() -> Status {
        if (summary.replaced)
            if (Status r = repo.removeImport(previous->id); !r)
                return r;
        storage::ResultsRepository::ImportRecord record;
        record.fileName = QFileInfo(path).fileName();
        record.contentHash = hash;
        record.layout = summary.layout;
        auto importId = repo.addImport(record);
        if (!importId)
            return importId.error();
        summary.importId = importId.value();
        for (auto it = options.mappings.cbegin(); it != options.mappings.cend(); ++it)
            if (Status r = repo.rememberHeading(ResultsHeadings::normalize(it.key()),
                                                it.value().trimmed());
                !r)
                return r;

        // Into an empty table the keys are built once at the end (finishImport), not row by row.
        if (Status r = repo.beginBulkLoad(); !r)
            return r;
        ResultsRowImporter writer(m_db, repo, summary.importId);
        writer.setProgress(options.progress);
        Status read = layout == Layout::Fisoko
                          ? writer.readFisoko(path, options.schoolCode, *mappings)
                          : writer.readFlat(path, options.tasksFile, *mappings);
        if (!read)
            return read;
        summary.rows = writer.rows();
        summary.procedures = writer.procedureCount();
        summary.schools = writer.schoolCount();
        summary.warnings = writer.warnings();
        summary.warningCount = writer.warningCount();
        if (summary.rows == 0)
            return Error::inFile(path,
                                 QStringLiteral("в файле нет ни одной строки с результатами"));
        return repo.finishImport(summary.importId, summary.rows, summary.warnings);
    });
    if (!s)
        return s.error();
    if (options.progress)
        options.progress(1, 1);
    return summary;
}

Result<ResultsImporter::Preview> ResultsImporter::preview(const QString &path,
                                                          const Options &options, int maxRows) {
    if (!QFileInfo::exists(path))
        return Error::inFile(path, QStringLiteral("файл не найден"));
    storage::ResultsRepository repo(m_db);
    auto mappings = effectiveMappings(repo, options, path);
    if (!mappings)
        return mappings.error();
    Layout layout = options.layout == Layout::Auto ? detectLayout(path, *mappings) : options.layout;
    Preview preview;
    preview.layout = layout == Layout::Fisoko ? QStringLiteral("fisoko") : QStringLiteral("flat");
    std::unique_ptr<TableSource> src;
    if (auto e = TableSource::open(path, &src, std::max(kPreviewSheetRows, 50 + 2 * maxRows)))
        return *e;
    preview.sheet = src->sheetName();
    QStringList cells;
    QList<QStringList> before; // the rows above the header
    // the header as the import finds it (of a two-row header, its second row)
    if (Status s = ResultsRowImporter::findHeader(*src, *mappings, cells,
                                                  layout == Layout::Fisoko ? &before : nullptr);
        !s)
        return s.error();
    preview.headerRow = src->rowNumber();
    preview.headings = cells;
    for (const QString &c : std::as_const(cells))
        preview.fields << ResultsHeadings::field(c, *mappings);
    for (int i = 0; i < cells.size(); ++i)
        if (preview.fields.at(i).isEmpty() && !cells.at(i).trimmed().isEmpty())
            preview.unknownHeadings << cells.at(i).trimmed();
    if (layout == Layout::Fisoko) {
        const FisokoHeading heading = FisokoHeading::read(before);
        preview.headingProblem = heading.problem;
        if (heading.problem.isEmpty())
            preview.procedure = heading.procedureText();
        preview.schoolCode = heading.login;
    }
    while (preview.rows.size() < maxRows && src->next(cells))
        if (std::any_of(cells.cbegin(), cells.cend(),
                        [](const QString &c) { return !c.trimmed().isEmpty(); }))
            preview.rows << cells;
    if (src->error())
        return *src->error();
    return preview;
}

} // namespace objectivity::io
