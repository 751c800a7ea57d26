#include "objectivity/io/export/PlanOdtWriter.h"

#include "objectivity/core/common/FileErrorText.h"
#include "objectivity/io/export/PlanDocumentBuilder.h"

#include <QBuffer>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextDocumentWriter>

namespace objectivity::io {

core::Status PlanOdtWriter::write(const core::Plan &plan, const QString &path,
                                  const PlanExportOptions &options) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("Не удалось создать файл ODT: %1")
                               .arg(core::FileErrorText::russian(file)),
                           path,
                           -1,
                           -1,
                           {},
                           file.errorString()};
    const std::unique_ptr<QTextDocument> doc = PlanDocumentBuilder(options).build(plan);
    // The ODF writer closes its device when done, which QSaveFile forbids (qFatal): write the zip
    // into memory first.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, QByteArrayLiteral("odf"));
    if (!writer.write(doc.get())) {
        file.cancelWriting();
        return core::Error{QStringLiteral("Не удалось записать документ в формате ODT"), path};
    }
    if (file.write(buffer.data()) != buffer.data().size() || !file.commit())
        return core::Error{QStringLiteral("Не удалось записать файл ODT: %1")
                               .arg(core::FileErrorText::russian(file)),
                           path,
                           -1,
                           -1,
                           {},
                           file.errorString()};
    return {};
}

} // namespace objectivity::io
