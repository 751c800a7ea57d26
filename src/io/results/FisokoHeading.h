#pragma once
// What a ФИС ОКО export says above its table (private to io).
#include "objectivity/core/results/Procedure.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::io {

// The title «ВПР 2024 Математика 5 класс» and the school's login («Логин ОО: edu053001»), read
// from the rows above the table's header, as the import and its preview both take them.
struct FisokoHeading {
    core::Procedure procedure; // kind, year, grade and subject; no tasks
    QString login;             // canonical; empty when the rows do not name it
    QString title;             // the text above the table, each cell once
    QString problem;           // why the file cannot be imported; empty when it can

    static FisokoHeading read(const QList<QStringList> &before);
    // «ВПР 2024, Математика, 5 класс»
    QString procedureText() const;
};

} // namespace objectivity::io
