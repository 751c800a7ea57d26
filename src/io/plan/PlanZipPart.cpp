#include "plan/PlanZipPart.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/formats/XmlErrorText.h"

namespace objectivity::io {

core::Result<ZipArchive> PlanZipPart::open(const QString &path, const QString &sourceName) {
    ZipArchive::Limits limits;
    limits.maxEntryBytes = ReaderLimits::kPlanDocumentXmlBytes;
    auto archive = ZipArchive::open(path, limits);
    if (!archive.ok()) {
        core::Error e = archive.error();
        e.file = sourceName;
        return e;
    }
    return archive;
}

core::Result<QByteArray> PlanZipPart::read(ZipArchive &archive, const QString &part,
                                           const QString &sourceName) {
    auto bytes = archive.read(part);
    if (!bytes.ok()) {
        core::Error e = bytes.error();
        e.file = sourceName;
        return e;
    }
    return bytes;
}

core::Error PlanZipPart::damaged(const QString &sourceName, const QString &part,
                                 const QXmlStreamReader &xml) {
    core::Error e = error(sourceName, QStringLiteral("содержимое документа (%1) повреждено: %2")
                                          .arg(part, XmlErrorText::russian(xml)));
    e.details = XmlErrorText::original(xml);
    return e;
}

core::Error PlanZipPart::error(const QString &sourceName, const QString &message) {
    core::Error e;
    e.file = sourceName;
    e.message = message;
    return e;
}

core::Error PlanZipPart::tooLarge(const QString &sourceName, const QString &part) {
    return ReaderLimits::planRefused(
        sourceName, QStringLiteral("текст документа (%1) больше %2")
                        .arg(part, ReaderLimits::size(ReaderLimits::kPlanDocumentXmlBytes)));
}

} // namespace objectivity::io
