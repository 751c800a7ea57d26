#include "objectivity/io/results/FlaggedListImporter.h"

#include "formats/TableSource.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"
#include "results/ResultsHeadings.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using objectivity::core::Error;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::io {

namespace {

enum Column { Year, Login, Municipality, Name, Count, ColumnCount };

int columnOf(const QString &normalized) {
    static const QHash<QString, int> names = {
        {QStringLiteral("год"), Year},
        {QStringLiteral("учебный год"), Year},
        {QStringLiteral("логин"), Login},
        {QStringLiteral("логин оо"), Login},
        {QStringLiteral("код оо"), Login},
        {QStringLiteral("муниципалитет"), Municipality},
        {QStringLiteral("муниципальный район"), Municipality},
        {QStringLiteral("муниципальное образование"), Municipality},
        {QStringLiteral("мо"), Municipality},
        {QStringLiteral("ате"), Municipality},
        {QStringLiteral("оо"), Name},
        {QStringLiteral("наименование оо"), Name},
        {QStringLiteral("наименование"), Name},
        {QStringLiteral("школа"), Name},
        {QStringLiteral("образовательная организация"), Name},
        {QStringLiteral("количество маркеров"), Count},
        {QStringLiteral("кол-во маркеров"), Count},
        {QStringLiteral("число маркеров"), Count},
        {QStringLiteral("всего маркеров"), Count},
    };
    return names.value(normalized, -1);
}

// «4 РУ», «5 МА», «11 ФИ»: a grade and a subject abbreviation.
bool isMarkerHeading(const QString &normalized) {
    static const QRegularExpression re(QStringLiteral(R"(^\d{1,2}\s*(класс\s*)?\S.*$)"));
    return re.match(normalized).hasMatch();
}

// A marker or count cell: blank and 0 are "none"; otherwise a whole number ≥ 0.
bool readCount(const QString &text, int *value, int max = 1000) {
    QString t = text.trimmed();
    if (t.isEmpty()) {
        *value = 0;
        return true;
    }
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (!ok || d < 0 || d != std::floor(d) || d > max)
        return false;
    *value = int(d);
    return true;
}

} // namespace

