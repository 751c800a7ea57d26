// PdfPlanReader in-process: Poppler parses the bytes (damaged, encrypted, without text, huge page
// counts), then WordTableBuilder rebuilds the table from the words. Inputs that do not start with
// "%PDF" are read as space-aligned text by LayoutTextPlanReader, which shares the builder, so the
// fuzzer also reaches the column and row logic without a valid PDF around it.
#include "FuzzSupport.h"
#include "objectivity/io/plan/LayoutTextPlanReader.h"
#include "objectivity/io/plan/PdfPlanReader.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = fuzz::bytes(data, size);
    const auto document =
        input.startsWith("%PDF")
            ? io::PdfPlanReader::read(input, QStringLiteral("план.pdf"))
            : io::LayoutTextPlanReader::read(QString::fromUtf8(input), QStringLiteral("план.txt"));
    if (document.ok())
        fuzz::checkDocument(document.value());
    else
        fuzz::checkError(document.error());
    return 0;
}
