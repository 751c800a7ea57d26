#include "objectivity/io/plan/TextPlanReader.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <QRegularExpression>

namespace objectivity::io {

namespace {
QString cleanCell(QString s) {
    s = PlanTextRules::stripInlineHtml(s);
    s.replace(QChar(0x00A0), QLatin1Char(' '));
    s.replace(QChar(0x000B), QLatin1Char('\n')); // Word's manual line break inside a cell
    return s.trimmed();
}
// One tab-separated record starting at lines[i]. A field that starts with a quote and whose closing
// quote is followed by a tab or the end of a line is quoted the way Excel and Google Sheets copy
// cells: it may span lines, "" stands for ". Any other quote is literal. Returns the number of
// further lines the record took.
qsizetype splitRecord(const QStringList &lines, qsizetype i, QStringList &cells) {
    constexpr qsizetype kMaxLines = 50;
    qsizetype li = i;
    QString line = lines[i];
    qsizetype p = 0;
    while (true) {
        if (p < line.size() && line[p] == QLatin1Char('"')) {
            QString acc;
            qsizetype q = p + 1;
            qsizetype l2 = li;
            QString cur = line;
            bool closed = false;
            while (true) {
                if (q >= cur.size()) {
                    if (l2 + 1 >= lines.size() || l2 - i >= kMaxLines)
                        break;
                    acc += QLatin1Char('\n');
                    cur = lines[++l2];
                    q = 0;
                    continue;
                }
                if (cur[q] == QLatin1Char('"')) {
                    if (q + 1 < cur.size() && cur[q + 1] == QLatin1Char('"')) {
                        acc += QLatin1Char('"');
                        q += 2;
                        continue;
                    }
                    closed = q + 1 == cur.size() || cur[q + 1] == QLatin1Char('\t');
                    break;
                }
                acc += cur[q++];
            }
            if (closed) {
                cells << acc;
                li = l2;
                line = cur;
                p = q + 1;
                if (p >= line.size())
                    return li - i;
                ++p; // the tab
                continue;
            }
        }
        const qsizetype t = line.indexOf(QLatin1Char('\t'), p);
        if (t < 0) {
            cells << line.mid(p);
            return li - i;
        }
        cells << line.mid(p, t - p);
        p = t + 1;
    }
}
} // namespace

core::Result<RawDocument> TextPlanReader::read(const QString &text, const QString &sourceName) {
    if (text.size() > ReaderLimits::kPlanTextBytes)
        return ReaderLimits::planRefused(
            sourceName, QStringLiteral("текст документа больше %1 символов")
                            .arg(ReaderLimits::count(ReaderLimits::kPlanTextBytes)));
    // Counted before splitting: a file of line breaks would otherwise become millions of strings.
    if (qMax(text.count(QLatin1Char('\n')), text.count(QLatin1Char('\r'))) >=
        ReaderLimits::kPlanBlocks)
        return ReaderLimits::planRefused(sourceName,
                                         QStringLiteral("в документе больше %1 строк")
                                             .arg(ReaderLimits::count(ReaderLimits::kPlanBlocks)));
    RawDocument doc;
    doc.sourceName = sourceName;
    doc.locator = RawDocument::Locator::SourceLine;
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    const QStringList lines = text.split(lineBreak);
    qint64 cellCount = 0;
    bool inBold = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        const int lineNo = int(i) + 1;
        if (line.size() > ReaderLimits::kPlanCellChars)
            return ReaderLimits::planRefused(
                sourceName, QStringLiteral("строка %1 длиннее %2 символов")
                                .arg(lineNo)
                                .arg(ReaderLimits::count(ReaderLimits::kPlanCellChars)));
        QStringList cells;
        const qsizetype extra =
            (line.contains(QLatin1Char('\t')) || line.startsWith(QLatin1Char('"')))
                ? splitRecord(lines, i, cells)
                : 0;
        if (cells.size() > ReaderLimits::kPlanRowCells)
            return ReaderLimits::planRefused(
                sourceName, QStringLiteral("в строке %1 больше %2 ячеек (столбцов через табуляцию)")
                                .arg(lineNo)
                                .arg(ReaderLimits::count(ReaderLimits::kPlanRowCells)));
        if ((cellCount += cells.size()) > ReaderLimits::kPlanCells)
            return ReaderLimits::planRefused(
                sourceName, QStringLiteral("в таблицах документа больше %1 ячеек")
                                .arg(ReaderLimits::count(ReaderLimits::kPlanCells)));
        if (cells.size() >= 2) {
            i += extra;
            for (QString &c : cells) {
                c = cleanCell(c);
                if (c.startsWith(QLatin1String("**")) && c.endsWith(QLatin1String("**")) &&
                    c.size() >= 4)
                    c = c.mid(2, c.size() - 4).trimmed();
            }
            doc.blocks.append(RawBlock::row(cells, lineNo));
            continue;
        }
        QString t = cleanCell(line);
        if (t.contains(QLatin1Char('\n'))) { // a <br> in a copied paragraph: one block per line
            for (const QString &part : t.split(QLatin1Char('\n')))
                doc.blocks.append(RawBlock::paragraph(part.trimmed(), lineNo, inBold));
            continue;
        }
        if (t.isEmpty())
            inBold = false; // an unclosed ** does not run past a blank line
        bool emphasized = inBold;
        if (t.startsWith(QLatin1String("**"))) {
            t = t.mid(2);
            inBold = true;
            emphasized = true;
        }
        if (t.endsWith(QLatin1String("**"))) {
            t.chop(2);
            inBold = false;
            emphasized = true;
        }
        t.remove(QStringLiteral("**"));
        doc.blocks.append(
            RawBlock::paragraph(t.trimmed(), lineNo, emphasized && !t.trimmed().isEmpty()));
    }
    return doc;
}

} // namespace objectivity::io
