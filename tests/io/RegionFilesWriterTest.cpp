// objectivity-cli generate's files (io::RegionFilesWriter): deterministic for a seed, and readable
// by the results importer and the readers.
#include "objectivity/io/results/RegionFilesWriter.h"
#include "objectivity/io/formats/CsvReader.h"
#include "objectivity/io/formats/XlsxReader.h"
#include "objectivity/io/results/FisOkoWorkbookWriter.h"
#include "objectivity/io/results/FlatResultsFormat.h"
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/simulation/Manipulation.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <memory>

using namespace objectivity;
using namespace objectivity::io;

namespace {

simulation::GeneratorOptions smallRegion(std::uint64_t seed) {
    simulation::GeneratorOptions o;
    o.seed = seed;
    o.schools = 8;
    o.municipalities = 2;
    o.firstYear = 2023;
    o.lastYear = 2024;
    o.manipulationShare = 1.0; // every school that is not a strong control manipulates
    return o;
}

// Relative path → SHA-256 of every file under dir.
QMap<QString, QByteArray> digests(const QString &dir) {
    QMap<QString, QByteArray> result;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << qPrintable(path);
        result.insert(QDir(dir).relativeFilePath(path),
                      QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return result;
}

QList<QStringList> readCsv(const QString &path) {
    std::unique_ptr<CsvReader> reader;
    const auto error = CsvReader::open(path, &reader);
    EXPECT_FALSE(error.has_value()) << qPrintable(error ? error->toString() : QString());
    QList<QStringList> rows;
    if (!reader)
        return rows;
    QStringList fields;
    while (reader->readRecord(fields))
        rows << fields;
    EXPECT_FALSE(reader->error().has_value());
    return rows;
}

std::unique_ptr<storage::Database> openDb(const QTemporaryDir &dir, const QString &name) {
    auto db = storage::Database::open(dir.filePath(name));
    EXPECT_TRUE(db.ok()) << qPrintable(db ? QString() : db.error().toString());
    return db ? std::move(db.value()) : nullptr;
}

struct Written {
    QTemporaryDir dir;
    RegionFilesWriter::Summary summary;
};

const Written &region() {
    static const Written *written = [] {
        auto *w = new Written;
        auto s = RegionFilesWriter::write(smallRegion(11), w->dir.path());
        EXPECT_TRUE(s.ok()) << qPrintable(s ? QString() : s.error().toString());
        if (s)
            w->summary = s.value();
        return w;
    }();
    return *written;
}

} // namespace

TEST(RegionFilesWriter, SameSeedGivesIdenticalFilesOtherSeedDiffers) {
    const Written &first = region();
    ASSERT_GT(first.summary.rows, 1000);
    QTemporaryDir again;
    ASSERT_TRUE(RegionFilesWriter::write(smallRegion(11), again.path()).ok());
    const auto a = digests(first.dir.path());
    const auto b = digests(again.path());
    EXPECT_EQ(a.keys(), b.keys());
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        EXPECT_EQ(it.value(), b.value(it.key())) << "differs: " << qPrintable(it.key());
    EXPECT_TRUE(a.contains(QStringLiteral("flat.csv")));
    EXPECT_TRUE(a.contains(QStringLiteral("flat.xlsx")));
    EXPECT_TRUE(a.contains(QStringLiteral("tasks.csv")));
    EXPECT_TRUE(a.contains(QStringLiteral("ground_truth.csv")));

    QTemporaryDir other;
    ASSERT_TRUE(RegionFilesWriter::write(smallRegion(12), other.path()).ok());
    const auto c = digests(other.path());
    EXPECT_NE(a.value(QStringLiteral("flat.csv")), c.value(QStringLiteral("flat.csv")));
    EXPECT_NE(a.value(QStringLiteral("flat.xlsx")), c.value(QStringLiteral("flat.xlsx")));
}

TEST(RegionFilesWriter, GroundTruthHasTheAgreedHeaderAndCodes) {
    const Written &w = region();
    const QList<QStringList> rows =
        readCsv(QDir(w.dir.path()).filePath(QStringLiteral("ground_truth.csv")));
    ASSERT_FALSE(rows.isEmpty());
    QFile f(QDir(w.dir.path()).filePath(QStringLiteral("ground_truth.csv")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readLine(), QByteArray("year,procedure,grade,subject,school_code,manipulation\n"));
    ASSERT_EQ(rows.size(), w.summary.planted.size() + 1);
    QSet<QString> kinds;
    for (int i = 1; i < rows.size(); ++i) {
        const QStringList &r = rows.at(i);
        ASSERT_EQ(r.size(), 6) << qPrintable(r.join(u','));
        simulation::Manipulation m;
        ASSERT_TRUE(simulation::manipulationFromCode(r.at(5), &m)) << qPrintable(r.at(5));
        const simulation::PlantedManipulation &p = w.summary.planted.at(i - 1);
        EXPECT_EQ(m, p.manipulation);
        EXPECT_EQ(r.at(0).toInt(), p.year);
        EXPECT_EQ(r.at(1), core::procedureKindCode(p.kind));
        EXPECT_EQ(r.at(4), p.schoolCode);
        // Medals are a school-year matter (no subject); every other row names its subject.
        EXPECT_EQ(r.at(3).isEmpty(), m == simulation::Manipulation::MedalsUnsupported);
        kinds << r.at(5);
    }
    EXPECT_GE(kinds.size(), 4) << qPrintable(QStringList(kinds.values()).join(u' '));
}

TEST(RegionFilesWriter, FlatCsvAndXlsxHoldEveryParticipant) {
    const Written &w = region();
    const QDir dir(w.dir.path());
    const QList<QStringList> csv = readCsv(dir.filePath(QStringLiteral("flat.csv")));
    ASSERT_EQ(csv.size(), w.summary.rows + 1);
    EXPECT_EQ(csv.first(), FlatResultsFormat::header());

    auto reader = XlsxReader::open(dir.filePath(QStringLiteral("flat.xlsx")));
    ASSERT_TRUE(reader.ok()) << qPrintable(reader ? QString() : reader.error().toString());
    auto sheet = reader->readSheet(0);
    ASSERT_TRUE(sheet.ok());
    ASSERT_EQ(sheet->rows.size(), csv.size());
    for (int row : {0, 1, int(csv.size()) / 2, int(csv.size()) - 1}) {
        for (int c = 0; c < csv.at(row).size(); ++c)
            EXPECT_EQ(sheet->text(row, c), csv.at(row).at(c)) << "row " << row << " column " << c;
    }
}

TEST(RegionFilesWriter, FlatXlsxIsSkippedWhenTheRowsDoNotFitASheet) {
    // ВПР and ОГЭ rows are counted before generating; ЕГЭ rows can overflow the sheet later.
    const Written &w = region();
    qint64 beforeEge = 0;
    for (const QStringList &r : readCsv(QDir(w.dir.path()).filePath(QStringLiteral("flat.csv"))))
        beforeEge += r.at(1) == QStringLiteral("ВПР") || r.at(1) == QStringLiteral("ОГЭ");
    ASSERT_LT(beforeEge, w.summary.rows);
    for (const qint64 limit : {qint64(500), beforeEge + 1}) {
        QTemporaryDir dir;
        RegionFilesWriter::Options how;
        how.fisoko = false;
        how.maxSheetRows = limit;
        auto s = RegionFilesWriter::write(smallRegion(11), dir.path(), how);
        ASSERT_TRUE(s.ok());
        EXPECT_EQ(s->rows, w.summary.rows);
        EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("flat.xlsx")))) << limit;
        EXPECT_TRUE(s->xlsxSkipped.contains(QStringLiteral("не записан")))
            << qPrintable(s->xlsxSkipped);
        EXPECT_FALSE(s->files.contains(QStringLiteral("flat.xlsx")));
        EXPECT_FALSE(QDir(dir.filePath(QStringLiteral("fisoko"))).exists());
        EXPECT_EQ(readCsv(dir.filePath(QStringLiteral("flat.csv"))).size(), s->rows + 1);
    }
}

