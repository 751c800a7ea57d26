#pragma once
#include <QString>
#include <QStringList>

namespace objectivity::io {

// The small recognisers the plan parser is built from: numbers of measures and sections, roman
// numerals with their usual typos, separators, people's names, positions, deadline-looking text.
// Each works on one trimmed string and knows nothing of the document around it.
class PlanTextRules {
public:
    // "1.1.", "3.14", "1", "2." — the number of a measure (or of an arabic section).
    static bool isMeasureNumber(const QString &cell);
    // Levels of a number: "3.14" → 2, "2." → 1. 0 when not a number.
    static int numberDepth(const QString &number);

    struct SectionHead {
        bool ok = false;
        QString number; // as written, with its dot: "I.", "2.", "У."
        QString title;  // may be empty ("2." alone on its line)
        bool roman = false;
        QString romanValue; // the numeral as read, in Latin letters ("V" for «У.»)
        bool typo = false;  // Cyrillic look-alikes were read as Latin (У→V, І→I, Х→X)
    };
    // "I. Анализ", "VIII. Мероприятия…", "У. Меры…", "3. Меры…", "Раздел 2. …", "2." alone.
    // Arabic numbers are single-level only ("3.1. …" is not a section head).
    static SectionHead sectionHead(const QString &text);

    // "------", "--", "___": a row or line that only separates.
    static bool isSeparator(const QString &text);
    // A page number left by PDF extraction or a printed page: "2", "- 3 -", "Страница 4 из 5",
    // "стр. 6".
    static bool isPageNumber(const QString &text);
    // "ОО", "ШМО", "УВР": an abbreviation written in capitals.
    static bool isAbbreviation(const QString &token);
    // "В.Д. Мазепа", "Н.С.Сазонова", "Шашок А.В.", "Иванов Иван Иванович" (a whole string).
    static bool isPersonName(const QString &text);
    // Removes signature decoration: "_____ / Н.С. Сазонова/" → "Н.С. Сазонова".
    static QString stripSignature(const QString &text);
    // A name at the end of a line: "Директор школы ______ И.И. Иванов" → "И.И. Иванов".
    static QString trailingName(const QString &text);
    // Starts with a job title: «Директор», «Начальник», «Заведующий», «И.о. директора», …
    static bool startsWithPosition(const QString &text);
    // The job title words at the start, e.g. «Директор» of «Директор МКОУ …»; empty when none.
    static QString leadingPosition(const QString &text);
    // Starts like a deadline: «до 01 июля», «В течение года», «Август», «ежегодно», «01.09.2023»…
    static bool looksLikeDeadline(const QString &text);
    // A word that starts a responsible person's role: «Администрация», «руководители», «Зам.», …
    static bool isRoleWord(const QString &token);
    // "Шашок" followed by "А.В." — initials token.
    static bool isInitials(const QString &token);
    // Capitalized word with lowercase letters: «Администрация», «План».
    static bool isCapitalizedWord(const QString &token);
    // Removes HTML markup that came along with copied text: <br>, </p> become line breaks, other
    // common inline tags (<b>, <span …>, <font …>, …) disappear, &nbsp;/&laquo;/&amp;… are decoded.
    // Text like "<5 баллов" is left alone: only known tag names are touched.
    static QString stripInlineHtml(const QString &text);
    // A leftover of a PDF converter that wrote part of the text as a formula: «$4, 5-x$» (text
    // between dollar signs, at most 60 characters, on one line). Empty when there is none.
    static QString pdfLeftover(const QString &text);
    // Collapses runs of spaces/tabs in each line and trims; keeps '\n' between lines.
    static QString tidy(const QString &text);
    // Same as tidy() but joins lines with a single space.
    static QString oneLine(const QString &text);
    // Appends a continuation: a new sentence (capital letter) on a new line, a word hyphenated at
    // the end of the line ("учителя-" + "предметники") without a space, otherwise a space.
    static QString appendText(const QString &base, const QString &more);
};

} // namespace objectivity::io
