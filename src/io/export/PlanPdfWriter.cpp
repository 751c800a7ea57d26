#include "objectivity/io/export/PlanPdfWriter.h"

#include "objectivity/core/common/FileErrorText.h"
#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanDocumentPainter.h"

#include <QPdfWriter>
#include <QSaveFile>

namespace objectivity::io {

core::Status PlanPdfWriter::write(const core::Plan &plan, const QString &path,
                                  const PlanExportOptions &options) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("Не удалось создать файл PDF: %1")
                               .arg(core::FileErrorText::russian(file)),
                           path,
                           -1,
                           -1,
                           {},
                           file.errorString()};
    {
        QPdfWriter writer(&file);
        writer.setResolution(600);
        writer.setCreator(QStringLiteral("Объективность"));
        writer.setTitle(plan.title.simplified());
        QPageLayout layout = PlanDocumentBuilder::pageLayout(options.orientation);
        layout.setMargins(QMarginsF(0, 0, 0, 0));
        writer.setPageLayout(layout);

        const core::Result<int> pages = PlanDocumentPainter::paint(plan, options, writer);
        if (!pages.ok()) {
            file.cancelWriting();
            core::Error e = pages.error();
            e.file = path;
            return e;
        }
    }
    if (!file.commit())
        return core::Error{QStringLiteral("Не удалось записать файл PDF: %1")
                               .arg(core::FileErrorText::russian(file)),
                           path,
                           -1,
                           -1,
                           {},
                           file.errorString()};
    return {};
}

} // namespace objectivity::io
