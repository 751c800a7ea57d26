#include "objectivity/core/plan/OwnerSplitter.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

// The rule for entries run together without a comma (PDF extraction joins table lines):
//  - a new entry starts at a role head — a noun in the nominative that begins a role
//    ("Руководители", "учителя-предметники", "Педагог-психолог", "ответственный", "Директор",
//    "Зам.") or an adjective followed by such a noun ("Классные руководители", "Технический
//    специалист") — when the entry before it is complete (it does not end with a preposition or
//    conjunction). Genitive forms ("руководителей", "директора", "руководителя") are not heads, so
//    "Заместители руководителей ОУ" and "Заместитель руководителя по УВР" stay whole;
//  - "и" between two roles separates them ("Учителя и классные руководители");
//  - after a complete person's name ("Вафина И.А.", "А.А. Мищерин") the next capitalised word
//    starts a new entry ("Вафина И.А. Михайлок Е.И." gives two people).
// Initials are joined ("Запругаев Р. А." → "Запругаев Р.А."), "Зам.директора" gets its space.

namespace objectivity::core {

namespace {

const QRegularExpression &initialsRx() {
    static const QRegularExpression rx(QStringLiteral(R"(^(\p{Lu}\.){1,3}$)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return rx;
}

bool isInitials(const QString &token) {
    return initialsRx().match(token).hasMatch();
}

bool isCapitalised(const QString &token) {
    return !token.isEmpty() && token.front().isUpper() && !isInitials(token);
}

// A noun in the nominative that starts a role. Compared with the token's part before a hyphen.
bool isHeadNoun(const QString &token) {
    static const std::array<const char16_t *, 29> heads{{
        u"администрация", u"руководители",  u"руководитель", u"учителя",      u"учитель",
        u"педагог",       u"педагоги",      u"психолог",     u"психологи",    u"ответственный",
        u"ответственные", u"ответственная", u"директор",     u"зам.",         u"заместитель",
        u"заместители",   u"завуч",         u"координатор",  u"координаторы", u"методист",
        u"методисты",     u"наставник",     u"наставники",   u"эксперты",     u"специалист",
        u"специалисты",   u"тьютор",        u"библиотекарь", u"председатель",
    }};
    const QString lower = token.toLower();
    const QString stem = lower.section(u'-', 0, 0);
    for (const char16_t *h : heads)
        if (stem == QStringView(h) || lower == QStringView(h))
            return true;
    return false;
}

bool isAdjective(const QString &token) {
    static const QRegularExpression rx(QStringLiteral(R"(^\p{L}+(ые|ый|ий|ой|ая|яя|ие)$)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return rx.match(token.toLower()).hasMatch();
}

// How many tokens a role head starting at i takes (0 when no head starts there).
int headLength(const QStringList &tokens, qsizetype i) {
    if (isHeadNoun(tokens[i]))
        return 1;
    if (i + 1 < tokens.size() && isAdjective(tokens[i]) && isHeadNoun(tokens[i + 1]))
        return 2;
    return 0;
}

bool isLinkWord(const QString &token) {
    static const std::array<const char16_t *, 12> words{
        {u"по", u"за", u"с", u"со", u"в", u"во", u"на", u"для", u"и", u"или", u"из", u"от"}};
    const QString lower = token.toLower();
    for (const char16_t *w : words)
        if (lower == QStringView(w))
            return true;
    return false;
}

QString normalisedPart(QString part) {
    // "Р. А." → "Р.А."; "Зам.директора" → "Зам. директора".
    static const QRegularExpression spacedInitials(
        QStringLiteral(R"((?<=\b\p{Lu}\.)\s+(?=\p{Lu}\.))"),
        QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression glued(QStringLiteral(R"(\b(Зам|зам)\.(?=\p{L}))"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    part = part.simplified();
    part.replace(spacedInitials, QString());
    part.replace(glued, QStringLiteral("\\1. "));
    return part;
}

QStringList splitRunTogether(const QString &part) {
    const QStringList tokens = part.split(u' ', Qt::SkipEmptyParts);
    QStringList entries;
    QStringList current;
    bool personComplete = false;
    bool initialsFirst = false; // the entry began with initials ("А.А. Мищерин")
    auto flush = [&] {
        if (!current.isEmpty())
            entries << current.join(u' ');
        current.clear();
        personComplete = initialsFirst = false;
    };
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &t = tokens[i];
        if (t.toLower() == u"и" && !current.isEmpty() && i + 1 < tokens.size() &&
            headLength(tokens, i + 1) > 0) {
            flush();
            continue;
        }
        const int head = headLength(tokens, i);
        const bool complete = !current.isEmpty() && !isLinkWord(current.last());
        if ((head > 0 && complete) || (personComplete && (isCapitalised(t) || isInitials(t))))
            flush();
        if (isInitials(t)) {
            if (current.isEmpty())
                initialsFirst = true;
            else if (isCapitalised(current.last()) && !initialsFirst)
                personComplete = true;
        } else if (initialsFirst && current.size() == 1 && isCapitalised(t)) {
            personComplete = true;
        }
        current << t;
        if (head == 2)
            current << tokens[++i];
    }
    flush();
    return entries;
}

} // namespace

// A comma that does not separate people or organisations: the words after it describe the entry
// before it — a participle or «который» («органы местного самоуправления, осуществляющие
// управление в сфере образования»), «в том числе», «в т.ч.».
bool describesPrevious(const QString &part) {
    static const QRegularExpression clause(
        QStringLiteral(R"(^\s*(?:\p{Ll}+(?:ющ|ящ|ащ|ущ|вш|емы|имы)\p{Ll}*|котор\p{Ll}+|)"
                       R"(в\s+том\s+числе|в\s+т\.\s?ч\.)(?:\s|$))"),
        QRegularExpression::UseUnicodePropertiesOption);
    // Participles that name people themselves: «заведующий библиотекой», «обучающиеся».
    static const QRegularExpression person(
        QStringLiteral(R"(^\s*(?:заведующ|ведущ|управляющ|исполняющ|обучающ|учащ|выпускающ))"),
        QRegularExpression::UseUnicodePropertiesOption);
    return clause.match(part).hasMatch() && !person.match(part).hasMatch();
}

QStringList OwnerSplitter::split(const QString &cell) {
    static const QRegularExpression separators(QStringLiteral(R"([;\n\r\x{2022}]+)"));
    QStringList parts;
    for (const QString &piece : cell.split(separators, Qt::SkipEmptyParts))
        for (const QString &raw : piece.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!parts.isEmpty() && describesPrevious(raw))
                parts.last() += QLatin1Char(',') + raw;
            else
                parts << raw;
        }
    QStringList out;
    for (const QString &raw : parts) {
        const QString part = normalisedPart(raw);
        if (part.isEmpty())
            continue;
        for (const QString &entry : splitRunTogether(part)) {
            const bool seen = std::any_of(out.begin(), out.end(), [&entry](const QString &e) {
                return e.compare(entry, Qt::CaseInsensitive) == 0;
            });
            if (!seen)
                out << entry;
        }
    }
    return out;
}

} // namespace objectivity::core
