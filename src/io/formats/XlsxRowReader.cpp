#include "objectivity/io/formats/XlsxRowReader.h"

#include "formats/XlsxCells.h"
#include "formats/XmlPieces.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/formats/XmlErrorText.h"

#include <QDate>
#include <QDateTime>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>

using objectivity::core::Error;

namespace objectivity::io {

namespace {

QStringView localName(QStringView qualified) {
    return qualified.mid(qualified.lastIndexOf(QLatin1Char(':')) + 1);
}

// The <mergeCells> of a sheet: they follow its rows, and are looked for from the end of the part
// (a prefixed name, «x:mergeCells», is allowed; text that merely contains the word is passed over).
QList<XlsxSheet::Range> findMerged(const QByteArray &xml) {
    QList<XlsxSheet::Range> merged;
    for (qsizetype at = xml.lastIndexOf("mergeCells"); at > 0;
         at = xml.lastIndexOf("mergeCells", at - 1)) {
        qsizetype open = at;
        while (open > 0 && at - open < 32 &&
               (std::isalnum(static_cast<unsigned char>(xml.at(open - 1))) ||
                xml.at(open - 1) == ':' || xml.at(open - 1) == '_'))
            --open;
        if (open == 0 || xml.at(open - 1) != '<')
            continue; // «</mergeCells>», or the word in a cell's text
        QXmlStreamReader r(xml.mid(open - 1));
        r.setNamespaceProcessing(false);
        while (!r.atEnd() && !r.isStartElement()) // StartDocument first
            r.readNext();
        if (!r.isStartElement() || localName(r.qualifiedName()) != QLatin1String("mergeCells"))
            continue;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isEndElement() && localName(r.qualifiedName()) == QLatin1String("mergeCells"))
                break;
            XlsxSheet::Range range;
            if (r.isStartElement() && localName(r.qualifiedName()) == QLatin1String("mergeCell") &&
                xlsx::parseMergeRef(r.attributes().value(QLatin1String("ref")).toString(), &range))
                merged.append(range);
        }
        break;
    }
    return merged;
}

} // namespace

struct XlsxRowReader::State {
    State(const QByteArray &part, Context c)
        : xml(part), context(std::move(c)), pieces(part, QLatin1StringView("row")) {}

    QByteArray xml;
    Context context;
    XmlPieces pieces;
    QXmlStreamReader reader;
    std::optional<Error> error;
    qint64 cells = 0;
    int row = -1;       // the row last given
    int parsedRow = -1; // the last <row> read from the XML
    bool rowsOver = false;
    QList<QVariant> pending; // a row read ahead of a gap
    int pendingRow = -1;
    // the merges by their first row; the values of their first cells once reached; the ones
    // covering the current row
    QList<XlsxSheet::Range> merged;
    QList<int> byFirstRow;
    qsizetype nextMerge = 0;
    QList<std::pair<int, QVariant>> active; // index into merged, the value

    Error sheetError(const QString &message) const {
        Error e;
        e.file = context.fileName;
        e.message =
            QStringLiteral("лист %1: %2").arg(core::quoteForMessage(context.sheetName), message);
        return e;
    }
    Error sheetRefused(const QString &what) const {
        return ReaderLimits::fileRefused(
            context.fileName, QStringLiteral("лист «%1»: %2").arg(context.sheetName, what));
    }
    bool fail(Error e) {
        error = std::move(e);
        return false;
    }

    bool readRow(QList<QVariant> *out, int *index);
    bool readCell(QList<QVariant> *out);
    bool fillMerged(QList<QVariant> *out);
};

// The next <row> of the XML and its index; false when the rows are over or on an error.
bool XlsxRowReader::State::readRow(QList<QVariant> *out, int *index) {
    out->clear();
    while (pieces.readNext(reader)) {
        if (!reader.isStartElement())
            continue;
        const auto name = reader.name();
        if (name == QLatin1String("c"))
            return fail(sheetError(QStringLiteral("ячейка вне строки")));
        if (name == QLatin1String("mergeCells"))
            return false; // read before the rows
        if (name != QLatin1String("row"))
            continue;
        const auto rv = reader.attributes().value(QLatin1String("r"));
        const int number = rv.isEmpty() ? parsedRow + 2 : rv.toInt();
        if (number < 1 || number > 1048576 || number - 1 <= parsedRow)
            return fail(sheetError(QStringLiteral("неверный номер строки %1")
                                       .arg(core::quoteForMessage(rv.toString()))));
        parsedRow = number - 1;
        *index = parsedRow;
        while (pieces.readNext(reader)) {
            if (reader.isEndElement() && reader.name() == QLatin1String("row"))
                return true;
            if (reader.isStartElement() && reader.name() == QLatin1String("c") && !readCell(out))
                return false;
        }
        break;
    }
    if (reader.hasError()) {
        // where in the sheet: the XML's own line and column mean nothing to the user
        const QString near =
            parsedRow < 0 ? QString() : QStringLiteral(" около строки %1").arg(parsedRow + 1);
        return fail(xlsx::withDetails(
            sheetError(QStringLiteral("часть %1 повреждена%2: %3")
                           .arg(context.part, near, XmlErrorText::russian(reader))),
            reader));
    }
    return false;
}

