#include "objectivity/core/results/ClassName.h"

#include <QStringList>

#include <string_view>
#include <utility>

namespace objectivity::core {

namespace {

// Latin capitals drawn like Cyrillic ones, and their Cyrillic twins.
constexpr std::u16string_view kLatin = u"ABCEHKMOPTX";
constexpr std::u16string_view kCyrillic = u"АВСЕНКМОРТХ";

bool isLatinLetter(QChar c) {
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

bool isSeparator(QChar c) {
    return c.isSpace() || c == u'-' || c == u'‐' || c == u'‑' || c == u'–' || c == u'—' ||
           c == u'.' || c == u'"' || c == u'\'' || c == u'«' || c == u'»' || c == u'“' ||
           c == u'”' || c == u'„' || c == u'(' || c == u')';
}

} // namespace

QString canonicalClassName(QStringView text) {
    // the words between separators, upper case, without «класс» and «кл»
    QStringList words;
    QString word;
    const auto endWord = [&] {
        if (!word.isEmpty() && word != u"КЛАСС" && word != u"КЛ")
            words.append(word);
        word.clear();
    };
    for (const QChar c : text) {
        if (isSeparator(c))
            endWord();
        else
            word.append(c.toUpper());
    }
    endWord();
    QString name;
    for (const QString &w : std::as_const(words)) {
        // «10-1» and «10 1» keep one hyphen: without it they would read «101»
        if (!name.isEmpty() && name.back().isDigit() && w.front().isDigit())
            name.append(u'-');
        name.append(w);
    }
    bool onlyLookalikes = true;
    for (const QChar c : name)
        if (isLatinLetter(c) && kLatin.find(c.unicode()) == std::u16string_view::npos)
            onlyLookalikes = false;
    if (onlyLookalikes)
        for (QChar &c : name)
            if (const auto at = kLatin.find(c.unicode()); at != std::u16string_view::npos)
                c = QChar(kCyrillic[at]);
    return name;
}

QString classLetter(QStringView canonicalName, int grade) {
    const QString number = QString::number(grade);
    if (grade <= 0 || !canonicalName.startsWith(number) || canonicalName.size() == number.size() ||
        canonicalName[number.size()].isDigit())
        return canonicalName.toString();
    QStringView rest = canonicalName.mid(number.size());
    if (rest.startsWith(u'-')) // «10-1»: the hyphen only kept the numbers apart
        rest = rest.mid(1);
    return rest.isEmpty() ? canonicalName.toString() : rest.toString();
}

} // namespace objectivity::core
