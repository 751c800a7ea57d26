// ZipArchive: the central directory and every entry of a scratch .zip file, with the limits
// lowered (the same refusal code, less memory on a shared machine).
#include "FuzzSupport.h"
#include "objectivity/io/formats/ZipArchive.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    io::ZipArchive::Limits limits;
    limits.maxEntryBytes = 16 * 1024 * 1024;
    limits.maxTotalBytes = 32 * 1024 * 1024;
    limits.maxEntries = 2000;
    auto archive = io::ZipArchive::open(
        fuzz::writeScratchFile(fuzz::bytes(data, size), QStringLiteral(".zip")), limits);
    if (!archive.ok()) {
        fuzz::checkError(archive.error());
        return 0;
    }
    const QStringList names = archive.value().entryNames();
    for (const QString &name : names) {
        const auto content = archive.value().read(name);
        if (!content.ok())
            fuzz::checkError(content.error());
    }
    (void)archive.value().read(QStringLiteral("no/such/entry.xml"));
    return 0;
}
