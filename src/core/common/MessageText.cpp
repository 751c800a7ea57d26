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

QString quoteForMessage(const QString &text, int maxChars) {
    return QChar(0x00AB) + shortenForMessage(text, maxChars) + QChar(0x00BB);
}

} // namespace objectivity::core
