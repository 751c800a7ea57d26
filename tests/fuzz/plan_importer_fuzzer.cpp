// PlanImporter::importData: bytes in, a plan or a Russian error out — format detection, the
// readers and the whole PlanDocumentParser (header, approval block, sections, measures,
// deadlines, owners). The first byte picks the declared format, as the GUI's callers do.
#include "FuzzSupport.h"
#include "objectivity/io/plan/PlanImporter.h"

#include <iterator>

using namespace objectivity;
using io::PlanImporter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const PlanImporter::Format formats[] = {PlanImporter::Format::Auto, PlanImporter::Format::Text,
                                            PlanImporter::Format::Html, PlanImporter::Format::Docx,
                                            PlanImporter::Format::Odt};
    // Mostly Auto (what files and the clipboard use); the low bits of the first byte only.
    const PlanImporter::Format format =
        (data[0] & 0x80) ? formats[(data[0] & 0x7f) % std::size(formats)] : formats[0];
    const auto result = PlanImporter::importData(fuzz::bytes(data + 1, size - 1), format,
                                                 QStringLiteral("план.docx"));
    if (!result.ok())
        fuzz::checkError(result.error());
    return 0;
}
