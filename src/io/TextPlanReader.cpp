#include "objectivity/io/TextPlanReader.h"

#include <QRegularExpression>

namespace objectivity::io {

namespace {
QString cleanCell(QString s) {
    s.replace(QChar(0x00A0), QLatin1Char(' '));
    s.replace(QChar(0x000B), QLatin1Char('\n')); // Word's manual line break inside a cell
    return s.trimmed();
}
} // namespace

RawDocument TextPlanReader::read(const QString &text, const QString &sourceName) {
    RawDocument doc;
    doc.sourceName = sourceName;
    doc.locator = RawDocument::Locator::SourceLine;
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    const QStringList lines = text.split(lineBreak);
    bool inBold = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        const int lineNo = int(i) + 1;
        if (line.contains(QLatin1Char('\t'))) {
            QStringList cells = line.split(QLatin1Char('\t'));
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
