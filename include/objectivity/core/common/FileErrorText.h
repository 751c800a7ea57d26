#pragma once
#include "objectivity/core/common/Error.h"

#include <QFileDevice>
#include <QString>

namespace objectivity::core {

// The one translator of QFile / QSaveFile failures into Russian. QFileDevice::errorString() is the
// operating system's English («Permission denied», «No space left on device»); the user gets a
// Russian reason chosen by the error kind and the system text, which goes into Error::details.
class FileErrorText {
public:
    // «нет прав доступа к файлу или папке», «на диске не хватает места»…
    static QString russian(QFileDevice::FileError error, const QString &systemText);
    static QString russian(const QFileDevice &file) {
        return russian(file.error(), file.errorString());
    }
    // An error on `path` (named by its file name): «<what>: <russian>», details = the system text.
    static Error error(const QString &path, const QString &what, const QFileDevice &file);
};

} // namespace objectivity::core
