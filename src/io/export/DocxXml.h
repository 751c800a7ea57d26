#pragma once
// Helpers of DocxDocument: units and escaping for WordprocessingML text.
#include <QString>

namespace objectivity::io::docx {

// Twentieths of a point (Word's «dxa»).
inline int twips(double mm) {
    return int(mm * 1440.0 / 25.4 + 0.5);
}
// English Metric Units of DrawingML.
inline qint64 emu(double mm) {
    return qint64(mm * 36000.0 + 0.5);
}
inline int halfPoints(double pt) {
    return int(pt * 2 + 0.5);
}

// Text and attribute values escaped for XML; characters XML 1.0 cannot hold are dropped.
QString escape(const QString &text);

} // namespace objectivity::io::docx
