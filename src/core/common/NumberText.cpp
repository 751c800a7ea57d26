#include "objectivity/core/common/NumberText.h"

#include <QLocale>

#include <algorithm>

namespace objectivity::core {

QString NumberText::fixed(double value, int decimals) {
    QString text = QString::number(value, 'f', decimals);
    text.replace(QLatin1Char('.'), QLatin1Char(','));
    if (text.startsWith(QLatin1Char('-'))) {
        // «−0,54» with the minus sign of Russian print; a value that rounds to zero has no sign
        const bool zero = std::all_of(text.cbegin() + 1, text.cend(), [](QChar c) {
            return c == QLatin1Char('0') || c == QLatin1Char(',');
        });
        text.replace(0, 1, zero ? QString() : QString(QChar(0x2212)));
    }
    return text;
}

QString NumberText::grouped(qint64 n) {
    static const QLocale russian(QLocale::Russian, QLocale::Russia);
    return russian.toString(n);
}

QString NumberText::counted(qint64 n, const char16_t *one, const char16_t *few,
                            const char16_t *many) {
    const qint64 d = n % 10, h = n % 100;
    const char16_t *word = d == 1 && h != 11                        ? one
                           : d >= 2 && d <= 4 && (h < 12 || h > 14) ? few
                                                                    : many;
    return grouped(n) + QLatin1Char(' ') + QString::fromUtf16(word);
}

} // namespace objectivity::core
