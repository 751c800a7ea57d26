// OdtPlanReader: a zip (from "PK\3\4") goes through a scratch .odt file and the whole reader
// (ZipArchive, mimetype, content.xml, styles.xml); anything else is read as content.xml itself,
// which is where most of the reader's logic (tables, spans, covered cells, styles) is.
#include "FuzzSupport.h"
#include "objectivity/io/plan/OdtPlanReader.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = fuzz::bytes(data, size);
    const auto document =
        input.startsWith("PK\x03\x04")
            ? io::OdtPlanReader::read(fuzz::writeScratchFile(input, QStringLiteral(".odt")),
                                      QStringLiteral("план.odt"))
            : io::OdtPlanReader::readContentXml(input, input, QStringLiteral("план.odt"));
    if (document.ok())
        fuzz::checkDocument(document.value());
    else
        fuzz::checkError(document.error());
    return 0;
}
