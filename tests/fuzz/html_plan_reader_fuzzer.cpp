// HtmlPlanReader: the declared charset, the decoding it selects and the tolerant tokenizer.
#include "FuzzSupport.h"
#include "objectivity/io/formats/TextDecoder.h"
#include "objectivity/io/plan/HtmlPlanReader.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = fuzz::bytes(data, size);
    const QByteArray charset = io::HtmlPlanReader::declaredCharset(input);
    const QString html = io::TextDecoder::decode(input, io::TextDecoder::detect(input, charset));
    if (const auto document = io::HtmlPlanReader::read(html, QStringLiteral("план.html"));
        document.ok())
        fuzz::checkDocument(document.value());
    else
        fuzz::checkError(document.error()); // a limit: a message naming the file
    return 0;
}
