#include "objectivity/io/formats/ReaderLimits.h"

namespace objectivity::io {

core::Error ReaderLimits::planRefused(const QString &fileName, const QString &what) {
    core::Error e;
    e.file = fileName;
    e.message = what + QStringLiteral(" — документ не похож на план, он не прочитан");
    return e;
}

core::Error ReaderLimits::fileRefused(const QString &fileName, const QString &what) {
    core::Error e;
    e.file = fileName;
    e.message = what + QStringLiteral(" — файл не прочитан");
    return e;
}

QString ReaderLimits::count(qint64 n) {
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QChar(0x00A0));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString ReaderLimits::size(qint64 bytes) {
    constexpr qint64 kMb = 1024LL * 1024;
    if (bytes >= 1024 * kMb && bytes % (1024 * kMb) == 0)
        return QStringLiteral("%1 ГБ").arg(bytes / (1024 * kMb));
    if (bytes >= kMb)
        return QStringLiteral("%1 МБ").arg(count((bytes + kMb - 1) / kMb));
    return QStringLiteral("%1 КБ").arg(count((bytes + 1023) / 1024));
}

} // namespace objectivity::io
