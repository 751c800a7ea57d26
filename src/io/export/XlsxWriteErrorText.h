#pragma once
// The one translator of libxlsxwriter's workbook_close() errors into Russian (private to io):
// lxw_strerror() is English and goes into core::Error::details only.
#include "objectivity/core/common/Error.h"

#include <xlsxwriter.h>

namespace objectivity::io {

class XlsxWriteErrorText {
public:
    static QString russian(lxw_error error);
    // «Не удалось записать файл Excel: <reason>» on `path`, details = lxw_strerror().
    static core::Error error(const QString &path, lxw_error error);
};

} // namespace objectivity::io
