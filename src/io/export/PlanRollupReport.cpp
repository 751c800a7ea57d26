#include "objectivity/io/export/PlanRollupReport.h"

#include "objectivity/io/export/PlanRollupXlsxWriter.h"
#include "objectivity/io/export/ReportPdfWriter.h"

#include <cmath>

namespace objectivity::io {

namespace {

QString percent(double share) {
    return QStringLiteral("%1 %").arg(std::lround(share * 100));
}

QStringList countCells(const core::RollupCounts &c) {
    return {QString::number(c.total),      QString::number(c.done),
            QString::number(c.inProgress), QString::number(c.overdue),
            QString::number(c.notStarted), percent(c.doneShare())};
}

} // namespace

ReportDocument PlanRollupReport::build(const core::Plan &municipal,
                                       const core::PlanRollup &rollup) {
    using Kind = ReportDocument::Block::Kind;
    ReportDocument doc;
    doc.landscape = true;
    doc.title = PlanRollupXlsxWriter::title(municipal);
    if (!municipal.organization.name.isEmpty())
        doc.add(Kind::Organization, municipal.organization.name.simplified());
    doc.add(Kind::Title, QStringLiteral("Свод по школам об исполнении плана мероприятий"));
    doc.add(Kind::Paragraph, municipal.title.simplified());
    ReportDocument::Block details;
    details.kind = Kind::Details;
    details.cells = {
        QStringLiteral("План №%1").arg(municipal.id),
        QStringLiteral("Исполнение на %1").arg(rollup.date.toString(QStringLiteral("dd.MM.yyyy")))};
    doc.blocks.append(details);
    if (rollup.totals.total == 0) {
        doc.add(Kind::Paragraph,
                QStringLiteral("План ещё не разослан в планы школ: связанных мероприятий нет."));
        return doc;
    }
    doc.paragraph(QStringLiteral("Итого."),
                  QStringLiteral("Школ %1, связанных мероприятий в их планах %2: выполнено %3 "
                                 "(%4), в работе %5, просрочено %6, не начато %7.")
                      .arg(rollup.schools.size())
                      .arg(rollup.totals.total)
                      .arg(rollup.totals.done)
                      .arg(percent(rollup.totals.doneShare()))
                      .arg(rollup.totals.inProgress)
                      .arg(rollup.totals.overdue)
                      .arg(rollup.totals.notStarted));

    doc.add(Kind::Caption, QStringLiteral("Таблица 1. По мероприятиям"));
    QList<QStringList> rows;
    for (const core::PlanRollup::MeasureRow &m : rollup.measures)
        rows << (QStringList{m.number, m.text.simplified(), m.deadline.simplified()} +
                 countCells(m.counts) + QStringList{m.overdueSchoolsText()});
    rows << (QStringList{QString(), QStringLiteral("Итого"), QString()} +
             countCells(rollup.totals) + QStringList{QString()});
    doc.table({QStringLiteral("№"), QStringLiteral("Мероприятие"), QStringLiteral("Срок"),
               QStringLiteral("Школ"), QStringLiteral("Выпол\u00adнено"),
               QStringLiteral("В работе"), QStringLiteral("Просро\u00adчено"),
               QStringLiteral("Не начато"), QStringLiteral("Выпол\u00adнено, %"),
               QStringLiteral("Просрочили")},
              rows, {5, 36, 11, 5, 6, 6, 6, 6, 6, 13}, true);

    doc.add(Kind::Caption, QStringLiteral("Таблица 2. По школам"));
    rows.clear();
    for (const core::PlanRollup::SchoolRow &s : rollup.schools)
        rows << (QStringList{s.name.simplified(), s.code} + countCells(s.counts) +
                 QStringList{s.overdueMeasures.join(QStringLiteral(", "))});
    doc.table({QStringLiteral("Школа"), QStringLiteral("Логин ОО"),
               QStringLiteral("Меро\u00adприятий"), QStringLiteral("Выпол\u00adнено"),
               QStringLiteral("В работе"), QStringLiteral("Просро\u00adчено"),
               QStringLiteral("Не начато"), QStringLiteral("Доля выпол\u00adненных"),
               QStringLiteral("Просрочены мероприятия")},
              rows, {30, 10, 7, 7, 6, 7, 6, 8, 19});
    return doc;
}

core::Status PlanRollupReport::writePdf(const core::Plan &municipal, const core::PlanRollup &rollup,
                                        const QString &path) {
    return ReportPdfWriter::write(build(municipal, rollup), path);
}

} // namespace objectivity::io
