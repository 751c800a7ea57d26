#include "objectivity/io/plan/PlanDocumentParser.h"

#include "objectivity/core/plan/ApprovalWorkflow.h"
#include "objectivity/core/plan/DeadlineCheck.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/core/plan/OwnerSplitter.h"
#include "objectivity/io/plan/ApprovalBlockParser.h"
#include "objectivity/io/plan/PlanColumnClassifier.h"
#include "objectivity/io/plan/PlanTableParser.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <QRegularExpression>

using objectivity::core::AcademicPeriod;
using objectivity::core::Error;
using objectivity::core::Result;

namespace objectivity::io {

namespace {
// One line of the text above the table (a paragraph, or one line of a cell of a layout table).
struct PreLine {
    int id = 0;
    qsizetype block = 0;
    QString text;
    bool emphasized = false;
};

Error documentError(const RawDocument &doc, const QString &message) {
    Error e;
    e.file = doc.sourceName;
    e.message = message;
    return e;
}

bool isTitleStart(const QString &text) {
    static const QRegularExpression start(
        QStringLiteral(
            R"(^[«"]?(план\b|дорожная\s+карта|комплекс\s+мер|программа\b|мероприятия\s+по|)"
            R"(мероприятия,\s+направленн))"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return start.match(text).hasMatch();
}

QString rangeLabel(const RawDocument &doc, const RawBlock &first, const RawBlock &last) {
    if (doc.locator == RawDocument::Locator::SourceLine)
        return first.line == last.line
                   ? QStringLiteral("Строка %1").arg(first.line)
                   : QStringLiteral("Строки %1–%2").arg(first.line).arg(last.line);
    if (first.line == last.line && first.page == last.page)
        return doc.where(first);
    if (doc.locator == RawDocument::Locator::PageLine)
        return doc.where(first) + QStringLiteral(" – ") + doc.where(last).toLower();
    return QStringLiteral("Абзацы %1–%2").arg(first.line).arg(last.line);
}

// Lines of an owners cell that belong together: a line that starts with a preposition continues
// the one before it ("Зам. директора" / "по УВР"), as does a line after one ending in a preposition
// or a hyphen ("Заместитель директора по" / "УВР", "учителя-" / "предметники"), and a bare name
// after a role ("Заместитель директора по УВР" / "Лаптева Е.Н."). Other line breaks separate
// people and are left to OwnerSplitter.
QString joinWrappedOwnerLines(const QString &cell) {
    static const QRegularExpression startsWithPreposition(
        QStringLiteral(R"(^(по|в|во|на|за|с|со|при|для|из|и)\s)"));
    static const QRegularExpression endsWithPreposition(
        QStringLiteral(R"(\s(по|в|во|на|за|с|со|при|для|из|и)$)"));
    const QStringList lines = cell.split(QLatin1Char('\n'));
    QStringList out;
    for (const QString &l : lines) {
        if (out.isEmpty()) {
            out << l;
            continue;
        }
        QString &prev = out.last();
        const bool separated = prev.endsWith(QLatin1Char(',')) || prev.endsWith(QLatin1Char(';'));
        const bool hyphen = prev.size() > 1 && prev.endsWith(QLatin1Char('-')) &&
                            prev.at(prev.size() - 2).isLetter() && !l.isEmpty() &&
                            l.front().isLower();
        const bool nameAfterRole = PlanTextRules::isPersonName(l) &&
                                   !PlanTextRules::isPersonName(prev) &&
                                   PlanTextRules::trailingName(prev).isEmpty() &&
                                   PlanTextRules::isRoleWord(prev.section(QLatin1Char(' '), 0, 0));
        if (hyphen)
            prev += l;
        else if (!separated && (startsWithPreposition.match(l).hasMatch() ||
                                endsWithPreposition.match(prev).hasMatch() || nameAfterRole))
            prev += QLatin1Char(' ') + l;
        else
            out << l;
    }
    return out.join(QLatin1Char('\n'));
}

QList<PreLine> linesAbove(const RawDocument &doc, qsizetype end) {
    QList<PreLine> lines;
    int id = 0;
    for (qsizetype i = 0; i < end; ++i) {
        const RawBlock &b = doc.blocks[i];
        if (!b.isRow()) {
            lines.append({id++, i, PlanTextRules::oneLine(b.text()), b.emphasized});
            continue;
        }
        // A layout table above the plan (an approval block beside an agreement block): read its
        // cells as lines, cell after cell, a blank line after each cell so that blocks end there.
        for (const QString &cell : b.cells) {
            bool any = false;
            for (const QString &l : cell.split(QLatin1Char('\n')))
                if (!l.trimmed().isEmpty()) {
                    lines.append({id++, i, PlanTextRules::oneLine(l), false});
                    any = true;
                }
            if (any)
                lines.append({id++, i, QString(), false});
        }
        if (lines.isEmpty() || !lines.last().text.isEmpty())
            lines.append({id++, i, QString(), false});
    }
    return lines;
}
} // namespace

Result<PlanImport> PlanDocumentParser::parse(const RawDocument &doc) {
    bool anyText = false;
    for (const RawBlock &b : doc.blocks)
        anyText = anyText || !b.isBlank();
    if (!anyText)
        return documentError(doc, QStringLiteral("документ пуст — в нём нет текста"));

    QStringList warnings;
    // The header row: the first row whose cells name the columns.
    qsizetype header = -1;
    for (qsizetype i = 0; i < doc.blocks.size() && header < 0; ++i) {
        const RawBlock &b = doc.blocks[i];
        if (b.isRow() && PlanColumnClassifier::isHeaderRow(b.cells))
            header = i;
    }
    PlanTableLayout layout;
    qsizetype tableStart = 0;
    qsizetype aboveEnd = 0;
    if (header >= 0) {
        layout = PlanTableLayout::fromHeader(doc.blocks[header].cells);
        tableStart = header + 1;
        aboveEnd = header;
    } else {
        // No header: numbered rows of three or more cells are still a table.
        int numbered = 0;
        int width = 0;
        qsizetype firstRow = -1;
        for (qsizetype i = 0; i < doc.blocks.size(); ++i) {
            const RawBlock &b = doc.blocks[i];
            if (!b.isRow())
                continue;
            if (firstRow < 0)
                firstRow = i;
            if (b.cells.size() >= 3 && PlanTextRules::isMeasureNumber(b.cells.first())) {
                ++numbered;
                width = qMax(width, int(b.cells.size()));
            }
        }
        if (numbered < 2)
            return documentError(
                doc, QStringLiteral("не найдена таблица мероприятий: нет ни строки заголовка "
                                    "(«№ п/п», «Мероприятия», «Сроки», «Ответственные»), ни строк "
                                    "с номерами мероприятий"));
        layout = PlanTableLayout::byPosition(width);
        tableStart = firstRow;
        aboveEnd = firstRow;
        QStringList headings;
        for (const auto &c : layout.columns)
            headings << c.heading;
        warnings << QStringLiteral(
                        "%1: строка заголовка таблицы не найдена — столбцы приняты по порядку: %2")
                        .arg(doc.where(doc.blocks[firstRow]), headings.join(QStringLiteral(", ")));
    }
    for (int p = 0; p < layout.unknownAt.size(); ++p)
        if (layout.unknownAt[p])
            warnings << QStringLiteral("Столбец «%1» не распознан — его содержимое сохраняется в "
                                       "примечаниях мероприятий")
                            .arg(layout.headingAt(p));

    // Above the table.
    const QList<PreLine> pre = linesAbove(doc, aboveEnd);
    QSet<int> reserved;
    auto lastNonBlank = [&](qsizetype before) {
        for (qsizetype i = before - 1; i >= 0; --i)
            if (!pre[i].text.isEmpty())
                return i;
        return qsizetype(-1);
    };
    // A section head just above the header row («1. Аналитическая работа», or «2.» and its title).
    PlanTextRules::SectionHead leading;
    qsizetype leadingAt = -1;
    if (header >= 0) {
        const qsizetype l = lastNonBlank(pre.size());
        if (l >= 0 && !isTitleStart(pre[l].text) &&
            !ApprovalBlockParser::isAppendixStart(pre[l].text)) {
            const auto head = PlanTextRules::sectionHead(pre[l].text);
            if (head.ok && !head.title.isEmpty() && head.title.size() < 250) {
                leading = head;
                leadingAt = l;
                reserved << pre[l].id;
            } else if (!head.ok) {
                const qsizetype p = lastNonBlank(l);
                const auto number =
                    p >= 0 ? PlanTextRules::sectionHead(pre[p].text) : PlanTextRules::SectionHead{};
                if (number.ok && number.title.isEmpty()) {
                    leading = number;
                    leading.title = pre[l].text;
                    leadingAt = l;
                    reserved << pre[l].id << pre[p].id;
                }
            }
        }
    }

    // The title: the last line that starts like one, with the lines that continue it.
    QString title;
    qsizetype titleAt = -1;
    for (qsizetype i = 0; i < pre.size(); ++i)
        if (!reserved.contains(pre[i].id) && isTitleStart(pre[i].text))
            titleAt = i;
    if (titleAt >= 0) {
        QStringList parts{pre[titleAt].text};
        reserved << pre[titleAt].id;
        const bool bold = pre[titleAt].emphasized;
        for (qsizetype j = titleAt + 1; j < pre.size(); ++j) {
            const PreLine &l = pre[j];
            if (l.text.isEmpty() || reserved.contains(l.id) || (bold && !l.emphasized) ||
                ApprovalBlockParser::isApprovalMarker(l.text) ||
                ApprovalBlockParser::isAppendixStart(l.text) ||
                PlanTextRules::sectionHead(l.text).ok ||
                PlanTextRules::isPersonName(PlanTextRules::stripSignature(l.text)))
                break;
            parts << l.text;
            reserved << l.id;
        }
        title = PlanTextRules::oneLine(parts.join(QLatin1Char(' ')));
    }

    QList<ApprovalBlockParser::Line> approvalLines;
    for (const PreLine &l : pre)
        approvalLines.append({l.id, l.text});
    const auto scan = ApprovalBlockParser::scan(approvalLines, reserved, title);

    if (title.isEmpty()) {
        // No «План …» line: an emphasized line that is not part of the approval block.
        for (const PreLine &l : pre)
            if (l.emphasized && !l.text.isEmpty() && !reserved.contains(l.id) &&
                !scan.consumed.contains(l.id)) {
                title = title.isEmpty() ? l.text : title + QLatin1Char(' ') + l.text;
                reserved << l.id;
            }
        if (title.isEmpty())
            warnings << QStringLiteral(
                "Не найден заголовок плана («План мероприятий …») — укажите его вручную");
    }

    if (scan.otherDateLine >= 0)
        for (const PreLine &l : pre)
            if (l.id == scan.otherDateLine)
                warnings
                    << QStringLiteral(
                           "%1: в тексте приказа указана дата %2, а в строке утверждения — %3; "
                           "принята дата из строки утверждения")
                           .arg(doc.where(doc.blocks[l.block]),
                                scan.otherDate.toString(QStringLiteral("dd.MM.yyyy")),
                                scan.approval.orderDate.toString(QStringLiteral("dd.MM.yyyy")));

    // Whatever else stands above the table is kept in the plan's note.
    QStringList preamble;
    const PreLine *firstPre = nullptr;
    const PreLine *lastPre = nullptr;
    for (const PreLine &l : pre) {
        if (l.text.isEmpty() || reserved.contains(l.id) || scan.consumed.contains(l.id))
            continue;
        preamble << l.text;
        if (!firstPre)
            firstPre = &l;
        lastPre = &l;
    }
    if (firstPre)
        warnings.prepend(
            QStringLiteral("%1: текст перед планом (%2 абз.) не относится к таблице — сохранён "
                           "в примечании плана")
                .arg(rangeLabel(doc, doc.blocks[firstPre->block], doc.blocks[lastPre->block]))
                .arg(preamble.size()));

    // The table.
    PlanTableParser table(doc, layout, warnings);
    if (leadingAt >= 0)
        table.openSection(leading, doc.blocks[pre[leadingAt].block]);
    const PlanTableParser::Output out = table.parse(tableStart);

    PlanImport result;
    core::Plan &plan = result.plan;
    plan.title = title;
    plan.approval = scan.approval;
    plan.organization = scan.organization;
    plan.columns = layout.columns;
    plan.sourceFile = doc.sourceName;

    plan.period = AcademicPeriod::fromText(title);
    if (!plan.period.isValid())
        plan.period = AcademicPeriod::fromText(preamble.join(QLatin1Char(' ')));
    if (!plan.period.isValid() && plan.approval.orderDate.isValid()) {
        plan.period = AcademicPeriod::containing(plan.approval.orderDate);
        warnings << QStringLiteral("Учебный год не указан в заголовке — принят %1 по дате приказа")
                        .arg(plan.period.toDisplayString());
    }
    if (!plan.period.isValid())
        warnings << QStringLiteral(
            "Не удалось определить учебный год плана — сроки мероприятий прочитаны "
            "без привязки к датам");
    if (plan.organization.name.isEmpty())
        warnings << QStringLiteral("Не найдено название организации — укажите его вручную");
    // a mistyped year of the order: every deadline would then look «before the approval»
    if (const QString remark = core::ApprovalWorkflow::orderDateRemark(
            plan.approval.orderDate, plan.period, QDate::currentDate());
        !remark.isEmpty())
        warnings << remark;

    for (const auto &sd : out.sections) {
        core::Section section = sd.section;
        for (const auto &md : sd.measures) {
            core::Measure m = md.measure;
            if (!md.deadlineText.isEmpty())
                m.deadline = core::DeadlineParser::parse(md.deadlineText, plan.period);
            if (!md.ownersText.isEmpty())
                m.owners = core::OwnerSplitter::split(joinWrappedOwnerLines(md.ownersText));
            section.measures.append(m);
        }
        plan.sections.append(section);
    }
    if (plan.measureCount() == 0)
        return documentError(doc, QStringLiteral("в таблице не найдено ни одного мероприятия"));
    // Deadlines before the approval or outside the period: pointed out, never taken as overdue.
    warnings << core::DeadlineCheck::planWarnings(plan);

    QStringList note = preamble;
    if (!out.unplaced.isEmpty()) {
        if (!note.isEmpty())
            note << QString();
        note << out.unplaced;
    }
    plan.note = note.join(QLatin1Char('\n'));
    plan.warnings = warnings;
    result.warnings = warnings;
    return result;
}

} // namespace objectivity::io
