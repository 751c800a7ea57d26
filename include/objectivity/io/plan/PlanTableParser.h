#pragma once
#include "objectivity/core/plan/Section.h"
#include "objectivity/io/export/PlanTableLayout.h"
#include "objectivity/io/plan/PlanTextRules.h"
#include "objectivity/io/plan/RawDocument.h"

#include <QStringList>

namespace objectivity::io {

// Reads the blocks below a plan's header row: section heads (arabic or roman, in a row or a
// paragraph, number and title possibly on separate lines, or in the measure column of a row with an
// empty number cell), measure rows, continuation rows (empty number cell: appended column by
// column to what came before, a section title included), the second line of a two-row header
// («п/п … исполнения»), separators and repeated headers. Text a PDF converter left as a formula
// («$4, 5-x$») is kept as written, with a warning.
// Deadlines and owners are kept as raw text here; PlanDocumentParser interprets them.
class PlanTableParser {
public:
    struct MeasureDraft {
        core::Measure measure; // text, number, expected result, note, status column text
        QString deadlineText;
        QString ownersText;
        int line = 0;
    };
    struct SectionDraft {
        core::Section section; // number and title; measures are in `measures`
        QList<MeasureDraft> measures;
        int line = 0;
    };
    struct Output {
        QList<SectionDraft> sections;
        QStringList unplaced; // text that belongs to no section or measure, with where it was
    };

    PlanTableParser(const RawDocument &doc, PlanTableLayout &layout, QStringList &warnings);

    // A section head found just above the header row (seed 000: «1. Аналитическая работа»).
    void openSection(const PlanTextRules::SectionHead &head, const RawBlock &at);
    // Reads blocks [from, end) and returns what it found.
    Output parse(qsizetype from);

private:
    enum class Last { Nothing, Header, Section, Measure };

    void paragraph(const RawBlock &b);
    void row(qsizetype index, const RawBlock &b);
    void measureRow(const RawBlock &b, QStringList cells);
    void continuation(const RawBlock &b, const QStringList &cells);
    bool looksLikeUnnumberedMeasure(const QStringList &cells) const;
    bool continuesHeader(const QStringList &cells) const;
    void warnLeftovers(const RawBlock &b, const QStringList &cells);
    void appendToMeasure(MeasureDraft &m, int position, const QString &text);
    void unplaced(const RawBlock &b, const QString &text);
    QString nextMeasureNumber(qsizetype after) const;
    bool nextRowIsMeasure(qsizetype after) const;
    SectionDraft &currentSection(const RawBlock &b);
    QString where(const RawBlock &b) const { return m_doc.where(b); }

    const RawDocument &m_doc;
    PlanTableLayout &m_layout;
    QStringList &m_warnings;
    Output m_out;
    Last m_last = Last::Header;
    PlanTextRules::SectionHead m_pending; // a number seen alone, waiting for its title
    int m_pendingLine = 0;
    bool m_implicitWarned = false;
    bool m_afterHeader = true; // the row before was the header (or its repetition on a new page)
    QString m_implicitWarning;
};

} // namespace objectivity::io
