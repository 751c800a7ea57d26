#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

namespace objectivity::io {

// What DocxPlanReader and OdtPlanReader do alike with their zip and XML parts; every error names
// the user's file (`sourceName`), not the scratch path it was read from.
class PlanZipPart {
public:
    // The archive, with a part no larger than a plan's text may be.
    static core::Result<ZipArchive> open(const QString &path, const QString &sourceName);
    // One part of it.
    static core::Result<QByteArray> read(ZipArchive &archive, const QString &part,
                                         const QString &sourceName);
    // «содержимое документа (PART) повреждено: …» for a part the XML reader stopped in.
    static core::Error damaged(const QString &sourceName, const QString &part,
                               const QXmlStreamReader &xml);
    // An error of the file with this message.
    static core::Error error(const QString &sourceName, const QString &message);
    // The part is larger than a plan's text may be: refused before it is parsed.
    static core::Error tooLarge(const QString &sourceName, const QString &part);
};

} // namespace objectivity::io
