#pragma once
#include "objectivity/io/plan/RawBlock.h"

namespace objectivity::io {

// A plan document reduced to neutral blocks by a format reader (TextPlanReader, HtmlPlanReader,
// DocxPlanReader); PlanDocumentParser finds the plan's structure in it.
struct RawDocument {
    // How RawBlock::line is counted, so that warnings name a place the user can find.
    enum class Locator {
        SourceLine, // the line of the text or HTML source: «Строка 57»
        ParagraphOrRow, // .docx: «Абзац 3» for paragraphs, «Строка таблицы 12» for rows
        PageLine, // PDF: «Страница 2, строка 14» (RawBlock::page and the line on it)
    };

    QString sourceName; // file name (or «буфер обмена») used in messages
    Locator locator = Locator::SourceLine;
    QList<RawBlock> blocks;

    // «Строка 57», «Строка таблицы 12», «Абзац 3».
    QString where(const RawBlock &block) const {
        if (locator == Locator::SourceLine)
            return QStringLiteral("Строка %1").arg(block.line);
        if (locator == Locator::PageLine)
            return QStringLiteral("Страница %1, строка %2").arg(block.page).arg(block.line);
        return block.isRow() ? QStringLiteral("Строка таблицы %1").arg(block.tableRow)
                             : QStringLiteral("Абзац %1").arg(block.line);
    }
};

} // namespace objectivity::io
