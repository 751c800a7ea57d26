// HtmlPlanReader: the declared charset, the decoding it selects and the tolerant tokenizer.
#include "FuzzSupport.h"
#include "objectivity/io/formats/TextDecoder.h"
#include "objectivity/io/plan/HtmlPlanReader.h"

using namespace objectivity;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input = fuzz::bytes(data, size);
    const QByteArray charset = io::HtmlPlanReader::declaredCharset(input);
    const QString html = io::TextDecoder::decode(input, io::TextDecoder::detect(input, charset));
    fuzz::checkDocument(io::HtmlPlanReader::read(html, QStringLiteral("план.html")));
    return 0;
}
