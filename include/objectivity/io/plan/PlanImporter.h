#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>

namespace objectivity::io {

// What an import produced: the plan (ids all 0, nothing saved yet) and the warnings, each naming
// the line or table row it is about. Text that could not be placed is kept in plan.note or a
// measure's note.
struct PlanImport {
    core::Plan plan;
    QStringList warnings;
};

// Reads a plan document — plain or tab-separated text (as copied from Word or extracted from PDF),
// text with columns aligned by spaces (`pdftotext -layout`), HTML with a table (Word's clipboard,
// web pages), .docx, .odt (LibreOffice Writer, МойОфис, Р7-Офис) or PDF (read with Poppler) — and
// finds its structure.
class PlanImporter {
public:
    enum class Format { Auto, Text, Html, Docx, Odt, Pdf };

    // Reads a file; the format is taken from the content (and the extension as a hint). A Word
    // 97–2003 (.doc) or RTF file is converted by LibreOffice when it is installed
    // (OfficeConverter; seconds, not milliseconds: call it off the GUI thread); *cancel stops that.
    static core::Result<PlanImport> importFile(const QString &path,
                                               const std::atomic<bool> *cancel = nullptr);
    // Reads bytes already in memory (clipboard, drag and drop). `sourceName` names it in messages.
    static core::Result<PlanImport> importData(const QByteArray &data, Format format,
                                               const QString &sourceName);
    // Reads text (plain/TSV or HTML, detected) — the clipboard path.
    static core::Result<PlanImport> importText(const QString &text, const QString &sourceName);
};

} // namespace objectivity::io
