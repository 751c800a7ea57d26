#include "objectivity/core/plan/PersonName.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace objectivity::core {

namespace {

constexpr auto kRx = QRegularExpression::UseUnicodePropertiesOption;

QString folded(const QString &s) {
    QString out = s.toLower();
    out.replace(u'ё', u'е');
    return out;
}

// Whether a word is a position word rather than a surname («директора», «УВР», «учитель»).
bool looksLikePosition(const QString &word) {
    static const QRegularExpression position(
        QStringLiteral(R"(^(директор|заместител|замдиректор|зам|учител|педагог|руководител|)"
                       R"(председател|специалист|методист|психолог|логопед|социальн|классн|)"
                       R"(библиотекар|секретар|советник|старш|главн|ведущ|начальник|заведующ))"),
        kRx | QRegularExpression::CaseInsensitiveOption);
    return position.match(word).hasMatch() || word.size() < 2 ||
           (word.toUpper() == word && word.size() <= 5); // «УВР», «ВР», «ОО»
}

} // namespace

PersonName PersonName::parse(const QString &owner) {
    PersonName out;
    const QString text = owner.simplified();
    out.name = text;
    // «Фамилия И.И.» / «Фамилия И. И.» / «Фамилия И.»
    static const QRegularExpression surnameFirst(
        QStringLiteral(
            R"((?<![\p{L}])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu})\.\s*(?:(\p{Lu})\.?)?\s*$)"),
        kRx);
    // «И.И. Фамилия»
    static const QRegularExpression initialsFirst(
        QStringLiteral(
            R"((?<![\p{L}])(\p{Lu})\.\s*(?:(\p{Lu})\.\s*)?(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s*$)"),
        kRx);
    // «Фамилия Имя Отчество» (the patronymic ends in -вич/-вна/-ична/-ич)
    static const QRegularExpression fullName(
        QStringLiteral(
            R"((?<![\p{L}])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu})\p{Ll}+\s+(\p{Lu})\p{Ll}+(?:вич|вна|ична|ич)\s*$)"),
        kRx);
    QRegularExpressionMatch m = surnameFirst.match(text);
    int start = -1;
    if (m.hasMatch() && !looksLikePosition(m.captured(1))) {
        out.surname = m.captured(1);
        out.initials = m.captured(2) + m.captured(3);
        start = int(m.capturedStart());
    } else if ((m = initialsFirst.match(text)).hasMatch() && !looksLikePosition(m.captured(3))) {
        out.surname = m.captured(3);
        out.initials = m.captured(1) + m.captured(2);
        start = int(m.capturedStart());
    } else if ((m = fullName.match(text)).hasMatch() && !looksLikePosition(m.captured(1))) {
        out.surname = m.captured(1);
        out.initials = m.captured(2) + m.captured(3);
        start = int(m.capturedStart());
        out.name = text.mid(start);
    } else {
        return out;
    }
    // «АИРО имени А.М. Топорова», «школа им. В.Д. Мазепы»: the name of an organisation
    const QString before = text.left(start);
    static const QRegularExpression named(QStringLiteral(R"((имени|им\.)\s*$)"),
                                          kRx | QRegularExpression::CaseInsensitiveOption);
    if (named.match(before).hasMatch() || before.count(u'«') > before.count(u'»')) {
        PersonName role;
        role.name = text;
        return role;
    }
    if (out.name == text && start >= 0) { // initials forms: normalised «Фамилия И.И.»
        QString initials;
        for (const QChar c : out.initials)
            initials += c + QStringLiteral(".");
        out.name = out.surname + u' ' + initials;
    }
    static const QRegularExpression trailing(QStringLiteral(R"([\s,;:–—-]+$)"), kRx);
    out.position = text.left(start).remove(trailing).trimmed();
    return out;
}

int PersonName::editDistance(const QString &a0, const QString &b0) {
    const QString a = folded(a0);
    const QString b = folded(b0);
    std::vector<int> prev(std::size_t(b.size()) + 1), cur(prev.size());
    for (std::size_t j = 0; j < prev.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[std::size_t(j)] = std::min({prev[std::size_t(j)] + 1, cur[std::size_t(j - 1)] + 1,
                                            prev[std::size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[std::size_t(b.size())];
}

QList<PersonName::NearDuplicate> PersonName::nearDuplicates(const QStringList &names) {
    QList<NearDuplicate> out;
    QList<std::pair<QString, PersonName>> people;
    QList<QString> roles;
    for (const QString &n : names) {
        const PersonName p = parse(n);
        if (p.isPerson())
            people.append({n.simplified(), p});
        else
            roles.append(n.simplified());
    }
    for (qsizetype i = 0; i < people.size(); ++i) {
        for (qsizetype j = i + 1; j < people.size(); ++j) {
            const auto &[textA, a] = people[i];
            const auto &[textB, b] = people[j];
            if (textA == textB || folded(a.initials) != folded(b.initials))
                continue;
            const QString sa = folded(a.surname);
            const QString sb = folded(b.surname);
            if (sa == sb) {
                out.append({textA, textB, QStringLiteral("одинаковые фамилия и инициалы")});
                continue;
            }
            if (sa + u'а' == sb || sb + u'а' == sa) // Иванов / Иванова: two people
                continue;
            const int distance = editDistance(sa, sb);
            // two letters apart when both initials agree («Шашок» / «Шашка А.В.»)
            const int allowed =
                std::min(sa.size(), sb.size()) >= 5 && a.initials.size() == 2 ? 2 : 1;
            if (distance <= allowed)
                out.append({textA, textB,
                            distance == 1 ? QStringLiteral("фамилии отличаются одной буквой")
                                          : QStringLiteral("фамилии отличаются двумя буквами")});
        }
    }
    // roles written with other capitals: «Руководители ОУ» / «руководители ОУ»
    for (qsizetype i = 0; i < roles.size(); ++i)
        for (qsizetype j = i + 1; j < roles.size(); ++j)
            if (roles[i] != roles[j] && folded(roles[i]) == folded(roles[j]))
                out.append({roles[i], roles[j],
                            QStringLiteral("одинаковые слова, другие буквы "
                                           "(строчные и прописные)")});
    return out;
}

} // namespace objectivity::core
