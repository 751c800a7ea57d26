#include "objectivity/core/common/NumberText.h"

namespace objectivity::core {

QString NumberText::fixed(double value, int decimals) {
    QString text = QString::number(value, 'f', decimals);
    text.replace(QLatin1Char('.'), QLatin1Char(','));
    return text;
}

QString NumberText::counted(int n, const char16_t *one, const char16_t *few, const char16_t *many) {
    const int d = n % 10, h = n % 100;
    const char16_t *word = d == 1 && h != 11                        ? one
                           : d >= 2 && d <= 4 && (h < 12 || h > 14) ? few
                                                                    : many;
    return QString::number(n) + QLatin1Char(' ') + QString::fromUtf16(word);
}

} // namespace objectivity::core
