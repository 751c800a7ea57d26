#pragma once
#include "objectivity/core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace objectivity::io {

// Opens the files our readers do not read themselves with LibreOffice when it is installed: Word
// 97–2003 (.doc) and RTF plans as OpenDocument text, Excel 97–2003 (.xls) and OpenDocument
// spreadsheets (.ods) of results as .xlsx. `soffice --headless --convert-to …` runs in a folder of
// the caller's, with a LibreOffice profile of its own there (a Writer or Calc the user has open is
// neither disturbed nor handed the job). The file is copied there under a plain name first, so the
// user's file name, whatever its characters, never reaches the command line.
class OfficeConverter {
public:
    // The LibreOffice program: $OBJECTIVITY_SOFFICE when it is set (an empty value: none — for
    // tests), else `soffice` or `libreoffice` on PATH; empty when there is none.
    static QString program();
    // Whether a file starts as an OLE2 compound file: Word or Excel 97–2003 (.doc, .xls).
    static bool isOleCompound(const QByteArray &head);

    // Converts `path` to an OpenDocument text in `workDir` (an empty folder the caller removes)
    // and returns the new file's path. Stops, killing LibreOffice, when *cancel becomes true or
    // after `timeoutMs`. Errors are in Russian and name `sourceName`.
    static core::Result<QString> toOdt(const QString &path, const QString &sourceName,
                                       const QString &workDir,
                                       const std::atomic<bool> *cancel = nullptr,
                                       int timeoutMs = 120'000);
    // The same for a spreadsheet, to an Office Open XML workbook (.xlsx).
    static core::Result<QString> toXlsx(const QString &path, const QString &sourceName,
                                        const QString &workDir,
                                        const std::atomic<bool> *cancel = nullptr,
                                        int timeoutMs = 120'000);

private:
    // `what` names the kind of file in the error when LibreOffice cannot open it.
    static core::Result<QString> convert(const QString &path, const QString &sourceName,
                                         const QString &workDir, const QString &format,
                                         const QString &what, const std::atomic<bool> *cancel,
                                         int timeoutMs);
};

} // namespace objectivity::io
