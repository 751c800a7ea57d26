#pragma once
#include <QString>
#include <QStringView>

namespace objectivity::core {

// One spelling of a class name, so that the rows of one class are one class whoever typed them:
// «5 А», «5а», «5-А», «5 «А»», «5А класс» and «5A» with a Latin A are all «5А». Spaces, hyphens,
// dots and quotes are dropped, the words «класс» and «кл.» too, letters are upper case, and Latin
// letters that look like Cyrillic ones (A B C E H K M O P T X) become Cyrillic when the name has no
// other Latin letter («5IT» stays as written). Empty text stays empty.
QString canonicalClassName(QStringView text);

// What stays of a class as it moves up a grade: its canonical name without the leading grade
// number («5Б» in grade 5 → «Б», «10-1» in grade 10 → «1»), so that 5Б of 2024 and 6Б of 2025 are
// one class. A name that does not start with the grade (a letter alone, «5Б» listed in grade 6)
// stays whole.
QString classLetter(QStringView canonicalName, int grade);

} // namespace objectivity::core
