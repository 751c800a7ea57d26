#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::core {

// A person named in an owners cell: «заместитель директора по УВР Иванова И.И.» is the position
// «заместитель директора по УВР» and the name «Иванова И.И.». Names are «Фамилия И.И.», «Фамилия
// И. И.», «И.И. Фамилия» or «Фамилия Имя Отчество»; anything else («Классные руководители»,
// «Администрация ОО») is a role, not a person.
struct PersonName {
    QString position; // as written before the name, may be empty
    QString name; // «Иванова И.И.» normalised (initials after the surname, no spaces inside)
    QString surname;  // «Иванова»
    QString initials; // «ИИ» (first letters of the given name and patronymic)

    bool isPerson() const { return !surname.isEmpty(); }

    // Reads one owner as the importer split it; a role gives an empty surname and the text as
    // its name.
    static PersonName parse(const QString &owner);
    // Levenshtein distance between two strings (case-insensitive, «ё» = «е»).
    static int editDistance(const QString &a, const QString &b);

    // A pair of names that are probably one person written two ways.
    struct NearDuplicate {
        QString first;
        QString second;
        QString reason; // «одинаковые фамилия и инициалы», «фамилии отличаются одной буквой»
    };
    // Among `names` (directory entries and owners): the same surname and initials written
    // differently («Иванова И.И.», «Иванова И. И.», «И.И. Иванова»), or surnames one letter apart
    // with the same initials («Михайлок» / «Михайлюк»; two letters when both initials are written
    // and the surnames have 5+ letters: «Шашок» / «Шашка»). A
    // masculine/feminine pair («Иванов» / «Иванова») is two people and is not reported. Roles
    // that differ only in capitals («Руководители ОУ» / «руководители ОУ») are reported too.
    static QList<NearDuplicate> nearDuplicates(const QStringList &names);
};

} // namespace objectivity::core
