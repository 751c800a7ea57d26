#include "objectivity/core/plan/MunicipalityMatcher.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace objectivity::core {

namespace {

// Words of a municipality's name that say what kind it is, not which one.
const QSet<QString> &genericWords() {
    static const QSet<QString> words = {
        QStringLiteral("город"),          QStringLiteral("городской"),
        QStringLiteral("городского"),     QStringLiteral("округ"),
        QStringLiteral("округа"),         QStringLiteral("район"),
        QStringLiteral("района"),         QStringLiteral("муниципальный"),
        QStringLiteral("муниципального"), QStringLiteral("муниципальное"),
        QStringLiteral("образование"),    QStringLiteral("зато"),
        QStringLiteral("поселок"),        QStringLiteral("посёлок"),
        QStringLiteral("сельское"),       QStringLiteral("поселение"),
        QStringLiteral("городское"),      QStringLiteral("край"),
        QStringLiteral("области"),        QStringLiteral("область"),
        QStringLiteral("республика"),     QStringLiteral("управление"),
        QStringLiteral("администрация"),  QStringLiteral("комитет"),
        QStringLiteral("образования"),    QStringLiteral("отдел"),
    };
    return words;
}

QStringList words(const QString &text) {
    static const QRegularExpression split(QStringLiteral("[^\\p{L}]+"));
    QStringList out;
    for (const QString &w :
         text.toLower().replace(QChar(0x0451), QChar(0x0435)).split(split, Qt::SkipEmptyParts))
        out << w;
    return out;
}

bool sameWord(const QString &name, const QString &word) {
    qsizetype common = 0;
    const qsizetype n = std::min(name.size(), word.size());
    while (common < n && name[common] == word[common])
        ++common;
    return common >= std::max<qsizetype>(5, name.size() - 2);
}

// The kinds of municipality the words name: a city («г.», «город»), a district («район»), an
// okrug («городской округ», «муниципальный округ»).
QSet<QString> kinds(const QStringList &words) {
    QSet<QString> out;
    for (const QString &w : words) {
        if (w == QStringLiteral("г") ||
            (w.startsWith(QStringLiteral("город")) && !w.startsWith(QStringLiteral("городск"))))
            out.insert(QStringLiteral("city"));
        else if (w.startsWith(QStringLiteral("район")))
            out.insert(QStringLiteral("district"));
        else if (w.startsWith(QStringLiteral("округ")))
            out.insert(QStringLiteral("okrug"));
    }
    return out;
}

} // namespace

bool MunicipalityMatcher::names(const QString &text, const QString &municipality) {
    const QStringList inText = words(text);
    int proper = 0;
    for (const QString &name : words(municipality)) {
        if (name.size() < 4 || genericWords().contains(name))
            continue;
        ++proper;
        if (std::none_of(inText.cbegin(), inText.cend(),
                         [&](const QString &w) { return sameWord(name, w); }))
            return false;
    }
    return proper > 0;
}

QString MunicipalityMatcher::match(const QString &text, const QStringList &known) {
    // Of the municipalities named, the one of the kind the text says («г. Рубцовска» — the
    // city, not «Рубцовский район»); none when that still leaves several.
    const QSet<QString> textKinds = kinds(words(text));
    QStringList named, ofKind;
    for (const QString &m : known) {
        if (m.trimmed().isEmpty() || named.contains(m) || !names(text, m))
            continue;
        named << m;
        if (kinds(words(m)).intersects(textKinds))
            ofKind << m;
    }
    if (named.size() == 1)
        return named.first();
    return ofKind.size() == 1 ? ofKind.first() : QString();
}

} // namespace objectivity::core
