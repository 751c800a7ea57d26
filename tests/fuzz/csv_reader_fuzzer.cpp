// CsvReader::fromData: encoding and delimiter detection, quoting, line breaks in fields, the
// trailing delimiter. The first byte may force a delimiter, as the importer's --delimiter does.
#include "FuzzSupport.h"
#include "objectivity/io/formats/CsvReader.h"

#include <cstdio>
#include <cstdlib>

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const QChar delimiters[] = {QChar(), QLatin1Char(';'), QLatin1Char(','), QLatin1Char('\t')};
    const QChar delimiter = (data[0] & 0x80) ? delimiters[data[0] & 3] : QChar();
    std::optional<core::Error> error;
    auto reader = io::CsvReader::fromData(fuzz::bytes(data + 1, size - 1),
                                          QStringLiteral("результаты.csv"), &error, delimiter);
    if (!reader) {
        if (!error) {
            std::fprintf(stderr, "fuzz: no reader and no error\n");
            std::abort();
        }
        fuzz::checkError(*error);
        return 0;
    }
    QStringList fields;
    int lastLine = 0;
    while (reader->readRecord(fields)) {
        if (reader->lineNumber() < lastLine) {
            std::fprintf(stderr, "fuzz: record line went back from %d to %d\n", lastLine,
                         reader->lineNumber());
            std::abort();
        }
        lastLine = reader->lineNumber();
    }
    if (reader->error())
        fuzz::checkError(*reader->error());
    return 0;
}
