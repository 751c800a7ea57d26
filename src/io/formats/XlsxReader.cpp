#include "objectivity/io/formats/XlsxReader.h"

#include "formats/XmlPieces.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/io/formats/XmlErrorText.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>
#include <cmath>

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

// "BC12" → row 11, column 54 (0-based); false when the reference is malformed.
bool parseCellRef(QStringView ref, int *row, int *column) {
    int c = 0;
    qsizetype i = 0;
    while (i < ref.size() && ref.at(i).isLetter()) {
        c = c * 26 + (ref.at(i).toUpper().unicode() - u'A' + 1);
        if (c > 16384)
            return false;
        ++i;
    }
    bool ok = false;
    const int r = ref.mid(i).toInt(&ok);
    if (i == 0 || !ok || r < 1 || r > 1048576)
        return false;
    *row = r - 1;
    *column = c - 1;
    return true;
}

// Text of an <si> or <is> element: plain <t> or rich-text runs <r><t>; phonetic <rPh> skipped.
QString readStringItem(QXmlStreamReader &r) {
    QString text;
    const QString end = r.name().toString();
    int phonetic = 0;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (r.name() == QLatin1String("t") && phonetic == 0)
                text += r.readElementText();
        } else if (r.isEndElement()) {
            if (r.name() == QLatin1String("rPh"))
                --phonetic;
            else if (r.name() == end)
                break;
        }
    }
    return text;
}

QVariant serialToDate(double serial, bool date1904) {
    const QDate base = date1904 ? QDate(1904, 1, 1) : QDate(1899, 12, 30);
    const double days = std::floor(serial);
    const QDate date = base.addDays(qint64(days));
    const double fraction = serial - days;
    if (fraction < 1e-9)
        return date;
    return QDateTime(date, QTime(0, 0).addMSecs(int(std::lround(fraction * 86400000.0))));
}

