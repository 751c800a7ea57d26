#include "objectivity/io/plan/PlanImporter.h"

#include "objectivity/core/common/FileErrorText.h"
#include "objectivity/io/formats/OfficeConverter.h"
#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/formats/TextDecoder.h"
#include "objectivity/io/formats/ZipArchive.h"
#include "objectivity/io/plan/DocxPlanReader.h"
#include "objectivity/io/plan/HtmlPlanReader.h"
#include "objectivity/io/plan/LayoutTextPlanReader.h"
#include "objectivity/io/plan/OdtPlanReader.h"
#include "objectivity/io/plan/PdfPlanReader.h"
#include "objectivity/io/plan/PlanDocumentParser.h"
#include "objectivity/io/plan/TextPlanReader.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>

using objectivity::core::Error;
using objectivity::core::Result;

namespace objectivity::io {

namespace {

Error fileError(const QString &name, const QString &message) {
    Error e;
    e.file = name;
    e.message = message;
    return e;
}

bool looksLikeHtml(const QString &text) {
    static const QRegularExpression html(
        QStringLiteral(R"(<\s*(html|table|body|!doctype\s+html)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return html.match(text.left(1 << 20)).hasMatch();
}

// A PDF starts with «%PDF-» (readers accept a little junk before it).
bool isPdf(const QByteArray &head) {
    return head.left(1024).contains("%PDF-");
}

// Word 97–2003 (an OLE compound file) or RTF: read through LibreOffice when it is installed.
bool isRtf(const QByteArray &head) {
    return head.startsWith("{\\rtf");
}

// A .doc or .rtf file when LibreOffice is not installed.
Error legacyWithoutLibreOffice(const QByteArray &head, const QString &name) {
    return fileError(name, QStringLiteral("формат %1 программа читает через LibreOffice, а он не "
                                          "установлен: сохраните документ в формате .docx или "
                                          ".odt (или установите LibreOffice)")
                               .arg(isRtf(head) ? QStringLiteral("RTF")
                                                : QStringLiteral("Word 97–2003 (.doc)")));
}

// Refuses the formats that are not plan documents, with a message that says what to do.
std::optional<Error> refuseBinary(const QByteArray &data, const QString &name) {
    if (OfficeConverter::isOleCompound(data) ||
        isRtf(data)) // bytes, not a file: LibreOffice reads files only
        return fileError(name, QStringLiteral("формат %1 программа читает только из файла, через "
                                              "LibreOffice: откройте файл через «Импорт "
                                              "документа» или сохраните документ в формате .docx "
                                              "или .odt")
                                   .arg(isRtf(data) ? QStringLiteral("RTF")
                                                    : QStringLiteral("Word 97–2003 (.doc)")));
    if (TextDecoder::looksBinary(data))
        return fileError(name,
                         QStringLiteral("файл не похож на документ с планом: это двоичные данные "
                                        "(изображение, архив или другой формат); поддерживаются "
                                        ".docx, .odt, .pdf, .html и текст"));
    return std::nullopt;
}

// A zip: an OpenDocument text (content.xml, no word/document.xml) or else a .docx, whose reader
// names what other zips are.
Result<PlanImport> parseZip(const QString &path, const QString &name) {
    bool odt = false;
    if (auto archive = ZipArchive::open(path); archive.ok())
        odt = !archive->contains(QStringLiteral("word/document.xml")) &&
              (archive->contains(QStringLiteral("content.xml")) ||
               archive->contains(QStringLiteral("mimetype")));
    auto doc = odt ? OdtPlanReader::read(path, name) : DocxPlanReader::read(path, name);
    if (!doc.ok())
        return doc.error();
    return PlanDocumentParser::parse(doc.value());
}

Result<PlanImport> parsePdf(const QByteArray &data, const QString &name) {
    auto doc = PdfPlanReader::read(data, name);
    if (!doc.ok())
        return doc.error();
    return PlanDocumentParser::parse(doc.value());
}

Result<PlanImport> parseText(const QString &text, PlanImporter::Format format,
                             const QString &name) {
    if (text.trimmed().isEmpty())
        return fileError(name, QStringLiteral("документ пуст — в нём нет текста"));
    const bool html = format == PlanImporter::Format::Html ||
                      (format == PlanImporter::Format::Auto && looksLikeHtml(text));
    // Columns aligned with spaces (`pdftotext -layout`): rows and columns from the positions; when
    // that finds no plan, the text is read line by line as any other.
    if (!html && LayoutTextPlanReader::looksAligned(text)) {
        auto layout = LayoutTextPlanReader::read(text, name);
        if (!layout.ok())
            return layout.error();
        auto parsed = PlanDocumentParser::parse(layout.value());
        if (parsed.ok())
            return parsed;
    }
    auto doc = html ? HtmlPlanReader::read(text, name) : TextPlanReader::read(text, name);
    if (!doc.ok())
        return doc.error();
    auto parsed = PlanDocumentParser::parse(doc.value());
    // Text pulled out of a PDF cell after cell (`pdftotext` without -layout) has no columns left.
    if (!parsed.ok() && !html && !text.contains(QLatin1Char('\t')) &&
        parsed.error().message.startsWith(QStringLiteral("не найдена таблица"))) {
        Error e = parsed.error();
        e.message +=
            QStringLiteral(". Если это текст, извлечённый из PDF без столбцов, импортируйте сам "
                           "PDF-файл или текст, сохранённый с расположением столбцов "
                           "(pdftotext -layout)");
        return e;
    }
    return parsed;
}

// A .doc or .rtf file converted by LibreOffice (OfficeConverter) and read as the .odt it became.
Result<PlanImport> parseConverted(const QString &path, const QString &name, bool rtf,
                                  const std::atomic<bool> *cancel) {
    QTemporaryDir work;
    if (!work.isValid())
        return fileError(name, QStringLiteral("не удаётся создать временную папку для "
                                              "преобразования документа"));
    auto odt = OfficeConverter::toOdt(path, name, work.path(), cancel);
    if (!odt.ok())
        return odt.error();
    const QString format = rtf ? QStringLiteral("RTF") : QStringLiteral("Word 97–2003 (.doc)");
    auto result = parseZip(odt.value(), name);
    if (!result.ok()) { // LibreOffice opens anything, a damaged file as text: say what was read
        Error e = result.error();
        e.message = QStringLiteral("документ прочитан через LibreOffice как %1, но %2")
                        .arg(format, e.message);
        return e;
    }
    const QString note =
        QStringLiteral("Документ %1 прочитан через LibreOffice (преобразован в .odt): сверьте "
                       "разделы и мероприятия с самим документом.")
            .arg(format);
    result.value().warnings.prepend(note);      // shown in the preview
    result.value().plan.warnings.prepend(note); // kept with the plan
    return result;
}

// A file (or bytes) larger than a plan document can be: refused before it is read or decoded.
std::optional<Error> refuseSize(qint64 size, bool docx, bool pdf, const QString &name) {
    const qint64 limit = docx  ? ReaderLimits::kPlanDocxBytes
                         : pdf ? ReaderLimits::kPlanPdfBytes
                               : ReaderLimits::kPlanTextBytes;
    if (size <= limit)
        return std::nullopt;
    return ReaderLimits::planRefused(name,
                                     QStringLiteral("файл больше %1 (в нём %2)")
                                         .arg(ReaderLimits::size(limit), ReaderLimits::size(size)));
}
} // namespace

Result<PlanImport> PlanImporter::importFile(const QString &path, const std::atomic<bool> *cancel) {
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return fileError(name, QStringLiteral("файл не найден"));
    if (info.isDir())
        return fileError(name, QStringLiteral("это папка, а не файл"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error e = fileError(
            name,
            QStringLiteral("не удаётся открыть файл: %1").arg(core::FileErrorText::russian(file)));
        e.details = file.errorString();
        return e;
    }
    const QByteArray head = file.peek(1024);
    const bool zip = head.startsWith("PK\x03\x04");
    const bool legacy = OfficeConverter::isOleCompound(head) || isRtf(head);
    if (auto refused = refuseSize(info.size(), zip || legacy, isPdf(head), name))
        return *refused;
    if (legacy) {
        if (OfficeConverter::program().isEmpty())
            return legacyWithoutLibreOffice(head, name);
        file.close();
        auto result = parseConverted(path, name, isRtf(head), cancel);
        if (result.ok())
            result.value().plan.sourceFile = info.absoluteFilePath();
        return result;
    }
    if (zip) { // ZipArchive reads the file itself: not into memory here
        file.close();
        auto result = parseZip(path, name);
        if (result.ok())
            result.value().plan.sourceFile = info.absoluteFilePath();
        return result;
    }
    Format format = Format::Auto;
    const QString ext = info.suffix().toLower();
    if (ext == QLatin1String("docx"))
        format = Format::Docx;
    else if (ext == QLatin1String("odt"))
        format = Format::Odt;
    else if (ext == QLatin1String("html") || ext == QLatin1String("htm"))
        format = Format::Html;
    else if (ext == QLatin1String("pdf"))
        format = Format::Pdf;
    auto result = importData(file.readAll(), format, name);
    if (result.ok())
        result.value().plan.sourceFile = info.absoluteFilePath();
    return result;
}

Result<PlanImport> PlanImporter::importData(const QByteArray &data, Format format,
                                            const QString &sourceName) {
    if (data.isEmpty())
        return fileError(sourceName, QStringLiteral("файл пуст"));
    const bool zip = data.startsWith("PK\x03\x04");
    const bool pdf = !zip && isPdf(data);
    if (auto refused = refuseSize(data.size(), zip, pdf, sourceName))
        return *refused;
    if (pdf)
        return parsePdf(data, sourceName);
    if (format == Format::Pdf)
        return fileError(sourceName, QStringLiteral("файл не является документом PDF: в его начале "
                                                    "нет признака «%PDF»"));
    if (format == Format::Odt && !zip)
        return fileError(sourceName,
                         QStringLiteral("файл не является документом ODT (.odt): "
                                        "у него нет структуры zip-архива OpenDocument"));
    if (format == Format::Docx && !zip)
        return fileError(sourceName,
                         QStringLiteral("файл не является документом Word (.docx): "
                                        "у него нет структуры zip-архива Office Open XML"));
    if (zip) {
        // ZipArchive reads files: put the bytes in a temporary one.
        QTemporaryFile tmp;
        if (!tmp.open() || tmp.write(data) != data.size() || !tmp.flush())
            return fileError(sourceName,
                             QStringLiteral("не удаётся сохранить временную копию документа"));
        return parseZip(tmp.fileName(), sourceName);
    }
    if (const auto refused = refuseBinary(data, sourceName))
        return *refused;
    const QByteArray hint =
        format == Format::Text ? QByteArray() : HtmlPlanReader::declaredCharset(data);
    return parseText(TextDecoder::decode(data, TextDecoder::detect(data, hint)), format,
                     sourceName);
}

Result<PlanImport> PlanImporter::importText(const QString &text, const QString &sourceName) {
    return parseText(text, Format::Auto, sourceName);
}

} // namespace objectivity::io
