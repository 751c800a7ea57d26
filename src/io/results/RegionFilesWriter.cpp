#include "objectivity/io/results/RegionFilesWriter.h"

#include "objectivity/core/common/FileErrorText.h"
#include "objectivity/io/results/FisOkoWorkbookWriter.h"
#include "objectivity/io/results/FlatResultsFormat.h"
#include "objectivity/simulation/RegionGenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTextStream>
#include <QTimeZone>
#include <xlsxwriter.h>

namespace objectivity::io {

using namespace core;
using namespace simulation;

namespace {

Error fileError(const QString &path, const QString &message) {
    Error e;
    e.file = path;
    e.message = message;
    return e;
}

class FilesSink : public RegionSink {
public:
    FilesSink(QTextStream &csv, lxw_workbook *xlsx, const QString &dir,
              const RegionFilesWriter::Options &how, RegionFilesWriter::Summary &summary)
        : m_csv(csv), m_xlsx(xlsx), m_dir(dir), m_how(how), m_summary(summary) {
        if (m_xlsx) {
            m_sheet = workbook_add_worksheet(m_xlsx, "Результаты");
            writeXlsxRow(FlatResultsFormat::header());
        }
    }

    void unit(const GeneratedSchool &school, const GeneratedProcedure &g,
              const QList<ParticipantResult> &rows) override {
        for (const ParticipantResult &r : rows) {
            const QStringList cells = FlatResultsFormat::cells(school, g, r);
            m_csv << FlatResultsFormat::csvLine(cells) << '\n';
            if (m_sheet)
                writeXlsxRow(cells);
        }
        m_summary.rows += rows.size();
        ++m_summary.units;
        if (m_how.fisoko && g.procedure.kind == ProcedureKind::VPR)
            writeFisoko(school, g, rows);
    }

    void endSchoolYear(const GeneratedSchool &, int) override {
        if (m_how.progress && !m_how.progress(m_summary.rows))
            m_cancelled = true;
    }

