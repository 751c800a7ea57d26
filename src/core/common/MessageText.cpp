#include "objectivity/core/common/MessageText.h"

namespace objectivity::core {

QString shortenForMessage(const QString &text, int maxChars) {
    const bool longer = text.size() > maxChars;
    QString out = longer ? text.left(maxChars) : text;
    // do not cut a surrogate pair in half
    if (longer && !out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    for (QChar &c : out)
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    if (longer)
        out += QChar(0x2026);
    return out;
}

QString shortenAtWord(const QString &text, int maxChars) {
    const QString line = text.simplified();
    if (line.size() <= maxChars || maxChars < 2)
        return line;
    // room for «…»; a word longer than half the room is cut where it stands
    qsizetype end = maxChars - 1;
    if (const qsizetype space = line.lastIndexOf(u' ', end); space >= end / 2)
        end = space;
    else if (line.at(end - 1).isHighSurrogate())
        --end;
    QString out = line.left(end);
    while (!out.isEmpty() && (out.back() == u' ' || out.back() == u',' || out.back() == u';' ||
                              out.back() == u':' || out.back() == u'-'))
        out.chop(1);
    return out + QChar(0x2026);
}

QString quoteForMessage(const QString &text, int maxChars) {
    return QChar(0x00AB) + shortenForMessage(text, maxChars) + QChar(0x00BB);
}

} // namespace objectivity::core
