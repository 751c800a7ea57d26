// DocxPlanReader: a zip (from "PK\3\4") goes through a scratch .docx file and the whole reader
// (ZipArchive, [Content_Types], word/document.xml); anything else is read as document.xml itself,
// which is where most of the reader's logic (tables, merges, runs) is.
#include "FuzzSupport.h"
#include "objectivity/io/plan/DocxPlanReader.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = fuzz::bytes(data, size);
    const auto document =
        input.startsWith("PK\x03\x04")
            ? io::DocxPlanReader::read(fuzz::writeScratchFile(input, QStringLiteral(".docx")),
                                       QStringLiteral("план.docx"))
            : io::DocxPlanReader::readDocumentXml(input, QStringLiteral("план.docx"));
    if (document.ok())
        fuzz::checkDocument(document.value());
    else
        fuzz::checkError(document.error());
    return 0;
}
