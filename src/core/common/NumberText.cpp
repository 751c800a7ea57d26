#include "objectivity/core/common/NumberText.h"

namespace objectivity::core {

QString NumberText::fixed(double value, int decimals) {
    QString text = QString::number(value, 'f', decimals);
    text.replace(QLatin1Char('.'), QLatin1Char(','));
    return text;
}

} // namespace objectivity::core
