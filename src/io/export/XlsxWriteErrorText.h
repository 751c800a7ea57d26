#pragma once
// The one translator of libxlsxwriter's workbook_close() errors into Russian (private to io):
// lxw_strerror() is English and goes into core::Error::details only.
#include "objectivity/core/common/Error.h"
#include "objectivity/core/common/Result.h"

#include <xlsxwriter.h>

namespace objectivity::io {

class XlsxWriteErrorText {
public:
    static QString russian(lxw_error error);
    // «Не удалось записать файл Excel: <reason>» on `path`, details = lxw_strerror().
    static core::Error error(const QString &path, lxw_error error);
    // Closes the workbook written into `partial` and puts it in place of `path` (a file open in
    // another program is not overwritten); on any failure `partial` is removed and the error says
    // why in Russian.
    static core::Status closeAndReplace(lxw_workbook *workbook, const QString &partial,
                                        const QString &path);
};

} // namespace objectivity::io
