#pragma once
#include <QByteArray>
#include <QString>

namespace objectivity::io {

// Turns the bytes of a text or HTML document into text: UTF-8 (with or without BOM), UTF-16 with
// BOM, or Windows-1251 (what Russian Windows saves as «ANSI»). Also tells binary data from text.
class TextDecoder {
public:
    enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1251 };

    // Picks the encoding: a BOM wins; then `hint` (an HTML meta charset, e.g. "windows-1251");
    // then valid UTF-8; otherwise Windows-1251.
    static Encoding detect(const QByteArray &data, const QByteArray &hint = {});
    static QString decode(const QByteArray &data, Encoding encoding);
    static QString decode(const QByteArray &data) { return decode(data, detect(data)); }
    // True when the data looks like a binary file (an image, an archive, an old .doc):
    // NUL bytes or many control characters outside a UTF-16 text.
    static bool looksBinary(const QByteArray &data);
    static QString encodingName(Encoding encoding); // "UTF-8", "Windows-1251", ...
};

} // namespace objectivity::io
