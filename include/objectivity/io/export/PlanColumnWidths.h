#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::io {

class PlanExportTable;

// Column widths of a plan's table from its content, for the writers that must give fixed widths
// (DOCX, ODT): the table's height, estimated in lines of text, is made as small as the page width
// allows. Every column is at least as wide as its longest word (so no word breaks), then each
// further step of width goes to the column where it saves the most lines — a wide «Ожидаемый
// результат» gets more room than short «Сроки». Words are measured in Liberation Serif when the
// program has fonts (a QGuiApplication: the GUI and the CLI), else counted in average characters.
class PlanColumnWidths {
public:
    // `cells`: rows × columns of cell text ('\n' separates paragraphs); `headings` one per column;
    // `lineChars` the characters on one line of the table's width (words are counted in
    // characters). Returns relative widths summing to 100.
    static QList<double> compute(const QStringList &headings, const QList<QStringList> &cells,
                                 double lineChars);
    // The plan's table (measure rows; section rows span the width and do not count) for a text
    // width in millimetres and the table's font size in points.
    static QList<double> forTable(const core::Plan &plan, const PlanExportTable &table,
                                  double textWidthMm, double pointSize);
    // Average width of a character of Times New Roman / Liberation Serif, in millimetres.
    static double averageCharMm(double pointSize);
};

} // namespace objectivity::io
