#include "objectivity/io/formats/XlsxReader.h"

#include "formats/XlsxCells.h"
#include "formats/XmlPieces.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/io/formats/XmlErrorText.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>

using objectivity::core::Error;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::io {

namespace {

const QLatin1String kRelNs("http://schemas.openxmlformats.org/officeDocument/2006/relationships");

struct Relationship {
    QString id, type, target;
};

// "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml".
QString resolve(const QString &baseDir, const QString &target) {
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    return QDir::cleanPath(baseDir.isEmpty() ? target : baseDir + QLatin1Char('/') + target);
}

QList<Relationship> parseRelationships(const QByteArray &xml) {
    QList<Relationship> rels;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("Relationship")) {
            const auto a = r.attributes();
            rels.append({a.value(QLatin1String("Id")).toString(),
                         a.value(QLatin1String("Type")).toString(),
                         a.value(QLatin1String("Target")).toString()});
        }
    }
    return rels;
}

// Built-in number formats that show dates (ECMA-376 18.8.30).
bool isBuiltinDateFormat(int id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

bool isDateFormatCode(QString code) {
    static const QRegularExpression noise(QStringLiteral(R"("[^"]*"|\[[^\]]*\]|\\.|_.|\*.)"));
    code.remove(noise);
    code = code.toLower();
    if (code == QLatin1String("general"))
        return false;
    return code.contains(QLatin1Char('d')) || code.contains(QLatin1Char('y')) ||
           (code.contains(QLatin1Char('m')) && !code.contains(QLatin1Char('0')) &&
            !code.contains(QLatin1Char('#')));
}

// A merged range of a sheet read up to `rowLimit` rows: cut to those rows, or nothing when it
// starts below them.
void addMerged(XlsxSheet::Range range, int rowLimit, XlsxSheet *sheet) {
    if (rowLimit >= 0) {
        if (range.firstRow >= rowLimit)
            return;
        range.lastRow = std::min(range.lastRow, rowLimit - 1);
    }
    sheet->merged.append(range);
}

} // namespace

XlsxReader::XlsxReader(ZipArchive zip, Limits limits)
    : m_zip(std::make_unique<ZipArchive>(std::move(zip))), m_limits(limits) {}
XlsxReader::XlsxReader(XlsxReader &&) noexcept = default;
XlsxReader &XlsxReader::operator=(XlsxReader &&) noexcept = default;
XlsxReader::~XlsxReader() = default;

Error XlsxReader::error(const QString &message) const {
    Error e;
    e.file = QFileInfo(m_zip->path()).fileName();
    e.message = message;
    return e;
}

Result<XlsxReader> XlsxReader::open(const QString &path, const Limits &limits) {
    ZipArchive::Limits zipLimits;
    zipLimits.maxEntryBytes = limits.maxPartBytes;
    zipLimits.maxTotalBytes = qMax(zipLimits.maxTotalBytes, 2 * limits.maxPartBytes);
    auto zip = ZipArchive::open(path, zipLimits);
    if (!zip)
        return zip.error();
    XlsxReader reader(std::move(zip.value()), limits);
    if (Status s = reader.load(); !s)
        return s.error();
    return reader;
}

Status XlsxReader::load() {
    QString workbookPart = QStringLiteral("xl/workbook.xml");
    if (m_zip->contains(QStringLiteral("_rels/.rels"))) {
        auto rootRels = m_zip->read(QStringLiteral("_rels/.rels"));
        if (!rootRels)
            return rootRels.error();
        for (const Relationship &rel : parseRelationships(*rootRels))
            if (rel.type.endsWith(QLatin1String("/officeDocument")))
                workbookPart = resolve(QString(), rel.target);
    }
    if (!m_zip->contains(workbookPart))
        return error(
            QStringLiteral("это не книга Excel (.xlsx): в архиве нет части %1").arg(workbookPart));
    auto workbook = m_zip->read(workbookPart);
    if (!workbook)
        return workbook.error();
    const QString baseDir = QFileInfo(workbookPart).path() == QLatin1String(".")
                                ? QString()
                                : QFileInfo(workbookPart).path();
    const QString relsPart = (baseDir.isEmpty() ? QString() : baseDir + QLatin1Char('/')) +
                             QStringLiteral("_rels/") + QFileInfo(workbookPart).fileName() +
                             QStringLiteral(".rels");
    QHash<QString, QString> targets;
    QString sharedStringsPart, stylesPart;
    if (m_zip->contains(relsPart)) {
        auto rels = m_zip->read(relsPart);
        if (!rels)
            return rels.error();
        for (const Relationship &rel : parseRelationships(*rels)) {
            const QString path = resolve(baseDir, rel.target);
            targets.insert(rel.id, path);
            if (rel.type.endsWith(QLatin1String("/sharedStrings")))
                sharedStringsPart = path;
            else if (rel.type.endsWith(QLatin1String("/styles")))
                stylesPart = path;
        }
    }

    QXmlStreamReader r(*workbook);
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        if (r.name() == QLatin1String("workbookPr")) {
            const auto v = r.attributes().value(QLatin1String("date1904"));
            m_date1904 = v == QLatin1String("1") || v == QLatin1String("true");
        } else if (r.name() == QLatin1String("sheet")) {
            QString name, rid;
            for (const auto &a : r.attributes()) {
                if (a.name() == QLatin1String("name"))
                    name = a.value().toString();
                else if (a.name() == QLatin1String("id") && a.namespaceUri() == kRelNs)
                    rid = a.value().toString();
            }
            QString part = targets.value(rid);
            if (part.isEmpty()) // no relationships: the conventional name
                part = QStringLiteral("xl/worksheets/sheet%1.xml").arg(m_sheetNames.size() + 1);
            m_sheetNames << name;
            m_sheetParts << part;
        }
    }
    if (r.hasError())
        return xlsx::withDetails(error(QStringLiteral("часть %1 повреждена: %2")
                                           .arg(workbookPart, XmlErrorText::russian(r))),
                                 r);
    if (m_sheetNames.isEmpty())
        return error(QStringLiteral("в книге нет ни одного листа"));

    if (sharedStringsPart.isEmpty() && m_zip->contains(QStringLiteral("xl/sharedStrings.xml")))
        sharedStringsPart = QStringLiteral("xl/sharedStrings.xml");
    if (!sharedStringsPart.isEmpty() && m_zip->contains(sharedStringsPart)) {
        auto sst = m_zip->read(sharedStringsPart);
        if (!sst)
            return sst.error();
        QXmlStreamReader s;
        XmlPieces pieces(*sst, QLatin1StringView("si"));
        while (pieces.readNext(s)) {
            if (s.isStartElement() && s.name() == QLatin1String("si")) {
                if (m_sharedStrings.size() >= m_limits.maxSharedStrings)
                    return ReaderLimits::fileRefused(
                        QFileInfo(m_zip->path()).fileName(),
                        QStringLiteral("в книге больше %1 разных строк")
                            .arg(ReaderLimits::count(m_limits.maxSharedStrings)));
                m_sharedStrings << xlsx::readStringItem(s);
                if (m_sharedStrings.last().size() > m_limits.maxCellChars)
                    return ReaderLimits::fileRefused(
                        QFileInfo(m_zip->path()).fileName(),
                        QStringLiteral("строка № %1 книги длиннее %2 символов")
                            .arg(m_sharedStrings.size())
                            .arg(ReaderLimits::count(m_limits.maxCellChars)));
            }
        }
        if (s.hasError())
            return xlsx::withDetails(error(QStringLiteral("часть %1 повреждена: %2")
                                               .arg(sharedStringsPart, XmlErrorText::russian(s))),
                                     s);
    }

    if (stylesPart.isEmpty() && m_zip->contains(QStringLiteral("xl/styles.xml")))
        stylesPart = QStringLiteral("xl/styles.xml");
    if (!stylesPart.isEmpty() && m_zip->contains(stylesPart)) {
        auto styles = m_zip->read(stylesPart);
        if (!styles)
            return styles.error();
        QHash<int, bool> customDate;
        QXmlStreamReader s(*styles);
        bool inCellXfs = false;
        while (!s.atEnd()) {
            s.readNext();
            if (s.isStartElement()) {
                const auto a = s.attributes();
                if (s.name() == QLatin1String("numFmt")) {
                    customDate.insert(
                        a.value(QLatin1String("numFmtId")).toInt(),
                        isDateFormatCode(a.value(QLatin1String("formatCode")).toString()));
                } else if (s.name() == QLatin1String("cellXfs")) {
                    inCellXfs = true;
                } else if (inCellXfs && s.name() == QLatin1String("xf")) {
                    const int id = a.value(QLatin1String("numFmtId")).toInt();
                    m_dateStyles << (customDate.contains(id) ? customDate.value(id)
                                                             : isBuiltinDateFormat(id));
                }
            } else if (s.isEndElement() && s.name() == QLatin1String("cellXfs")) {
                inCellXfs = false;
            }
        }
    }
    return {};
}

