// XlsxReader: the workbook, relationships, shared strings, styles and every sheet of a scratch
// .xlsx file. Limits are lowered so that a hostile size is refused without eating the memory of a
// shared machine (the refusal path is the same code).
#include "FuzzSupport.h"
#include "objectivity/io/formats/XlsxReader.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    io::XlsxReader::Limits limits;
    limits.maxPartBytes = 16 * 1024 * 1024;
    limits.maxCells = 1'000'000;
    auto reader = io::XlsxReader::open(
        fuzz::writeScratchFile(fuzz::bytes(data, size), QStringLiteral(".xlsx")), limits);
    if (!reader.ok()) {
        fuzz::checkError(reader.error());
        return 0;
    }
    const QStringList names = reader.value().sheetNames();
    for (int i = 0; i < names.size(); ++i) {
        const auto sheet = reader.value().readSheet(i);
        if (!sheet.ok()) {
            fuzz::checkError(sheet.error());
            continue;
        }
        for (int row = 0; row < sheet.value().rows.size(); ++row)
            for (int column = 0; column < sheet.value().rows.at(row).size(); ++column)
                (void)sheet.value().text(row, column);
    }
    return 0;
}