TEST(RegionFilesWriter, ResultsImporterReadsFlatCsvWithEveryRow) {
    const Written &w = region();
    QTemporaryDir dbDir;
    auto db = openDb(dbDir, QStringLiteral("flat.sqlite"));
    ASSERT_TRUE(db);
    ResultsImporter importer(*db);
    auto s = importer.importFile(QDir(w.dir.path()).filePath(QStringLiteral("flat.csv")),
                                 ResultsImporter::Options());
    ASSERT_TRUE(s.ok()) << qPrintable(s ? QString() : s.error().toString());
    EXPECT_EQ(s->layout, QStringLiteral("flat"));
    EXPECT_EQ(s->rows, w.summary.rows);
    EXPECT_EQ(s->schools, w.summary.schools);
    for (const QString &warning : s->warnings) // task maxima come from tasks.csv beside the file
        EXPECT_FALSE(warning.contains(QStringLiteral("максимальные баллы"))) << qPrintable(warning);
    storage::ResultsRepository repo(*db);
    auto count = repo.participantCount();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(count.value(), w.summary.rows);
    auto procedures = repo.procedures();
    ASSERT_TRUE(procedures.ok());
    for (const core::Procedure &p : procedures.value()) {
        EXPECT_GT(p.maxPrimary(), 0) << qPrintable(p.subject);
        for (const core::TaskInfo &t : p.tasks)
            EXPECT_NE(t.level, core::TaskLevel::Unknown) << qPrintable(p.subject + t.label);
    }
}