// One <c> of the row being read, into `out` at its column.
bool XlsxRowReader::State::readCell(QList<QVariant> *out) {
    if (++cells > context.maxCells)
        return fail(sheetRefused(QStringLiteral("слишком много ячеек (более %1)")
                                     .arg(ReaderLimits::count(context.maxCells))));
    const auto a = reader.attributes();
    int cellRow = parsedRow, column = int(out->size());
    const auto ref = a.value(QLatin1String("r"));
    if (!ref.isEmpty() && !xlsx::parseCellRef(ref, &cellRow, &column))
        return fail(sheetError(QStringLiteral("неверная ссылка на ячейку %1")
                                   .arg(core::quoteForMessage(ref.toString()))));
    const QString type = a.value(QLatin1String("t")).toString();
    const int style = a.value(QLatin1String("s")).toInt();
    QVariant value;
    QString raw;
    bool haveRaw = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isEndElement() && reader.name() == QLatin1String("c"))
            break;
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("v")) {
            raw = reader.readElementText();
            haveRaw = true;
        } else if (reader.name() == QLatin1String("is")) {
            value = xlsx::readStringItem(reader);
        } else if (reader.name() == QLatin1String("f")) {
            reader.skipCurrentElement();
        }
    }
    if (haveRaw) {
        if (type == QLatin1String("s")) {
            bool ok = false;
            const int i = raw.toInt(&ok);
            if (!ok || i < 0 || i >= context.sharedStrings.size())
                return fail(
                    sheetError(QStringLiteral("ячейка %1 ссылается на несуществующую строку %2")
                                   .arg(XlsxSheet::cellName(cellRow, column), raw)));
            value = context.sharedStrings.at(i);
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
            else if (style >= 0 && style < context.dateStyles.size() &&
                     context.dateStyles.at(style))
                value = xlsx::serialToDate(d, context.date1904);
            else
                value = d;
        }
    }
    if (!value.isValid())
        return true;
    if (column >= context.maxColumns)
        return fail(sheetRefused(QStringLiteral("больше %1 столбцов (значение в ячейке %2)")
                                     .arg(ReaderLimits::count(context.maxColumns),
                                          XlsxSheet::cellName(cellRow, column))));
    if (value.typeId() == QMetaType::QString && value.toString().size() > context.maxCellChars)
        return fail(sheetRefused(QStringLiteral("ячейка %1 длиннее %2 символов")
                                     .arg(XlsxSheet::cellName(cellRow, column),
                                          ReaderLimits::count(context.maxCellChars))));
    // The empty cells to the left of this one count too: they take memory as well.
    if (column >= out->size() && (cells += column - out->size()) > context.maxCells)
        return fail(sheetRefused(QStringLiteral("слишком много ячеек (более %1)")
                                     .arg(ReaderLimits::count(context.maxCells))));
    while (out->size() <= column)
        out->append(QVariant());
    (*out)[column] = value;
    return true;
}

// The merges that cover the current row give their value to each cell they cover.
bool XlsxRowReader::State::fillMerged(QList<QVariant> *out) {
    for (; nextMerge < byFirstRow.size() && merged.at(byFirstRow.at(nextMerge)).firstRow <= row;
         ++nextMerge) {
        const int i = byFirstRow.at(nextMerge);
        const XlsxSheet::Range &m = merged.at(i);
        if (m.firstRow < row)
            continue; // cannot happen: every row up to the last merge is given
        const QVariant v = out->value(m.firstColumn);
        if (!v.isValid())
            continue;
        cells += qint64(m.lastRow - m.firstRow + 1) * (m.lastColumn - m.firstColumn + 1);
        if (cells > context.maxCells)
            return fail(sheetRefused(QStringLiteral("слишком много ячеек (более %1)")
                                         .arg(ReaderLimits::count(context.maxCells))));
        active.append({i, v});
    }
    active.removeIf([&](const auto &a) { return merged.at(a.first).lastRow < row; });
    for (const auto &[i, v] : std::as_const(active)) {
        const XlsxSheet::Range &m = merged.at(i);
        while (out->size() <= m.lastColumn)
            out->append(QVariant());
        for (int c = m.firstColumn; c <= m.lastColumn; ++c)
            (*out)[c] = v;
    }
    return true;
}

XlsxRowReader::XlsxRowReader(const QByteArray &xml, Context context)
    : d(std::make_unique<State>(xml, std::move(context))) {
    d->merged = findMerged(xml);
    for (int i = 0; i < d->merged.size(); ++i)
        d->byFirstRow.append(i);
    std::stable_sort(d->byFirstRow.begin(), d->byFirstRow.end(), [&](int a, int b) {
        return d->merged.at(a).firstRow < d->merged.at(b).firstRow;
    });
}

XlsxRowReader::XlsxRowReader(XlsxRowReader &&) noexcept = default;
XlsxRowReader &XlsxRowReader::operator=(XlsxRowReader &&) noexcept = default;
XlsxRowReader::~XlsxRowReader() = default;

bool XlsxRowReader::next(QList<QVariant> *cells) {
    State &s = *d;
    if (s.error)
        return false;
    const int want = s.row + 1;
    if (s.pendingRow < want && !s.rowsOver) {
        int index = -1;
        if (s.readRow(&s.pending, &index))
            s.pendingRow = index;
        else
            s.rowsOver = true;
        if (s.error)
            return false;
    }
    if (s.pendingRow == want) {
        *cells = std::move(s.pending);
        s.pending.clear();
    } else if (s.pendingRow > want ||
               std::any_of(s.active.cbegin(), s.active.cend(),
                           [&](const auto &a) { return s.merged.at(a.first).lastRow >= want; })) {
        cells->clear(); // a row the sheet leaves out, before the next one or under a merge
    } else {
        return false;
    }
    s.row = want;
    return s.fillMerged(cells);
}

int XlsxRowReader::row() const {
    return d->row;
}

const std::optional<core::Error> &XlsxRowReader::error() const {
    return d->error;
}

const QList<XlsxSheet::Range> &XlsxRowReader::merged() const {
    return d->merged;
}

qint64 XlsxRowReader::bytesRead() const {
    return d->pieces.added();
}

qint64 XlsxRowReader::bytesTotal() const {
    return d->xml.size();
}

} // namespace objectivity::io