Result<FlaggedListImporter::Summary>
FlaggedListImporter::importFile(const QString &path, ResultsImporter::OnRepeat onRepeat) {
    if (!QFileInfo::exists(path))
        return Error::inFile(path, QStringLiteral("файл не найден"));
    if (auto tooBig = TableSource::checkSize(path)) // before hashing it
        return *tooBig;
    QString problem;
    const QString hash = ResultsImporter::contentHash(path, &problem);
    if (hash.isEmpty())
        return Error::inFile(path, problem);
    storage::ResultsRepository repo(m_db);
    auto previous = repo.findImportByHash(hash);
    if (!previous)
        return previous.error();
    Summary summary;
    if (previous->id > 0) {
        if (onRepeat == ResultsImporter::OnRepeat::Fail)
            return Error::inFile(
                path, QStringLiteral("этот файл уже загружен (загрузка № %1 от %2, "
                                     "файл %3). Загрузку можно заменить этим файлом "
                                     "или пропустить файл — выберите это при "
                                     "повторной загрузке")
                          .arg(previous->id)
                          .arg(previous->importedAt, core::quoteForMessage(previous->fileName)));
        if (onRepeat == ResultsImporter::OnRepeat::Skip) {
            summary.importId = previous->id;
            summary.skipped = true;
            return summary;
        }
        summary.replaced = true;
    }

    std::unique_ptr<TableSource> src;
    if (auto e = TableSource::open(path, &src))
        return *e;
    QStringList cells;
    int col[ColumnCount];
    std::fill(std::begin(col), std::end(col), -1);
    QList<QPair<QString, int>> markerColumns; // heading → column
    // The header: the first row with «Год» and «Логин».
    int scanned = 0; // the header is looked for in the first 50 rows
    for (;;) {
        if (++scanned > 50 || !src->next(cells))
            return src->error() ? *src->error()
                                : src->errorInFile(QStringLiteral(
                                      "в первых 50 строках не найдена строка заголовков "
                                      "со столбцами «Год» и «Логин»"));
        std::fill(std::begin(col), std::end(col), -1);
        markerColumns.clear();
        for (int c = 0; c < cells.size(); ++c) {
            const QString n = ResultsHeadings::normalize(cells.at(c));
            const int k = columnOf(n);
            if (k >= 0 && col[k] < 0)
                col[k] = c;
            else if (k < 0 && isMarkerHeading(n))
                markerColumns.append({cells.at(c).simplified(), c});
        }
        if (col[Year] >= 0 && col[Login] >= 0)
            break;
    }
    src->setHeadings(cells);
    if (markerColumns.isEmpty())
        return src->errorAt(-1, QStringLiteral("в заголовке нет столбцов признаков вида «4 РУ»"));

    QHash<QString, int> firstRowOf; // exact row content → its row number
    QMap<int, QSet<QString>> loginsByYear;
    QSet<QString> logins;
    Status s = m_db.transaction([&]() -> Status {
        if (summary.replaced)
            if (Status r = repo.removeImport(previous->id); !r)
                return r;
        storage::ResultsRepository::ImportRecord record;
        record.fileName = QFileInfo(path).fileName();
        record.contentHash = hash;
        record.layout = QStringLiteral("flagged");
        auto importId = repo.addImport(record);
        if (!importId)
            return importId.error();
        summary.importId = importId.value();
        auto cell = [&](int c) {
            return c >= 0 && c < cells.size() ? cells.at(c).trimmed() : QString();
        };
        while (src->next(cells)) {
            if (std::all_of(cells.cbegin(), cells.cend(),
                            [](const QString &c) { return c.trimmed().isEmpty(); }))
                continue;
            core::FlaggedSchool f;
            int year = 0;
            if (!readCount(cell(col[Year]), &year, 3000) || year < 2000 || year > 2100)
                return src->errorAt(
                    col[Year],
                    QStringLiteral("вместо года %1").arg(core::quoteForMessage(cell(col[Year]))));
            f.year = year;
            f.schoolCode = core::canonicalSchoolLogin(cell(col[Login]));
            if (f.schoolCode.isEmpty())
                return src->errorAt(col[Login], QStringLiteral("не указан логин ОО"));
            f.municipality = cell(col[Municipality]);
            // Names are kept exactly as published (double spaces and all).
            f.schoolName =
                col[Name] >= 0 && col[Name] < cells.size() ? cells.at(col[Name]) : QString();
            for (const auto &[heading, c] : std::as_const(markerColumns)) {
                int v = 0;
                if (!readCount(cell(c), &v))
                    return src->errorAt(c, QStringLiteral("вместо числа признака %1")
                                               .arg(core::quoteForMessage(cell(c))));
                if (v != 0)
                    f.markers.insert(heading, v);
            }
            int count = 0;
            if (col[Count] >= 0) {
                if (!readCount(cell(col[Count]), &count))
                    return src->errorAt(col[Count],
                                        QStringLiteral("вместо количества маркеров %1")
                                            .arg(core::quoteForMessage(cell(col[Count]))));
                if (count != f.markers.size())
                    summary.warnings
                        << QStringLiteral("Строка %1: количество маркеров %2, а отмечено "
                                          "%3")
                               .arg(src->rowNumber())
                               .arg(count)
                               .arg(f.markers.size());
            } else {
                count = int(f.markers.size());
            }
            f.markerCount = count;
            ++summary.rows;
            ++summary.rowsPerYear[f.year];
            loginsByYear[f.year].insert(f.schoolCode);
            logins.insert(f.schoolCode);
            QString key = QString::number(f.year) + QChar(0x1f) + f.schoolCode + QChar(0x1f) +
                          f.municipality + QChar(0x1f) + f.schoolName + QChar(0x1f) +
                          QString::number(f.markerCount);
            for (auto it = f.markers.cbegin(); it != f.markers.cend(); ++it)
                key += QChar(0x1f) + it.key() + QLatin1Char('=') + QString::number(it.value());
            bool inserted = false;
            if (Status r = repo.addFlag(f, summary.importId, &inserted); !r)
                return r;
            if (inserted) {
                ++summary.stored;
                firstRowOf.insert(key, src->rowNumber());
            } else {
                ++summary.repeats;
                const int first = firstRowOf.value(key);
                summary.warnings << (first > 0 ? QStringLiteral("Строка %1 повторяет строку %2 "
                                                                "(%3, %4) и записана один раз")
                                                     .arg(src->rowNumber())
                                                     .arg(first)
                                                     .arg(f.year)
                                                     .arg(f.schoolCode)
                                               : QStringLiteral("Строка %1 (%2, %3) уже есть в "
                                                                "загруженном ранее списке")
                                                     .arg(src->rowNumber())
                                                     .arg(f.year)
                                                     .arg(f.schoolCode));
            }
        }
        if (src->error())
            return *src->error();
        if (summary.rows == 0)
            return src->errorAt(-1, QStringLiteral("в списке нет ни одной строки"));
        return repo.finishImport(summary.importId, summary.stored, summary.warnings);
    });
    if (!s)
        return s.error();
    for (auto it = loginsByYear.cbegin(); it != loginsByYear.cend(); ++it)
        summary.schoolsPerYear.insert(it.key(), int(it.value().size()));
    summary.distinctSchools = int(logins.size());
    for (const QString &login : std::as_const(logins))
        if (std::all_of(loginsByYear.cbegin(), loginsByYear.cend(),
                        [&](const QSet<QString> &set) { return set.contains(login); }))
            ++summary.inAllYears;
    return summary;
}

} // namespace objectivity::io