TEST(RegionFilesWriter, ResultsImporterReadsAFisOkoWorkbookAsTheFlatFileHasIt) {
    const Written &w = region();
    const QDir dir(w.dir.path());
    // The largest workbook of 2024.
    QString path;
    qint64 size = 0;
    QDirIterator it(dir.filePath(QStringLiteral("fisoko/2024")), {QStringLiteral("*.xlsx")},
                    QDir::Files, QDirIterator::Subdirectories);
    int workbooks = 0;
    while (it.hasNext()) {
        const QString p = it.next();
        ++workbooks;
        if (QFileInfo(p).size() > size) {
            size = QFileInfo(p).size();
            path = p;
        }
    }
    ASSERT_FALSE(path.isEmpty());
    EXPECT_GT(workbooks, 10);
    const QString login = QFileInfo(path).dir().dirName();
    const QString title = QFileInfo(path).completeBaseName(); // «ВПР 2024 Математика 5 класс»
    ASSERT_TRUE(title.startsWith(QStringLiteral("ВПР 2024 "))) << qPrintable(title);

    // What the flat file has for the same school and procedure.
    int expected = 0;
    for (const QStringList &r : readCsv(dir.filePath(QStringLiteral("flat.csv")))) {
        if (r.at(0) == QStringLiteral("2024") && r.at(1) == QStringLiteral("ВПР") &&
            r.at(5) == login &&
            title == QStringLiteral("ВПР 2024 %1 %2 класс").arg(r.at(3), r.at(2)))
            ++expected;
    }
    ASSERT_GT(expected, 0);

    auto reader = XlsxReader::open(path);
    ASSERT_TRUE(reader.ok());
    auto sheet = reader->readSheet(0);
    ASSERT_TRUE(sheet.ok());
    EXPECT_EQ(sheet->text(0, 0), title);
    EXPECT_EQ(sheet->text(3, 0), QStringLiteral("Кол-во участников: %1").arg(expected));
    EXPECT_EQ(sheet->text(6, 0), QStringLiteral("Код участника"));
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral(R"(^1 \(\dб\)$)")).match(sheet->text(6, 3)).hasMatch())
        << qPrintable(sheet->text(6, 3));
    EXPECT_EQ(sheet->text(5, 3), QStringLiteral("Б")); // the task levels row

    QTemporaryDir dbDir;
    auto db = openDb(dbDir, QStringLiteral("fisoko.sqlite"));
    ASSERT_TRUE(db);
    ResultsImporter importer(*db);
    auto s = importer.importFile(path, ResultsImporter::Options());
    ASSERT_TRUE(s.ok()) << qPrintable(s ? QString() : s.error().toString());
    EXPECT_EQ(s->layout, QStringLiteral("fisoko"));
    EXPECT_EQ(s->rows, expected);
    storage::ResultsRepository repo(*db);
    auto schools = repo.schools();
    ASSERT_TRUE(schools.ok());
    ASSERT_EQ(schools->size(), 1);
    EXPECT_EQ(schools->first().code, login);
    auto procedures = repo.procedures();
    ASSERT_TRUE(procedures.ok());
    ASSERT_EQ(procedures->size(), 1);
    const core::Procedure &p = procedures->first();
    EXPECT_EQ(FisOkoWorkbookWriter::title(p), title);
    int basic = 0;
    for (const core::TaskInfo &t : p.tasks)
        basic += t.level == core::TaskLevel::Basic;
    EXPECT_GT(basic, 0);
    EXPECT_LT(basic, p.tasks.size());
}
