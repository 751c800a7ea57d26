#pragma once
// What the XLSX readers share about cells (private to io): references, strings, dates.
#include "objectivity/core/common/Error.h"
#include "objectivity/io/formats/XlsxSheet.h"

#include <QStringView>
#include <QVariant>
#include <QXmlStreamReader>

namespace objectivity::io::xlsx {

// "BC12" → row 11, column 54 (0-based); false when the reference is malformed.
bool parseCellRef(QStringView ref, int *row, int *column);
// «A1:C2» of a <mergeCell>; false for anything else.
bool parseMergeRef(const QString &ref, XlsxSheet::Range *range);
// Text of an <si> or <is> element: plain <t> or rich-text runs <r><t>; phonetic <rPh> skipped.
QString readStringItem(QXmlStreamReader &r);
// A date serial number (days since 1899-12-30, or 1904-01-01) as QDate, or QDateTime with a time.
QVariant serialToDate(double serial, bool date1904);
// An error about a broken XML part: Qt's own text goes into the details.
core::Error withDetails(core::Error e, const QXmlStreamReader &xml);

} // namespace objectivity::io::xlsx
