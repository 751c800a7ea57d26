#include "objectivity/io/formats/TextDecoder.h"

#include <QStringDecoder>

#include <array>

namespace objectivity::io {

namespace {
// Windows-1251, bytes 0x80..0xFF.
constexpr std::array<char16_t, 128> kCp1251High{
    u'\u0402', u'\u0403', u'\u201A', u'\u0453', u'\u201E', u'\u2026', u'\u2020', u'\u2021',
    u'\u20AC', u'\u2030', u'\u0409', u'\u2039', u'\u040A', u'\u040C', u'\u040B', u'\u040F',
    u'\u0452', u'\u2018', u'\u2019', u'\u201C', u'\u201D', u'\u2022', u'\u2013', u'\u2014',
    u'\uFFFD', u'\u2122', u'\u0459', u'\u203A', u'\u045A', u'\u045C', u'\u045B', u'\u045F',
    u'\u00A0', u'\u040E', u'\u045E', u'\u0408', u'\u00A4', u'\u0490', u'\u00A6', u'\u00A7',
    u'\u0401', u'\u00A9', u'\u0404', u'\u00AB', u'\u00AC', u'\u00AD', u'\u00AE', u'\u0407',
    u'\u00B0', u'\u00B1', u'\u0406', u'\u0456', u'\u0491', u'\u00B5', u'\u00B6', u'\u00B7',
    u'\u0451', u'\u2116', u'\u0454', u'\u00BB', u'\u0458', u'\u0405', u'\u0455', u'\u0457',
    u'\u0410', u'\u0411', u'\u0412', u'\u0413', u'\u0414', u'\u0415', u'\u0416', u'\u0417',
    u'\u0418', u'\u0419', u'\u041A', u'\u041B', u'\u041C', u'\u041D', u'\u041E', u'\u041F',
    u'\u0420', u'\u0421', u'\u0422', u'\u0423', u'\u0424', u'\u0425', u'\u0426', u'\u0427',
    u'\u0428', u'\u0429', u'\u042A', u'\u042B', u'\u042C', u'\u042D', u'\u042E', u'\u042F',
    u'\u0430', u'\u0431', u'\u0432', u'\u0433', u'\u0434', u'\u0435', u'\u0436', u'\u0437',
    u'\u0438', u'\u0439', u'\u043A', u'\u043B', u'\u043C', u'\u043D', u'\u043E', u'\u043F',
    u'\u0440', u'\u0441', u'\u0442', u'\u0443', u'\u0444', u'\u0445', u'\u0446', u'\u0447',
    u'\u0448', u'\u0449', u'\u044A', u'\u044B', u'\u044C', u'\u044D', u'\u044E', u'\u044F',
};

bool startsWith(const QByteArray &data, std::initializer_list<unsigned char> bom) {
    if (data.size() < qsizetype(bom.size()))
        return false;
    qsizetype i = 0;
    for (unsigned char b : bom)
        if (static_cast<unsigned char>(data[i++]) != b)
            return false;
    return true;
}

bool validUtf8(const QByteArray &data) {
    return data.isValidUtf8(); // without decoding a copy: a text is detected at its own size
}
} // namespace

TextDecoder::Encoding TextDecoder::detect(const QByteArray &data, const QByteArray &hint) {
    if (startsWith(data, {0xEF, 0xBB, 0xBF}))
        return Encoding::Utf8Bom;
    if (startsWith(data, {0xFF, 0xFE}))
        return Encoding::Utf16LE;
    if (startsWith(data, {0xFE, 0xFF}))
        return Encoding::Utf16BE;
    const QByteArray h = hint.trimmed().toLower();
    if (h == "windows-1251" || h == "cp1251" || h == "win-1251")
        return Encoding::Windows1251;
    if (h == "utf-8" || h == "utf8")
        return validUtf8(data) ? Encoding::Utf8 : Encoding::Windows1251;
    return validUtf8(data) ? Encoding::Utf8 : Encoding::Windows1251;
}

QString TextDecoder::decode(const QByteArray &data, Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8:
        return QString::fromUtf8(data);
    case Encoding::Utf8Bom:
        return QString::fromUtf8(data.mid(3));
    case Encoding::Utf16LE: {
        QStringDecoder d(QStringDecoder::Utf16LE);
        return d.decode(data.mid(2));
    }
    case Encoding::Utf16BE: {
        QStringDecoder d(QStringDecoder::Utf16BE);
        return d.decode(data.mid(2));
    }
    case Encoding::Windows1251: {
        QString out;
        out.reserve(data.size());
        for (char c : data) {
            const auto b = static_cast<unsigned char>(c);
            out.append(b < 0x80 ? QChar(char16_t(b)) : QChar(kCp1251High[b - 0x80]));
        }
        return out;
    }
    }
    return {};
}

bool TextDecoder::looksBinary(const QByteArray &data) {
    if (startsWith(data, {0xFF, 0xFE}) || startsWith(data, {0xFE, 0xFF}))
        return false;
    const qsizetype n = qMin<qsizetype>(data.size(), 64 * 1024);
    qsizetype control = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto b = static_cast<unsigned char>(data[i]);
        if (b == 0)
            return true;
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B)
            ++control;
    }
    return n > 0 && control * 100 > n; // more than 1% control characters
}

QString TextDecoder::encodingName(Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case Encoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Encoding::Windows1251:
        return QStringLiteral("Windows-1251");
    }
    return {};
}

} // namespace objectivity::io
