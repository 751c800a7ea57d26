#include "objectivity/io/plan/PdfPlanReader.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/plan/WordTableBuilder.h"

#include <poppler/qt6/poppler-qt6.h>

#include <QVariant>

#include <algorithm>
#include <mutex>

namespace objectivity::io {

namespace {
core::Error pdfError(const QString &name, const QString &message) {
    core::Error e;
    e.file = name;
    e.message = message;
    return e;
}

// Poppler prints its complaints about damaged files to stderr; the reader reports in Russian.
void quietPoppler() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, QVariant());
    });
}
} // namespace

core::Result<QList<PageWord>> PdfPlanReader::words(const QByteArray &data,
                                                   const QString &sourceName) {
    return words(data, sourceName, nullptr);
}

core::Result<QList<PageWord>> PdfPlanReader::words(const QByteArray &data,
                                                   const QString &sourceName, bool *printedHere) {
    if (data.size() > ReaderLimits::kPlanPdfBytes)
        return ReaderLimits::planRefused(sourceName,
                                         QStringLiteral("файл больше %1 (в нём %2)")
                                             .arg(ReaderLimits::size(ReaderLimits::kPlanPdfBytes),
                                                  ReaderLimits::size(data.size())));
    quietPoppler();
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(data);
    if (!document)
        return pdfError(sourceName, QStringLiteral("файл PDF повреждён или не является PDF — "
                                                   "он не прочитан"));
    if (document->isLocked())
        return pdfError(sourceName, QStringLiteral("файл PDF защищён паролем — снимите защиту "
                                                   "и повторите импорт"));
    if (printedHere)
        *printedHere = document->info(QStringLiteral("Creator")) == QStringLiteral("Объективность");
    const int pages = document->numPages();
    if (pages > ReaderLimits::kPlanPdfPages)
        return ReaderLimits::planRefused(sourceName,
                                         QStringLiteral("в PDF больше %1 страниц (в нём %2)")
                                             .arg(ReaderLimits::count(ReaderLimits::kPlanPdfPages))
                                             .arg(ReaderLimits::count(pages)));
    QList<PageWord> words;
    for (int p = 0; p < pages; ++p) {
        const std::unique_ptr<Poppler::Page> page = document->page(p);
        if (!page)
            continue;
        for (const auto &box : page->textList()) {
            if (words.size() >= ReaderLimits::kPlanWords)
                return ReaderLimits::planRefused(
                    sourceName, QStringLiteral("в PDF больше %1 слов")
                                    .arg(ReaderLimits::count(ReaderLimits::kPlanWords)));
            const QString text = box->text().trimmed();
            const QRectF r = box->boundingBox();
            if (text.isEmpty() || !r.isValid() || !std::isfinite(r.left()) ||
                !std::isfinite(r.top()) || !std::isfinite(r.width()) || !std::isfinite(r.height()))
                continue;
            words.append(PageWord{text, r, p + 1, 0});
        }
    }
    if (words.isEmpty())
        return pdfError(sourceName,
                        QStringLiteral("в PDF нет текста — вероятно, это скан (изображение "
                                       "страниц); нужен PDF с текстом, .docx или текст плана"));
    return words;
}

core::Result<RawDocument> PdfPlanReader::read(const QByteArray &data, const QString &sourceName) {
    bool printedHere = false;
    auto w = words(data, sourceName, &printedHere);
    if (!w)
        return w.error();
    QList<double> heights;
    for (const PageWord &word : *w)
        heights << word.box.height();
    std::sort(heights.begin(), heights.end());
    const double height = heights[heights.size() / 2];
    WordTableBuilder::Options options;
    options.bin = 0.5;
    options.phraseGap = 0.45 * height;
    options.rowGap = 0.45;
    options.headerByGaps = true;
    options.joinBrokenWords = printedHere;
    options.locator = RawDocument::Locator::PageLine;
    return WordTableBuilder::build(*w, sourceName, options);
}

} // namespace objectivity::io
