#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::core {

// A measure proposed for the school's plan when the analysis finds a sign of a criterion. The
// texts may hold placeholders, filled by MeasureProposer::fill: {предмет} (as written),
// {предмету} (after «по»: «по математике»), {класс}, {процедура}, {год}, {год+1}, {год-1}, {школа}.
struct MeasureTemplate {
    qint64 id = 0;     // the row in the database, 0 for a built-in one not stored yet
    QString criterion; // criterion:: code
    int position = 0;  // order among the templates of the criterion
    QString text;
    QStringList owners; // roles: «заместитель директора по УВР», «руководитель ШМО»
    QString deadline;   // relative to the next assessment: «до начала ВПР {год+1}»
    QString expectedResult;

    // The built-in templates: one or two measures for every criterion of the analysis.
    static QList<MeasureTemplate> defaults();

    friend bool operator==(const MeasureTemplate &, const MeasureTemplate &) = default;
};

} // namespace objectivity::core
