// TextDecoder (binary check, detection, every decoding) and TextPlanReader on the decoded text.
#include "FuzzSupport.h"
#include "objectivity/io/formats/TextDecoder.h"
#include "objectivity/io/plan/TextPlanReader.h"

using namespace objectivity;
using io::TextDecoder;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = fuzz::bytes(data, size);
    (void)TextDecoder::looksBinary(input);
    const TextDecoder::Encoding detected = TextDecoder::detect(input);
    for (auto encoding : {TextDecoder::Encoding::Utf8, TextDecoder::Encoding::Utf8Bom,
                          TextDecoder::Encoding::Utf16LE, TextDecoder::Encoding::Utf16BE,
                          TextDecoder::Encoding::Windows1251}) {
        const QString text = TextDecoder::decode(input, encoding);
        if (encoding != detected)
            continue;
        if (const auto document = io::TextPlanReader::read(text, QStringLiteral("план.txt"));
            document.ok())
            fuzz::checkDocument(document.value());
        else
            fuzz::checkError(document.error()); // a limit: a message naming the file
    }
    return 0;
}