    bool cancelled() const override { return m_cancelled || !m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool cancelledByUser() const { return m_cancelled; }
    bool xlsxOverflow() const { return m_overflow; }

private:
    // As ФИС ОКО gives them: one workbook per school and procedure,
    // fisoko/2024/edu053001/ВПР 2024 Математика 5 класс.xlsx.
    void writeFisoko(const GeneratedSchool &school, const GeneratedProcedure &g,
                     const QList<ParticipantResult> &rows) {
        const QString folder =
            QStringLiteral("fisoko/%1/%2").arg(g.procedure.year).arg(school.school.code);
        if (!QDir(m_dir).mkpath(folder)) {
            m_error = QStringLiteral("Не удалось создать папку «%1»").arg(folder);
            return;
        }
        const QString path = QDir(m_dir).filePath(folder + QLatin1Char('/') +
                                                  FisOkoWorkbookWriter::title(g.procedure) +
                                                  QStringLiteral(".xlsx"));
        // ВПР results reach the schools in May–June; a fixed date keeps the files identical.
        FisOkoWorkbookWriter book(
            path, QDateTime(QDate(g.procedure.year, 6, 1), QTime(9, 0), QTimeZone::utc()));
        book.addSheet(school, g, rows);
        if (!book.close() && m_error.isEmpty())
            m_error = book.errorText();
        ++m_summary.fisokoWorkbooks;
    }

    void writeXlsxRow(const QStringList &cells) {
        if (m_xlsxRow > m_how.maxSheetRows) {
            m_overflow = true;
            m_sheet = nullptr;
            return;
        }
        for (int c = 0; c < cells.size(); ++c) {
            const QString &v = cells.at(c);
            if (v.isEmpty())
                continue;
            bool numeric = false;
            const int n = v.toInt(&numeric);
            // Codes and logins stay text; scores and marks are numbers.
            if (numeric && c != 5 && c != 10)
                worksheet_write_number(m_sheet, lxw_row_t(m_xlsxRow), lxw_col_t(c), n, nullptr);
            else
                worksheet_write_string(m_sheet, lxw_row_t(m_xlsxRow), lxw_col_t(c),
                                       v.toUtf8().constData(), nullptr);
        }
        ++m_xlsxRow;
    }

    QTextStream &m_csv;
    lxw_workbook *m_xlsx;
    lxw_worksheet *m_sheet = nullptr;
    qint64 m_xlsxRow = 0;
    bool m_overflow = false;
    QString m_dir;
    const RegionFilesWriter::Options &m_how;
    RegionFilesWriter::Summary &m_summary;
    QString m_error;
    bool m_cancelled = false;
};

Status writeText(const QString &path, const QStringList &lines) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return core::FileErrorText::error(path, QStringLiteral("Не удалось создать файл"), f);
    QTextStream out(&f);
    out.setEncoding(QStringConverter::Utf8);
    for (const QString &l : lines)
        out << l << '\n';
    out.flush();
    if (f.error() != QFileDevice::NoError)
        return core::FileErrorText::error(path, QStringLiteral("Не удалось записать файл"), f);
    return {};
}

// Rows of the ВПР and ОГЭ units (every student of the grade sits them).
qint64 knownRows(const SimulatedRegion &plan) {
    qint64 rows = 0;
    for (int y = plan.options().firstYear; y <= plan.options().lastYear; ++y) {
        for (const GeneratedProcedure &g : plan.procedures(y)) {
            if (g.procedure.kind == ProcedureKind::EGE)
                continue;
            for (const GeneratedSchool &school : plan.schools())
                rows += plan.students(school, y, g.procedure.grade).size();
        }
    }
    return rows;
}

QString xlsxSkippedText(qint64 rows, qint64 max, bool atLeast) {
    return QStringLiteral(
               "flat.xlsx не записан: %1%2 строк не помещаются на лист Excel (не более %3); "
               "все строки — в flat.csv")
        .arg(atLeast ? QStringLiteral("не менее ") : QString())
        .arg(rows)
        .arg(max);
}

} // namespace

Result<RegionFilesWriter::Summary>
RegionFilesWriter::write(const GeneratorOptions &options, const QString &dir, const Options &how) {
    if (!QDir().mkpath(dir))
        return fileError(dir, QStringLiteral("Не удалось создать папку"));
    const QDir out(dir);
    const RegionGenerator generator(options);
    const SimulatedRegion &plan = generator.plan();
    Summary summary;
    summary.schools = plan.schools().size();
    summary.planted = plan.planted();

    // tasks.csv: every procedure of every year.
    QStringList tasks = {
        QStringLiteral("Год;Процедура;Параллель;Предмет;Номер;Метка;Макс. балл;Уровень")};
    for (int y = plan.options().firstYear; y <= plan.options().lastYear; ++y) {
        for (const GeneratedProcedure &g : plan.procedures(y)) {
            const Procedure &p = g.procedure;
            for (int t = 0; t < p.tasks.size(); ++t)
                tasks << FlatResultsFormat::csvLine(
                    {QString::number(y), procedureKindCode(p.kind), QString::number(p.grade),
                     p.subject, QString::number(t + 1), p.tasks.at(t).label,
                     QString::number(p.tasks.at(t).maxPoints),
                     FlatResultsFormat::levelText(p.tasks.at(t).level)});
        }
    }
    if (Status s = writeText(out.filePath(QStringLiteral("tasks.csv")), tasks); !s)
        return s.error();
    summary.files << QStringLiteral("tasks.csv");

    QStringList truth = {QStringLiteral("year,procedure,grade,subject,school_code,manipulation")};
    for (const PlantedManipulation &m : plan.planted())
        truth << QStringList{QString::number(m.year),
                             procedureKindCode(m.kind),
                             QString::number(m.grade),
                             m.subject,
                             m.schoolCode,
                             manipulationCode(m.manipulation)}
                     .join(QLatin1Char(','));
    if (Status s = writeText(out.filePath(QStringLiteral("ground_truth.csv")), truth); !s)
        return s.error();
    summary.files << QStringLiteral("ground_truth.csv");

    const QString csvPath = out.filePath(QStringLiteral("flat.csv"));
    QFile csvFile(csvPath);
    if (!csvFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return core::FileErrorText::error(csvPath, QStringLiteral("Не удалось создать файл"),
                                          csvFile);
    QTextStream csv(&csvFile);
    csv.setEncoding(QStringConverter::Utf8);
    csv << FlatResultsFormat::csvLine(FlatResultsFormat::header()) << '\n';

    const QString xlsxPath = out.filePath(QStringLiteral("flat.xlsx"));
    lxw_workbook *xlsx = nullptr;
    // The ВПР and ОГЭ rows alone are known before drawing anything: when they do not fit a sheet,
    // flat.xlsx is not started at all (ЕГЭ rows may still overflow it later).
    const qint64 known = knownRows(plan);
    if (how.xlsx && known > how.maxSheetRows)
        summary.xlsxSkipped = xlsxSkippedText(known, how.maxSheetRows, true);
    const QByteArray tmp = QDir::tempPath().toUtf8();
    if (how.xlsx && summary.xlsxSkipped.isEmpty()) {
        lxw_workbook_options o = {};
        o.constant_memory = LXW_TRUE;
        o.tmpdir = const_cast<char *>(tmp.constData());
        xlsx = workbook_new_opt(xlsxPath.toUtf8().constData(), &o);
        if (!xlsx)
            return fileError(xlsxPath, QStringLiteral("Не удалось создать файл"));
        lxw_doc_properties properties = {};
        properties.created =
            time_t(QDateTime(QDate(options.lastYear, 7, 1), QTime(9, 0), QTimeZone::utc())
                       .toSecsSinceEpoch());
        workbook_set_properties(xlsx, &properties);
    }
    FilesSink sink(csv, xlsx, dir, how, summary);
    generator.run(sink);
    csv.flush();
    const bool csvFailed = csvFile.error() != QFileDevice::NoError;
    csvFile.close();
    if (xlsx) {
        const lxw_error err = workbook_close(xlsx);
        if (sink.xlsxOverflow()) {
            QFile::remove(xlsxPath);
            summary.xlsxSkipped = xlsxSkippedText(summary.rows, how.maxSheetRows, false);
        } else if (err != LXW_NO_ERROR) {
            summary.xlsxSkipped = QStringLiteral("flat.xlsx не записан: %1")
                                      .arg(QString::fromUtf8(lxw_strerror(err)));
        }
    }
    if (csvFailed)
        return fileError(csvPath, QStringLiteral("Не удалось записать файл"));
    if (!sink.error().isEmpty())
        return fileError(dir, sink.error());
    if (sink.cancelledByUser())
        return fileError(dir, QStringLiteral("Создание данных отменено; файлы в папке неполные"));
    summary.files << QStringLiteral("flat.csv");
    if (xlsx && summary.xlsxSkipped.isEmpty())
        summary.files << QStringLiteral("flat.xlsx");
    if (summary.fisokoWorkbooks > 0)
        summary.files << QStringLiteral("fisoko/");
    return summary;
}

} // namespace objectivity::io
