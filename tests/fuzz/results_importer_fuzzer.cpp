// ResultsImporter::importFile on a scratch file (.xlsx when the input is a zip, else .csv) into a
// scratch database that is reset after every input. The first byte picks the layout option.
#include "FuzzSupport.h"
#include "objectivity/io/results/ResultsImporter.h"

using namespace objectivity;
using io::ResultsImporter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    ResultsImporter::Options options;
    const ResultsImporter::Layout layouts[] = {
        ResultsImporter::Layout::Auto, ResultsImporter::Layout::Flat,
        ResultsImporter::Layout::Fisoko, ResultsImporter::Layout::Auto};
    options.layout = (data[0] & 0x80) ? layouts[data[0] & 3] : ResultsImporter::Layout::Auto;
    if (data[0] & 0x40)
        options.schoolCode = QStringLiteral("edu053001");
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    const QString path = fuzz::writeScratchFile(
        input, input.startsWith("PK\x03\x04") ? QStringLiteral(".xlsx") : QStringLiteral(".csv"));
    auto &scratch = fuzz::ScratchDatabase::instance();
    ResultsImporter importer(scratch.database());
    const auto preview = importer.preview(path, options, 5);
    if (!preview.ok())
        fuzz::checkError(preview.error());
    const auto summary = importer.importFile(path, options);
    if (!summary.ok())
        fuzz::checkError(summary.error());
    scratch.reset();
    return 0;
}
