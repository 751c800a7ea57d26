#include "objectivity/io/plan/LayoutTextPlanReader.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/plan/PageWord.h"
#include "objectivity/io/plan/WordTableBuilder.h"

#include <QHash>
#include <QRegularExpression>

namespace objectivity::io {

namespace {
QStringList splitLines(const QString &text) {
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    return text.split(lineBreak);
}

QString expandTabs(const QString &line) {
    if (!line.contains(QLatin1Char('\t')))
        return line;
    QString out;
    for (QChar c : line) {
        if (c == QLatin1Char('\t'))
            out += QString(8 - out.size() % 8, QLatin1Char(' '));
        else
            out += c;
    }
    return out;
}
} // namespace

bool LayoutTextPlanReader::looksAligned(const QString &text) {
    static const QRegularExpression wideGap(QStringLiteral(R"(\S {2,}(?=\S))"));
    const QStringList lines = splitLines(text.left(ReaderLimits::kPlanTextBytes));
    int tabRows = 0;
    int gapLines = 0;
    QHash<qsizetype, int> starts; // column where a word starts after a wide gap → lines
    for (const QString &l : lines) {
        if (l.contains(QLatin1Char('\t')))
            ++tabRows;
        bool any = false;
        for (auto it = wideGap.globalMatch(l); it.hasNext();) {
            const auto m = it.next();
            ++starts[m.capturedEnd()];
            any = true;
        }
        gapLines += any ? 1 : 0;
    }
    if (tabRows * 10 > gapLines || gapLines < 5)
        return false;
    int aligned = 0; // columns where words start after a gap on three or more lines
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        aligned += it.value() >= 3 ? 1 : 0;
    return aligned >= 2;
}

core::Result<RawDocument> LayoutTextPlanReader::read(const QString &text,
                                                     const QString &sourceName) {
    if (text.size() > ReaderLimits::kPlanTextBytes)
        return ReaderLimits::planRefused(
            sourceName, QStringLiteral("текст документа больше %1 символов")
                            .arg(ReaderLimits::count(ReaderLimits::kPlanTextBytes)));
    if (qMax(text.count(QLatin1Char('\n')), text.count(QLatin1Char('\r'))) >=
        ReaderLimits::kPlanBlocks)
        return ReaderLimits::planRefused(sourceName,
                                         QStringLiteral("в документе больше %1 строк")
                                             .arg(ReaderLimits::count(ReaderLimits::kPlanBlocks)));
    QList<PageWord> words;
    int page = 1;
    const QStringList lines = splitLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        page += int(line.count(QChar(0x000C)));
        line.replace(QChar(0x000C), QLatin1Char(' '));
        if (line.size() > ReaderLimits::kPlanCellChars)
            return ReaderLimits::planRefused(
                sourceName, QStringLiteral("строка %1 длиннее %2 символов")
                                .arg(i + 1)
                                .arg(ReaderLimits::count(ReaderLimits::kPlanCellChars)));
        line = expandTabs(line);
        for (qsizetype p = 0; p < line.size();) {
            if (line[p].isSpace()) {
                ++p;
                continue;
            }
            qsizetype e = p;
            while (e < line.size() && !line[e].isSpace())
                ++e;
            if (words.size() >= ReaderLimits::kPlanWords)
                return ReaderLimits::planRefused(
                    sourceName, QStringLiteral("в документе больше %1 слов")
                                    .arg(ReaderLimits::count(ReaderLimits::kPlanWords)));
            // A line is 0.8 high, so a blank line between two lines is a gap of 1.2.
            words.append(PageWord{line.mid(p, e - p),
                                  QRectF(double(p), double(i), double(e - p), 0.8), page,
                                  int(i) + 1});
            p = e;
        }
    }
    WordTableBuilder::Options options;
    options.bin = 1.0;
    options.phraseGap = 1.5;
    options.rowGap = 0.5;
    options.locator = RawDocument::Locator::SourceLine;
    return WordTableBuilder::build(words, sourceName, options);
}

} // namespace objectivity::io
