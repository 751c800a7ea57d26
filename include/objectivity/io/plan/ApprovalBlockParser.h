#pragma once
#include "objectivity/core/common/Organization.h"
#include "objectivity/core/plan/Approval.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

namespace objectivity::io {

// Finds the approval data in the lines above a plan's table: the «УТВЕРЖДАЮ» block (position,
// name, «Приказ №149 от 01.07.2022 г.»), the appendix line («Приложение к приказу … от … № …»,
// «К приказу МКУ … от 20.08.2023 № 534», possibly over several lines), and — when there is no
// approval block — the signature of the order the plan is attached to («Начальник … А.А. Мищерин»).
class ApprovalBlockParser {
public:
    struct Line {
        int index = 0; // caller's block index
        QString text;  // trimmed; empty for a blank line
    };
    struct Scan {
        core::Approval approval;
        core::Organization organization; // name empty when none was found
        QSet<int> consumed;              // lines that belong to the approval (not to the preamble)
        QSet<int> signature; // lines read as the order's signature (kept in the preamble)
        // The order's own heading above the plan («30.08.2023» … «№ 534») gives another date than
        // the approval/appendix line: that line and its date (the approval keeps the appendix
        // date).
        int otherDateLine = -1;
        QDate otherDate;
    };

    // `reserved`: lines already taken (the title, a section head); they are never read and stop a
    // block. `title`: the plan's title, a last source for the organization.
    static Scan scan(const QList<Line> &lines, const QSet<int> &reserved, const QString &title);

    // "01.07.2022", "04 марта 2024г", "«4» марта 2024 года": the first date in the text.
    static QDate findDate(const QString &text);
    // "№149", "№ 534", "№32/1": the first number after «№».
    static QString findOrderNumber(const QString &text);
    // The organization named in a text: «МКОУ «СОШ №20» ИГОСК», «МКУ «Управление образования» г.
    // Рубцовска».
    static QString findOrganization(const QString &text);
    static core::OrganizationKind organizationKind(const QString &name);
    static bool isApprovalMarker(const QString &text);
    static bool isAppendixStart(const QString &text);
};

} // namespace objectivity::io
