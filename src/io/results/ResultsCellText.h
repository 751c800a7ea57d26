#pragma once
// The values of a results file's cells as schools write them (private to io): the readers of
// ResultsRowImporter, apart from the import itself.
#include <QString>
#include <QStringView>

namespace objectivity::io::cellText {

// «X», «Х», «-», «—»: the task was not attempted (not the same as 0).
bool notAttempted(QStringView t);
// The variant's number written with a word: «Вариант 1», «1 вариант», «В-2», «№ 3» — the one
// number in the text; false when it has none or several.
bool variantNumber(QStringView text, int *value);
// An integer written as «5», «5.0», «5,0», « 5 ». False for anything else. Plain digits (the usual
// case, a million times per file) are parsed without allocating.
bool toInt(QStringView text, int *value);
// The year as schools write it: «2024», «2024 г.», «2024 год»; a school year «2023/2024»,
// «2023-24», «2023–2024 уч. г.» is the year its assessments end in (2024).
bool yearFromText(const QString &text, int *year);
// The parallel as schools write it: «5», «5 класс», «5-й класс», «5 кл.».
bool gradeFromText(const QString &text, int *grade);
// The parallel a class name begins with: «5А», «5 А», «10-1» → 5, 5, 10.
bool gradeOfClass(const QString &className, int *grade);
// A number with a decimal comma or point, spaces and no-break spaces allowed around it.
bool toDouble(QString text, double *value);

} // namespace objectivity::io::cellText
