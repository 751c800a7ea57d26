#include "objectivity/io/export/PlanRollupXlsxWriter.h"

#include "export/XlsxPrintLayout.h"
#include "export/XlsxReportSheet.h"
#include "export/XlsxWriteErrorText.h"

#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

namespace objectivity::io {

namespace {

using Sheet = XlsxReportSheet;

constexpr double kPointSize = 10;

struct Formats {
    lxw_format *title, *subtitle, *head, *up, *text, *number, *percent, *overdue, *overduePercent,
        *total, *totalPercent;
    explicit Formats(lxw_workbook *wb) {
        auto make = [&](bool bold = false, bool wrap = true, bool border = true) {
            lxw_format *f = workbook_add_format(wb);
            format_set_font_name(f, "Arial");
            format_set_font_size(f, kPointSize);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            if (bold)
                format_set_bold(f);
            if (wrap)
                format_set_text_wrap(f);
            if (border)
                format_set_border(f, LXW_BORDER_THIN);
            return f;
        };
        title = make(true, true, false);
        format_set_font_size(title, 13);
        subtitle = make(false, true, false);
        head = make(true);
        format_set_bg_color(head, 0xDDEBF7);
        format_set_align(head, LXW_ALIGN_CENTER);
        up = make(true); // headings of the narrow columns of counts, written upwards
        format_set_bg_color(up, 0xDDEBF7);
        format_set_rotation(up, 90);
        format_set_align(up, LXW_ALIGN_CENTER);
        format_set_align(up, LXW_ALIGN_VERTICAL_BOTTOM);
        text = make();
        number = make(false, false);
        percent = make(false, false);
        format_set_num_format(percent, "0%");
        overdue = make(true, false);
        format_set_bg_color(overdue, 0xF8CBAD);
        format_set_font_color(overdue, 0x9C0006);
        overduePercent = make(false, false);
        format_set_num_format(overduePercent, "0%");
        format_set_bg_color(overduePercent, 0xF8CBAD);
        total = make(true, false);
        format_set_bg_color(total, 0xF2F2F2);
        totalPercent = make(true, false);
        format_set_num_format(totalPercent, "0%");
        format_set_bg_color(totalPercent, 0xF2F2F2);
    }
};

// Title and date over the table, its heading in row 3 (the counts' headings written upwards in
// narrow columns); the columns share the page's width in the proportions `widths`.
void heading(Sheet &s, const Formats &f, const QString &title, const QString &subtitle,
             const QStringList &columns, std::initializer_list<double> widths,
             const QList<int> &upwards) {
    s.widths(widths);
    // merged over the table and wrapped: a long title must not widen the printed area
    const int last = int(columns.size()) - 1;
    s.merge(0, 0, last, title, f.title, 13, true);
    s.merge(1, 0, last, subtitle, f.subtitle, kPointSize);
    s.heading(3, columns, f.head, upwards, f.up, 80);
}

void counts(Sheet &s, int row, int first, const core::RollupCounts &c, const Formats &f,
            bool isTotal = false) {
    lxw_format *n = isTotal ? f.total : f.number;
    s.number(row, first, c.total, n);
    s.number(row, first + 1, c.done, n);
    s.number(row, first + 2, c.inProgress, n);
    s.number(row, first + 3, c.overdue, c.overdue > 0 ? f.overdue : n);
    s.number(row, first + 4, c.notStarted, n);
    s.number(row, first + 5, c.doneShare(), isTotal ? f.totalPercent : f.percent);
}

} // namespace

QString PlanRollupXlsxWriter::title(const core::Plan &municipal) {
    return QStringLiteral("Свод по школам: %1").arg(municipal.title.simplified());
}

core::Status PlanRollupXlsxWriter::write(const core::Plan &municipal,
                                         const core::PlanRollup &rollup, const QString &path) {
    const QString partial = path + QStringLiteral(".part");
    const std::string nativePartial = QFile::encodeName(partial).toStdString();
    lxw_workbook *wb = workbook_new(nativePartial.c_str());
    if (!wb)
        return core::Error{QStringLiteral("Не удалось создать книгу Excel"), path};
    const std::string docTitle = title(municipal).toStdString();
    const std::string author = municipal.organization.name.simplified().toStdString();
    lxw_doc_properties props{};
    props.title = const_cast<char *>(docTitle.c_str());
    props.author = const_cast<char *>(author.c_str());
    props.comments = const_cast<char *>("Объективность");
    workbook_set_properties(wb, &props);
    // Arial, not Calibri: LibreOffice without Carlito draws Calibri's columns 1.4 times wider
    XlsxPrintLayout::setArialNormalFont(wb);
    const Formats f(wb);
    const QString subtitle =
        QStringLiteral("%1. Исполнение на %2: школ %3, связанных мероприятий %4, выполнено %5, "
                       "просрочено %6.")
            .arg(municipal.organization.name.simplified(),
                 rollup.date.toString(QStringLiteral("dd.MM.yyyy")))
            .arg(rollup.schools.size())
            .arg(rollup.totals.total)
            .arg(rollup.totals.done)
            .arg(rollup.totals.overdue);

    const QString sheetTitle = title(municipal);
    Sheet byMeasure(wb, QStringLiteral("По мероприятиям"), kPointSize);
    heading(byMeasure, f, sheetTitle, subtitle,
            {QStringLiteral("№"), QStringLiteral("Мероприятие"), QStringLiteral("Срок"),
             QStringLiteral("Школ"), QStringLiteral("Выполнено"), QStringLiteral("В работе"),
             QStringLiteral("Просрочено"), QStringLiteral("Не начато"),
             QStringLiteral("Выполнено, %"), QStringLiteral("Просрочили")},
            {6, 48, 16, 5, 5, 5, 5, 5, 5, 30}, {3, 4, 5, 6, 7, 8});
    int row = 4;
    for (const core::PlanRollup::MeasureRow &m : rollup.measures) {
        const QString text = m.text.simplified(), deadline = m.deadline.simplified();
        const QString overdue = m.overdueSchoolsText();
        byMeasure.text(row, 0, m.number, f.text);
        byMeasure.text(row, 1, text, f.text);
        byMeasure.text(row, 2, deadline, f.text);
        counts(byMeasure, row, 3, m.counts, f);
        byMeasure.text(row, 9, overdue, f.text);
        byMeasure.fit(row, {{0, m.number}, {1, text}, {2, deadline}, {9, overdue}});
        ++row;
    }
    byMeasure.text(row, 0, QString(), f.total);
    byMeasure.text(row, 1, QStringLiteral("Итого"), f.total);
    byMeasure.text(row, 2, QString(), f.total);
    counts(byMeasure, row, 3, rollup.totals, f, true);
    byMeasure.text(row, 9, QString(), f.total);
    byMeasure.fit(row, {{1, QStringLiteral("Итого")}}, true);
    byMeasure.printable(sheetTitle, 3);

    Sheet bySchool(wb, QStringLiteral("По школам"), kPointSize);
    heading(bySchool, f, sheetTitle, subtitle,
            {QStringLiteral("Школа"), QStringLiteral("Логин ОО"), QStringLiteral("План №"),
             QStringLiteral("Мероприятий"), QStringLiteral("Выполнено"), QStringLiteral("В работе"),
             QStringLiteral("Просрочено"), QStringLiteral("Не начато"),
             QStringLiteral("Доля выполненных"), QStringLiteral("Просрочены мероприятия")},
            {40, 12, 5, 5, 5, 5, 5, 5, 5, 30}, {2, 3, 4, 5, 6, 7, 8});
    row = 4;
    for (const core::PlanRollup::SchoolRow &sc : rollup.schools) {
        const QString name = sc.name.simplified();
        const QString overdue = sc.overdueMeasures.join(QStringLiteral(", "));
        bySchool.text(row, 0, name, f.text);
        bySchool.text(row, 1, sc.code, f.text);
        bySchool.number(row, 2, double(sc.planId), f.number);
        counts(bySchool, row, 3, sc.counts, f);
        bySchool.text(row, 9, overdue, f.text);
        bySchool.fit(row, {{0, name}, {1, sc.code}, {9, overdue}});
        ++row;
    }
    bySchool.printable(sheetTitle, 3);

    return XlsxWriteErrorText::closeAndReplace(wb, partial, path);
}

} // namespace objectivity::io