Result<XlsxSheet> XlsxReader::readSheet(const QString &name) {
    const qsizetype index = m_sheetNames.indexOf(name);
    if (index < 0)
        return error(QStringLiteral("в книге нет листа %1").arg(core::quoteForMessage(name)));
    return readSheet(int(index));
}

Result<XlsxRowReader> XlsxReader::rows(int index) {
    if (index < 0 || index >= m_sheetNames.size())
        return error(QStringLiteral("в книге нет листа номер %1").arg(index + 1));
    const QString part = m_sheetParts.at(index);
    auto xml = m_zip->read(part);
    if (!xml)
        return xml.error();
    XlsxRowReader::Context c;
    c.fileName = QFileInfo(m_zip->path()).fileName();
    c.sheetName = m_sheetNames.at(index);
    c.part = part;
    c.sharedStrings = m_sharedStrings;
    c.dateStyles = m_dateStyles;
    c.date1904 = m_date1904;
    c.maxCells = m_limits.maxCells;
    c.maxColumns = m_limits.maxColumns;
    c.maxCellChars = m_limits.maxCellChars;
    return XlsxRowReader(*xml, std::move(c));
}

Result<XlsxSheet> XlsxReader::readSheet(int index, int rowLimit) {
    auto rows = this->rows(index);
    if (!rows)
        return rows.error();
    XlsxSheet sheet;
    sheet.name = m_sheetNames.at(index);
    QList<QVariant> cells;
    while ((rowLimit < 0 || sheet.rows.size() < rowLimit) && rows->next(&cells))
        sheet.rows.append(cells);
    if (rows->error())
        return *rows->error();
    while (!sheet.rows.isEmpty() && sheet.rows.last().isEmpty()) // as the sheet's last value
        sheet.rows.removeLast();
    for (const XlsxSheet::Range &m : rows->merged())
        addMerged(m, rowLimit, &sheet);
    return sheet;
}

} // namespace objectivity::io
