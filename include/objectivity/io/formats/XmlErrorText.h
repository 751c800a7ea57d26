#pragma once
#include <QString>

class QXmlStreamReader;

namespace objectivity::io {

// The one translator of QXmlStreamReader failures (DOCX, XLSX, ODT parts) into Russian. Qt reports
// in English («Opening and ending tag mismatch.»); the user gets a Russian reason with the XML
// line, the original goes into core::Error::details. An error raised by our own code with
// raiseError() (CustomError) is already Russian and is kept as it is.
class XmlErrorText {
public:
    // «разметка нарушена (строка 12, позиция 5 разметки)».
    static QString russian(const QXmlStreamReader &xml);
    // Qt's text with its position: «Opening and ending tag mismatch. (line 12, column 5)».
    static QString original(const QXmlStreamReader &xml);
};

} // namespace objectivity::io