// An error about a broken XML part: Qt's own text goes into the details.
// «A1:C2» of a <mergeCell>; false for anything else.
bool parseMergeRef(const QString &ref, XlsxSheet::Range *range) {
    const QStringList ends = ref.split(QLatin1Char(':'));
    return ends.size() == 2 && parseCellRef(ends.at(0), &range->firstRow, &range->firstColumn) &&
           parseCellRef(ends.at(1), &range->lastRow, &range->lastColumn) &&
           range->lastRow >= range->firstRow && range->lastColumn >= range->firstColumn;
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

Error withDetails(Error e, const QXmlStreamReader &xml) {
    e.details = XmlErrorText::original(xml);
    return e;
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
        return withDetails(error(QStringLiteral("часть %1 повреждена: %2")
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
                m_sharedStrings << readStringItem(s);
                if (m_sharedStrings.last().size() > m_limits.maxCellChars)
                    return ReaderLimits::fileRefused(
                        QFileInfo(m_zip->path()).fileName(),
                        QStringLiteral("строка № %1 книги длиннее %2 символов")
                            .arg(m_sharedStrings.size())
                            .arg(ReaderLimits::count(m_limits.maxCellChars)));
            }
        }
        if (s.hasError())
            return withDetails(error(QStringLiteral("часть %1 повреждена: %2")
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

Result<XlsxSheet> XlsxReader::readSheet(int index, int rowLimit) {
    if (index < 0 || index >= m_sheetNames.size())
        return error(QStringLiteral("в книге нет листа номер %1").arg(index + 1));
    const QString part = m_sheetParts.at(index);
    auto xml = m_zip->read(part);
    if (!xml)
        return xml.error();
    XlsxSheet sheet;
    sheet.name = m_sheetNames.at(index);
    auto sheetError = [&](const QString &message) {
        Error e =
            error(QStringLiteral("лист %1: %2").arg(core::quoteForMessage(sheet.name), message));
        return e;
    };
    auto sheetRefused = [&](const QString &what) {
        return ReaderLimits::fileRefused(QFileInfo(m_zip->path()).fileName(),
                                         QStringLiteral("лист «%1»: %2").arg(sheet.name, what));
    };

    QXmlStreamReader r;
    XmlPieces pieces(*xml, QLatin1StringView("row"));
    qint64 cells = 0;
    int row = -1;
    int nextColumn = 0;
    while (pieces.readNext(r)) {
        if (!r.isStartElement())
            continue;
        const auto elementName = r.name();
        if (elementName == QLatin1String("row")) {
            const auto rv = r.attributes().value(QLatin1String("r"));
            const int number = rv.isEmpty() ? row + 2 : rv.toInt();
            if (number < 1 || number > 1048576 || number - 1 <= row)
                return sheetError(QStringLiteral("неверный номер строки %1")
                                      .arg(core::quoteForMessage(rv.toString())));
            row = number - 1;
            nextColumn = 0;
            if (rowLimit >= 0 && row >= rowLimit) {
                readMergedAfter(*xml, r.characterOffset(), rowLimit, &sheet);
                break;
            }
        } else if (elementName == QLatin1String("c")) {
            if (row < 0)
                return sheetError(QStringLiteral("ячейка вне строки"));
            if (++cells > m_limits.maxCells)
                return sheetRefused(QStringLiteral("слишком много ячеек (более %1)")
                                        .arg(ReaderLimits::count(m_limits.maxCells)));
            const auto a = r.attributes();
            int cellRow = row, column = nextColumn;
            const auto ref = a.value(QLatin1String("r"));
            if (!ref.isEmpty() && !parseCellRef(ref, &cellRow, &column))
                return sheetError(QStringLiteral("неверная ссылка на ячейку %1")
                                      .arg(core::quoteForMessage(ref.toString())));
            nextColumn = column + 1;
            const QString type = a.value(QLatin1String("t")).toString();
            const int style = a.value(QLatin1String("s")).toInt();
            QVariant value;
            QString raw;
            bool haveRaw = false;
            while (!r.atEnd()) {
                r.readNext();
                if (r.isEndElement() && r.name() == QLatin1String("c"))
                    break;
                if (!r.isStartElement())
                    continue;
                if (r.name() == QLatin1String("v")) {
                    raw = r.readElementText();
                    haveRaw = true;
                } else if (r.name() == QLatin1String("is")) {
                    value = readStringItem(r);
                } else if (r.name() == QLatin1String("f")) {
                    r.skipCurrentElement();
                }
            }
            if (haveRaw) {
                if (type == QLatin1String("s")) {
                    bool ok = false;
                    const int i = raw.toInt(&ok);
                    if (!ok || i < 0 || i >= m_sharedStrings.size())
                        return sheetError(QStringLiteral("ячейка %1 ссылается на несуществующую "
                                                         "строку %2")
                                              .arg(XlsxSheet::cellName(cellRow, column), raw));
                    value = m_sharedStrings.at(i);
                } else if (type == QLatin1String("str") || type == QLatin1String("e")) {
                    value = raw;
                } else if (type == QLatin1String("b")) {
                    value = raw.trimmed() == QLatin1String("1");
                } else if (type == QLatin1String("d")) {
                    value = QDateTime::fromString(raw, Qt::ISODate).date();
                } else {
                    bool ok = false;
                    const double d = raw.toDouble(&ok);
                    if (!ok)
                        value = raw;
                    else if (style >= 0 && style < m_dateStyles.size() && m_dateStyles.at(style))
                        value = serialToDate(d, m_date1904);
                    else
                        value = d;
                }
            }
            if (!value.isValid())
                continue;
            if (column >= m_limits.maxColumns)
                return sheetRefused(QStringLiteral("больше %1 столбцов (значение в ячейке %2)")
                                        .arg(ReaderLimits::count(m_limits.maxColumns),
                                             XlsxSheet::cellName(cellRow, column)));
            if (value.typeId() == QMetaType::QString &&
                value.toString().size() > m_limits.maxCellChars)
                return sheetRefused(QStringLiteral("ячейка %1 длиннее %2 символов")
                                        .arg(XlsxSheet::cellName(cellRow, column),
                                             ReaderLimits::count(m_limits.maxCellChars)));
            // The empty cells to the left of this one count too: they take memory as well.
            if (cellRow < sheet.rows.size() || column > 0) {
                const qsizetype have = cellRow < sheet.rows.size() ? sheet.rows[cellRow].size() : 0;
                if (column >= have && (cells += column - have) > m_limits.maxCells)
                    return sheetRefused(QStringLiteral("слишком много ячеек (более %1)")
                                            .arg(ReaderLimits::count(m_limits.maxCells)));
            }
            while (sheet.rows.size() <= cellRow)
                sheet.rows.append(QList<QVariant>());
            auto &cellsOfRow = sheet.rows[cellRow];
            while (cellsOfRow.size() <= column)
                cellsOfRow.append(QVariant());
            cellsOfRow[column] = value;
        } else if (elementName == QLatin1String("mergeCell")) {
            XlsxSheet::Range range;
            if (parseMergeRef(r.attributes().value(QLatin1String("ref")).toString(), &range))
                addMerged(range, rowLimit, &sheet);
        }
    }
    if (r.hasError())
        return withDetails(
            sheetError(
                QStringLiteral("часть %1 повреждена: %2").arg(part, XmlErrorText::russian(r))),
            r);

    // A merged cell's value goes into every covered cell.
    for (const auto &m : std::as_const(sheet.merged)) {
        const QVariant v = sheet.value(m.firstRow, m.firstColumn);
        if (!v.isValid())
            continue;
        const qint64 area = qint64(m.lastRow - m.firstRow + 1) * (m.lastColumn - m.firstColumn + 1);
        if (cells + area > m_limits.maxCells)
            return sheetRefused(QStringLiteral("слишком много ячеек (более %1)")
                                    .arg(ReaderLimits::count(m_limits.maxCells)));
        cells += area;
        for (int rr = m.firstRow; rr <= m.lastRow; ++rr) {
            while (sheet.rows.size() <= rr)
                sheet.rows.append(QList<QVariant>());
            auto &cellsOfRow = sheet.rows[rr];
            while (cellsOfRow.size() <= m.lastColumn)
                cellsOfRow.append(QVariant());
            for (int cc = m.firstColumn; cc <= m.lastColumn; ++cc)
                cellsOfRow[cc] = v;
        }
    }
    return sheet;
}

// The <mergeCells> of a sheet read only in part follow its rows, which are not parsed: the element
// is looked for in the bytes after the last row read (the reader's offset in characters is never
// past its offset in bytes: UTF-8 takes a byte or more per character) and read on its own. A
// prefixed name («x:mergeCells») is allowed; text that merely contains the word is passed over.
void XlsxReader::readMergedAfter(const QByteArray &xml, qint64 from, int rowLimit,
                                 XlsxSheet *sheet) const {
    auto localName = [](QStringView qualified) {
        return qualified.mid(qualified.lastIndexOf(QLatin1Char(':')) + 1);
    };
    for (qsizetype at = xml.indexOf("mergeCells", from); at >= 0;
         at = xml.indexOf("mergeCells", at + 1)) {
        qsizetype open = at;
        while (open > 0 && at - open < 32 && xml.at(open - 1) != '<' &&
               (std::isalnum(static_cast<unsigned char>(xml.at(open - 1))) ||
                xml.at(open - 1) == ':' || xml.at(open - 1) == '_'))
            --open;
        if (open == 0 || xml.at(open - 1) != '<')
            continue;
        QXmlStreamReader r(xml.mid(open - 1));
        r.setNamespaceProcessing(false);
        while (!r.atEnd() && !r.isStartElement()) // StartDocument first
            r.readNext();
        if (!r.isStartElement() || localName(r.qualifiedName()) != QLatin1String("mergeCells"))
            continue;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isEndElement() && localName(r.qualifiedName()) == QLatin1String("mergeCells"))
                return;
            XlsxSheet::Range range;
            if (r.isStartElement() && localName(r.qualifiedName()) == QLatin1String("mergeCell") &&
                parseMergeRef(r.attributes().value(QLatin1String("ref")).toString(), &range))
                addMerged(range, rowLimit, sheet);
        }
        return;
    }
}

} // namespace objectivity::io
