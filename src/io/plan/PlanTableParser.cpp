#include "objectivity/io/plan/PlanTableParser.h"

#include "objectivity/io/plan/ApprovalBlockParser.h"
#include "objectivity/io/plan/CellRepair.h"
#include "objectivity/io/plan/PlanColumnClassifier.h"

#include <QRegularExpression>

using objectivity::core::ColumnRole;
using objectivity::core::MeasureStatus;

namespace objectivity::io {

namespace {
QString shortQuote(const QString &text, int max = 80) {
    const QString t = PlanTextRules::oneLine(text);
    return t.size() <= max ? t : t.left(max - 1) + QChar(u'…');
}

QString numberStem(QString n) {
    n = n.trimmed();
    while (n.endsWith(QLatin1Char('.')) || n.endsWith(QLatin1Char(')')))
        n.chop(1);
    return n.remove(QLatin1Char(' '));
}

std::optional<MeasureStatus> statusFromText(const QString &text) {
    const QString t = text.toLower();
    if (t.contains(QStringLiteral("частично")))
        return MeasureStatus::InProgress;
    if (t.startsWith(QStringLiteral("не выполн")))
        return MeasureStatus::NotDone;
    if (t.startsWith(QStringLiteral("выполнен")) || t == QStringLiteral("да") ||
        t.startsWith(QStringLiteral("исполнен")))
        return MeasureStatus::Done;
    if (t.startsWith(QStringLiteral("в работе")) || t.startsWith(QStringLiteral("выполняется")) ||
        t.startsWith(QStringLiteral("в процессе")))
        return MeasureStatus::InProgress;
    if (t.startsWith(QStringLiteral("перенес")))
        return MeasureStatus::Postponed;
    return std::nullopt;
}
// Whether a status cell says no more than its status ("Выполнено", "в работе."): anything else
// ("выполнено (приказ № 56 от 12.02.2024)") is kept in the measure's note as well.
bool isBareStatus(const QString &text) {
    static const QRegularExpression bare(
        QStringLiteral(
            R"(^(не\s+)?(выполнен[оа]?|исполнен[оа]?|да|в\s+работе|выполняется|в\s+процессе|)"
            R"(перенесен[оа]?)[.!]?$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return bare.match(text.trimmed()).hasMatch();
}

// A row of a table without a number column that holds only a short title: a section head
// ("Организационная работа") when the row after it is a measure with a deadline or owners.
bool looksLikeTitle(const QString &text) {
    if (text.isEmpty() || text.size() > 120 || !text.front().isUpper() ||
        text.contains(QLatin1Char('\n')))
        return false;
    const QChar last = text.back();
    return last != QLatin1Char(',') && last != QLatin1Char(';') && last != QLatin1Char(':') &&
           last != QLatin1Char('-');
}
} // namespace

PlanTableParser::PlanTableParser(const RawDocument &doc, PlanTableLayout &layout,
                                 QStringList &warnings)
    : m_doc(doc), m_layout(layout), m_warnings(warnings) {}

void PlanTableParser::openSection(const PlanTextRules::SectionHead &head, const RawBlock &at) {
    SectionDraft s;
    s.section.number = head.number;
    s.section.title = PlanTextRules::oneLine(head.title);
    s.line = at.line;
    if (head.typo)
        m_warnings << QStringLiteral(
                          "%1: номер раздела «%2» набран кириллическими буквами — прочитан "
                          "как римское %3 (номер сохранён как написан)")
                          .arg(where(at), head.number, head.romanValue);
    if (s.section.title.isEmpty())
        m_warnings << QStringLiteral("%1: у раздела %2 нет названия").arg(where(at), head.number);
    m_out.sections.append(s);
    m_last = Last::Section;
}

PlanTableParser::Output PlanTableParser::parse(qsizetype from) {
    for (qsizetype i = from; i < m_doc.blocks.size(); ++i) {
        const RawBlock &b = m_doc.blocks[i];
        if (b.isBlank())
            continue;
        if (b.isRow())
            row(i, b);
        else
            paragraph(b);
    }
    if (m_pending.ok) {
        m_warnings << QStringLiteral("Строка %1: номер раздела «%2» без названия в конце документа")
                          .arg(m_pendingLine)
                          .arg(m_pending.number);
        m_out.unplaced << m_pending.number;
    }
    // A table without any section: its one unnamed section needs no warning.
    if (m_out.sections.size() == 1 && !m_implicitWarning.isEmpty())
        m_warnings.removeOne(m_implicitWarning);
    return m_out;
}

void PlanTableParser::paragraph(const RawBlock &b) {
    const QString t = PlanTextRules::oneLine(b.text());
    if (PlanTextRules::isSeparator(t) || PlanTextRules::isPageNumber(t))
        return; // a page break of a PDF or a printout: no text of the plan
    warnLeftovers(b, {t});
    m_afterHeader = false;
    // The next line of a section title that runs across the table.
    if (m_last == Last::Section && !m_pending.ok && t.front().isLower()) {
        auto &s = m_out.sections.last().section;
        s.title = PlanTextRules::oneLine(s.title + QLatin1Char(' ') + t);
        return;
    }
    if (m_pending.ok) {
        PlanTextRules::SectionHead head = m_pending;
        head.title = t;
        m_pending = {};
        openSection(head, b);
        return;
    }
    const auto head = PlanTextRules::sectionHead(t);
    if (head.ok && head.title.isEmpty()) {
        m_pending = head;
        m_pendingLine = b.line;
        return;
    }
    if (head.ok) {
        openSection(head, b);
        return;
    }
    unplaced(b, t);
}

void PlanTableParser::row(qsizetype index, const RawBlock &b) {
    QStringList cells;
    for (const QString &c : b.cells)
        cells << PlanTextRules::tidy(c);
    QList<int> filled;
    bool allSeparators = true;
    for (int p = 0; p < cells.size(); ++p) {
        if (cells[p].isEmpty())
            continue;
        filled << p;
        if (!PlanTextRules::isSeparator(cells[p]))
            allSeparators = false;
    }
    if (filled.isEmpty() || allSeparators || PlanColumnClassifier::isColumnNumbering(cells))
        return;
    if (PlanColumnClassifier::isHeaderRow(cells)) {
        m_last = m_last == Last::Nothing ? Last::Header : m_last;
        m_afterHeader = true;
        return; // the header repeated on a new page
    }
    // The second line of a two-row header («п/п», «исполнения»): part of the headings.
    if (m_afterHeader && continuesHeader(cells)) {
        if (m_last == Last::Header)
            continuation(b, cells);
        return;
    }
    m_afterHeader = false;
    warnLeftovers(b, cells);

    const int numberPos = m_layout.positionOf(ColumnRole::Number);
    const int measurePos = m_layout.positionOf(ColumnRole::Measure);
    const int firstPos = filled.first();
    const bool numberRepeated =
        numberPos >= 0 && numberPos < b.repeated.size() && b.repeated[numberPos];

    // A title waiting for its number ("2." on a line of its own, then the title in a row).
    if (m_pending.ok) {
        PlanTextRules::SectionHead head = m_pending;
        m_pending = {};
        if (filled.size() == 1 && !PlanTextRules::isMeasureNumber(cells[firstPos])) {
            head.title = cells[firstPos];
            openSection(head, b);
            return;
        }
        openSection(head, b);
    }

    // One filled cell at the start of the row: a section head (or an unnumbered section).
    if (filled.size() == 1 && (firstPos == 0 || firstPos == numberPos)) {
        const QString &t = cells[firstPos];
        const auto head = PlanTextRules::sectionHead(PlanTextRules::oneLine(t));
        if (head.ok && head.title.isEmpty()) {
            m_pending = head;
            m_pendingLine = b.line;
            return;
        }
        if (head.ok) {
            openSection(head, b);
            return;
        }
        if (!PlanTextRules::isMeasureNumber(t) &&
            (firstPos != measurePos ||
             (numberPos < 0 && looksLikeTitle(t) && nextRowIsMeasure(index)))) {
            PlanTextRules::SectionHead unnumbered;
            unnumbered.ok = true;
            unnumbered.title = t;
            if (firstPos == measurePos)
                m_warnings << QStringLiteral("%1: строка «%2» без сроков и ответственных прочитана "
                                             "как название раздела")
                                  .arg(where(b), shortQuote(t, 60));
            openSection(unnumbered, b);
            return;
        }
    }

    const QString numberCell =
        numberPos >= 0 && numberPos < cells.size() ? cells[numberPos] : QString();
    // A section row with an empty number cell and its number in the title («І. Организационные
    // мероприятия» in the measure column): roman numbers always, arabic ones when the measures
    // after it are numbered under it.
    if (numberPos >= 0 && numberCell.isEmpty() && !numberRepeated && filled.size() == 1 &&
        firstPos == measurePos) {
        const auto head = PlanTextRules::sectionHead(PlanTextRules::oneLine(cells[measurePos]));
        if (head.ok && !head.title.isEmpty() &&
            (head.title.front().isUpper() || head.title.front() == QChar(u'«')) &&
            (head.roman || numberStem(nextMeasureNumber(index))
                               .startsWith(numberStem(head.number) + QLatin1Char('.')))) {
            openSection(head, b);
            return;
        }
    }
    if (numberPos >= 0 && (numberCell.isEmpty() || numberRepeated)) {
        if (!numberRepeated && looksLikeUnnumberedMeasure(cells)) {
            m_warnings << QStringLiteral(
                              "%1: строка без номера прочитана как отдельное мероприятие")
                              .arg(where(b));
            measureRow(b, cells);
            return;
        }
        continuation(b, cells);
        return;
    }
    if (numberPos >= 0 && PlanTextRules::isMeasureNumber(numberCell)) {
        // "1." with only a title beside it, followed by "1.1", "1.2": a section, not a measure.
        const bool onlyTitle = filled.size() == 2 && filled.contains(measurePos);
        if (onlyTitle && PlanTextRules::numberDepth(numberCell) == 1) {
            const QString next = numberStem(nextMeasureNumber(index));
            const QString stem = numberStem(numberCell);
            if (next.startsWith(stem + QLatin1Char('.'))) {
                PlanTextRules::SectionHead head;
                head.ok = true;
                head.number = numberCell;
                head.title = cells[measurePos];
                openSection(head, b);
                return;
            }
        }
        measureRow(b, cells);
        return;
    }
    if (numberPos >= 0) {
        // A roman numeral in the number column and a title beside it.
        const auto head = PlanTextRules::sectionHead(
            numberCell + QLatin1Char(' ') +
            (measurePos >= 0 && measurePos < cells.size() ? cells[measurePos] : QString()));
        if (head.ok && head.roman && filled.size() <= 2) {
            openSection(head, b);
            return;
        }
        // "1.1. Текст" — the number ran into the text of the first cell.
        static const QRegularExpression numbered(
            QStringLiteral(R"(^(\d{1,3}(?:\.\d{1,3})+\.?)\s+(\S.*)$)"),
            QRegularExpression::DotMatchesEverythingOption);
        const auto m = numbered.match(numberCell);
        if (m.hasMatch() && numberPos + 1 == measurePos && cells.size() < m_layout.width) {
            cells[numberPos] = m.captured(1);
            cells.insert(measurePos, m.captured(2));
            measureRow(b, cells);
            return;
        }
        m_warnings << QStringLiteral("%1: в столбце номера стоит текст «%2» — строка прочитана как "
                                     "мероприятие без номера")
                          .arg(where(b), shortQuote(numberCell, 40));
        measureRow(b, cells);
        return;
    }
    // A table without a number column: a new measure starts with a capital letter or a number.
    const QString text =
        measurePos >= 0 && measurePos < cells.size() ? cells[measurePos] : QString();
    if (!text.isEmpty() && (text.front().isUpper() || text.front().isDigit()))
        measureRow(b, cells);
    else
        continuation(b, cells);
}

bool PlanTableParser::continuesHeader(const QStringList &cells) const {
    int filled = 0;
    for (const QString &c : cells) {
        const QString t = PlanTextRules::oneLine(c);
        if (t.isEmpty())
            continue;
        ++filled;
        if (t.size() > 40 || t.count(QLatin1Char(' ')) > 3 || PlanTextRules::isMeasureNumber(t) ||
            PlanTextRules::sectionHead(t).ok)
            return false;
        if (!t.front().isLower() && !PlanColumnClassifier::role(t))
            return false;
    }
    return filled > 0;
}

void PlanTableParser::warnLeftovers(const RawBlock &b, const QStringList &cells) {
    for (const QString &c : cells) {
        const QString leftover = PlanTextRules::pdfLeftover(c);
        if (!leftover.isEmpty())
            m_warnings << QStringLiteral("%1: «%2» похоже на остаток преобразования PDF (текст "
                                         "в знаках $) — оставлено как написано, проверьте и "
                                         "исправьте текст")
                              .arg(where(b), leftover);
    }
}

bool PlanTableParser::looksLikeUnnumberedMeasure(const QStringList &cells) const {
    auto filledAt = [&](ColumnRole role) {
        const int p = m_layout.positionOf(role);
        return p >= 0 && p < cells.size() && !cells[p].isEmpty();
    };
    const int measurePos = m_layout.positionOf(ColumnRole::Measure);
    if (!filledAt(ColumnRole::Measure) || !cells[measurePos].front().isUpper())
        return false;
    const bool deadline = filledAt(ColumnRole::Deadline);
    const bool owners = filledAt(ColumnRole::Owners);
    // After a section head or the header a row with a deadline or owners is a measure; after a
    // measure it takes both (a row split by a page break continues in lowercase or fills fewer
    // cells).
    if (m_last == Last::Measure)
        return deadline && owners;
    return deadline || owners;
}

void PlanTableParser::measureRow(const RawBlock &b, QStringList cells) {
    const int numberPos = m_layout.positionOf(ColumnRole::Number);
    // A row that lost a cell: the responsible people and the expected result ran together.
    while (!cells.isEmpty() && cells.last().isEmpty() && cells.size() > m_layout.width)
        cells.removeLast();
    if (cells.size() < m_layout.width && !cells.isEmpty() && !cells.last().isEmpty()) {
        const int last = int(cells.size()) - 1;
        const ColumnRole lastRole = m_layout.roleAt(last);
        const ColumnRole nextRole = m_layout.roleAt(last + 1);
        std::optional<std::pair<QString, QString>> split;
        if (lastRole == ColumnRole::Owners && nextRole == ColumnRole::ExpectedResult)
            split = CellRepair::splitOwnersAndResult(cells.last());
        if (split) {
            m_warnings << QStringLiteral(
                              "%1: в строке %2 ячеек вместо %3 — столбцы «%4» и «%5» слились; "
                              "разделено: «%6» | «%7»")
                              .arg(where(b))
                              .arg(cells.size())
                              .arg(m_layout.width)
                              .arg(m_layout.headingAt(last), m_layout.headingAt(last + 1),
                                   shortQuote(split->first, 60), shortQuote(split->second, 40));
            cells[last] = split->first;
            cells << split->second;
        } else {
            m_warnings << QStringLiteral(
                              "%1: в строке %2 ячеек вместо %3 — текст размещён по порядку "
                              "столбцов, проверьте столбец «%4»")
                              .arg(where(b))
                              .arg(cells.size())
                              .arg(m_layout.width)
                              .arg(m_layout.headingAt(last));
        }
    }
    // A deadline cell that starts with words of the cell before it.
    const int deadlinePos = m_layout.positionOf(ColumnRole::Deadline);
    if (deadlinePos > 0 && deadlinePos < cells.size() && deadlinePos - 1 != numberPos &&
        !cells[deadlinePos - 1].isEmpty()) {
        if (const auto moved =
                CellRepair::moveStrayDeadlinePrefix(cells[deadlinePos - 1], cells[deadlinePos])) {
            m_warnings << QStringLiteral("%1: начало ячейки «%2» («%3») отнесено к столбцу «%4»")
                              .arg(where(b), m_layout.headingAt(deadlinePos), moved->stray,
                                   m_layout.headingAt(deadlinePos - 1));
            cells[deadlinePos - 1] = moved->previous;
            cells[deadlinePos] = moved->deadline;
        }
    }

    MeasureDraft m;
    m.line = b.line;
    if (numberPos >= 0 && numberPos < cells.size())
        m.measure.number = PlanTextRules::oneLine(cells[numberPos]);
    QStringList extra;
    for (int p = 0; p < cells.size(); ++p) {
        if (p == numberPos || cells[p].isEmpty())
            continue;
        if (p >= m_layout.width || !m_layout.hasHeading(p)) {
            extra << cells[p];
            continue;
        }
        appendToMeasure(m, p, cells[p]);
    }
    if (!extra.isEmpty()) {
        m.measure.note = PlanTextRules::appendText(m.measure.note, extra.join(QLatin1Char('\n')));
        m_warnings << QStringLiteral(
                          "%1: ячейки за пределами столбцов таблицы сохранены в примечании "
                          "мероприятия %2: «%3»")
                          .arg(where(b), m.measure.number,
                               shortQuote(extra.join(QStringLiteral(" | "))));
    }
    if (m.measure.text.isEmpty())
        m_warnings
            << QStringLiteral("%1: у мероприятия %2 нет текста").arg(where(b), m.measure.number);
    currentSection(b).measures.append(m);
    m_last = Last::Measure;
}

void PlanTableParser::continuation(const RawBlock &b, const QStringList &cells) {
    const int numberPos = m_layout.positionOf(ColumnRole::Number);
    QStringList parts;
    for (int p = 0; p < cells.size(); ++p) {
        if (cells[p].isEmpty() || p == numberPos || (p < b.repeated.size() && b.repeated[p]))
            continue;
        parts << cells[p];
    }
    if (parts.isEmpty())
        return;
    switch (m_last) {
    case Last::Measure: {
        MeasureDraft &m = m_out.sections.last().measures.last();
        for (int p = 0; p < cells.size(); ++p) {
            if (cells[p].isEmpty() || p == numberPos || (p < b.repeated.size() && b.repeated[p]))
                continue;
            if (p >= m_layout.width || !m_layout.hasHeading(p)) {
                m.measure.note = PlanTextRules::appendText(m.measure.note, cells[p]);
                m_warnings << QStringLiteral("%1: текст вне столбцов таблицы сохранён в примечании "
                                             "мероприятия %2")
                                  .arg(where(b), m.measure.number);
                continue;
            }
            appendToMeasure(m, p, cells[p]);
        }
        return;
    }
    case Last::Section: {
        auto &s = m_out.sections.last().section;
        s.title = PlanTextRules::oneLine(s.title + QLatin1Char(' ') + parts.join(QLatin1Char(' ')));
        return;
    }
    case Last::Header:
        for (int p = 0; p < cells.size() && p < m_layout.columnAt.size(); ++p) {
            const int c = m_layout.columnAt[p];
            if (c >= 0 && !cells[p].isEmpty())
                m_layout.columns[c].heading += QLatin1Char(' ') + PlanTextRules::oneLine(cells[p]);
        }
        return;
    case Last::Nothing:
        break;
    }
    unplaced(b, parts.join(QStringLiteral(" | ")));
}

void PlanTableParser::appendToMeasure(MeasureDraft &m, int position, const QString &text) {
    auto &measure = m.measure;
    if (m_layout.unknownAt.value(position)) {
        measure.note = PlanTextRules::appendText(measure.note, m_layout.headingAt(position) +
                                                                   QStringLiteral(": ") + text);
        return;
    }
    switch (m_layout.roleAt(position)) {
    case ColumnRole::Measure:
        measure.text = PlanTextRules::appendText(measure.text, text);
        break;
    case ColumnRole::Deadline:
        m.deadlineText = PlanTextRules::oneLine(m.deadlineText + QLatin1Char(' ') + text);
        break;
    case ColumnRole::Owners:
        m.ownersText = PlanTextRules::appendText(m.ownersText, text);
        break;
    case ColumnRole::ExpectedResult:
        measure.expectedResult = PlanTextRules::appendText(measure.expectedResult, text);
        break;
    case ColumnRole::Status: {
        const auto st = statusFromText(PlanTextRules::oneLine(text));
        if (st)
            measure.status = *st;
        if (!st || !isBareStatus(PlanTextRules::oneLine(text)))
            measure.note = PlanTextRules::appendText(measure.note, m_layout.headingAt(position) +
                                                                       QStringLiteral(": ") + text);
        break;
    }
    case ColumnRole::CompletionDate: {
        const QDate d = ApprovalBlockParser::findDate(text);
        if (d.isValid() && !measure.completionDate.isValid())
            measure.completionDate = d;
        else
            measure.note = PlanTextRules::appendText(measure.note, m_layout.headingAt(position) +
                                                                       QStringLiteral(": ") + text);
        break;
    }
    case ColumnRole::Number:
        measure.note = PlanTextRules::appendText(measure.note, text);
        break;
    case ColumnRole::Note:
        // On a line of its own after what other columns put in the note (the status column).
        measure.note = measure.note.isEmpty()
                           ? PlanTextRules::tidy(text)
                           : measure.note + QLatin1Char('\n') + PlanTextRules::tidy(text);
        break;
    }
}

void PlanTableParser::unplaced(const RawBlock &b, const QString &text) {
    m_out.unplaced << text;
    m_warnings << QStringLiteral("%1: текст вне таблицы сохранён в примечании плана: «%2»")
                      .arg(where(b), shortQuote(text));
}

bool PlanTableParser::nextRowIsMeasure(qsizetype after) const {
    const int measurePos = m_layout.positionOf(ColumnRole::Measure);
    const int deadlinePos = m_layout.positionOf(ColumnRole::Deadline);
    const int ownersPos = m_layout.positionOf(ColumnRole::Owners);
    auto filled = [](const RawBlock &b, int p) {
        return p >= 0 && p < b.cells.size() && !b.cells[p].trimmed().isEmpty();
    };
    for (qsizetype i = after + 1; i < m_doc.blocks.size(); ++i) {
        const RawBlock &b = m_doc.blocks[i];
        if (b.isBlank())
            continue;
        return b.isRow() && filled(b, measurePos) &&
               (filled(b, deadlinePos) || filled(b, ownersPos));
    }
    return false;
}

QString PlanTableParser::nextMeasureNumber(qsizetype after) const {
    const int numberPos = m_layout.positionOf(ColumnRole::Number);
    if (numberPos < 0)
        return {};
    for (qsizetype i = after + 1; i < m_doc.blocks.size(); ++i) {
        const RawBlock &b = m_doc.blocks[i];
        if (!b.isRow() || numberPos >= b.cells.size())
            continue;
        const QString n = b.cells[numberPos].trimmed();
        if (PlanTextRules::isMeasureNumber(n))
            return n;
    }
    return {};
}

PlanTableParser::SectionDraft &PlanTableParser::currentSection(const RawBlock &b) {
    if (m_out.sections.isEmpty()) {
        SectionDraft s;
        s.line = b.line;
        m_out.sections.append(s);
        if (!m_implicitWarned) {
            m_implicitWarned = true;
            m_implicitWarning =
                QStringLiteral("%1: мероприятия до первого раздела помещены в раздел "
                               "без названия")
                    .arg(where(b));
            m_warnings << m_implicitWarning;
        }
    }
    return m_out.sections.last();
}

} // namespace objectivity::io
