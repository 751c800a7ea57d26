#pragma once
#include <QString>
#include <optional>

namespace objectivity::io {

// Repairs table cells that ran together when a plan was copied out of Word or a PDF. Each repair is
// a general rule about what the text looks like, never a match on a particular document.
class CellRepair {
public:
    struct Moved {
        QString previous; // the cell before the deadline, with the stray words put back
        QString deadline; // the deadline without them
        QString stray;    // what was moved
    };
    // A deadline cell that starts with abbreviations belonging to the cell before it and continues
    // with a deadline: ("Администрация Руководители ШМО", "ОО до 01 июля") →
    // ("Администрация ОО Руководители ШМО", "до 01 июля"). The stray words go after the first role
    // word that lacks its complement (a capitalized word directly followed by another one), or at
    // the end. Nothing when the deadline cell already starts like a deadline.
    static std::optional<Moved> moveStrayDeadlinePrefix(const QString &previous,
                                                        const QString &deadline);

    // A cell holding the responsible people followed by the expected result, when a row lost a
    // cell: "Шашок А.В., Вафина И.А., Михайлок Е.И. План работы по …" → ("Шашок А.В., Вафина И.А.,
    // Михайлок Е.И.", "План работы по …"). People are "Фамилия И.О." / "И.О. Фамилия" and role
    // phrases («руководители ОУ», «Зам. директора по УВР»); the result starts at the first
    // capitalized word that is neither. Nothing when no such point exists.
    static std::optional<std::pair<QString, QString>> splitOwnersAndResult(const QString &cell);
};

} // namespace objectivity::io
