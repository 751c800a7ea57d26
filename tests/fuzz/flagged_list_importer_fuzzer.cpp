// FlaggedListImporter::importFile on a scratch file (.xlsx when the input is a zip, else .csv)
// into a scratch database that is reset after every input.
#include "FuzzSupport.h"
#include "objectivity/io/results/FlaggedListImporter.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = fuzz::bytes(data, size);
    const QString path = fuzz::writeScratchFile(
        input, input.startsWith("PK\x03\x04") ? QStringLiteral(".xlsx") : QStringLiteral(".csv"));
    auto &scratch = fuzz::ScratchDatabase::instance();
    const auto summary = io::FlaggedListImporter(scratch.database()).importFile(path);
    if (!summary.ok())
        fuzz::checkError(summary.error());
    scratch.reset();
    return 0;
}
