#include "objectivity/io/plan/PlanTextRules.h"

#include <QRegularExpression>

namespace objectivity::io {

namespace {
QRegularExpression re(const QString &pattern, bool caseless = false) {
    QRegularExpression::PatternOptions opts = QRegularExpression::UseUnicodePropertiesOption;
    if (caseless)
        opts |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(pattern, opts);
}

// Cyrillic look-alikes that appear in roman numerals typed on a Russian keyboard.
QString latinRoman(const QString &s, bool *typo) {
    QString out;
    for (QChar c : s) {
        switch (c.unicode()) {
        case 0x0406: // І (Ukrainian I)
        case 0x04C0: // Ӏ (palochka)
            out += QLatin1Char('I');
            *typo = true;
            break;
        case 0x0423: // У for V
            out += QLatin1Char('V');
            *typo = true;
            break;
        case 0x0425: // Х for X
            out += QLatin1Char('X');
            *typo = true;
            break;
        default:
            out += c;
        }
    }
    return out;
}

bool validRoman(const QString &s) {
    static const QRegularExpression roman(
        QStringLiteral("^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$"));
    return roman.match(s).hasMatch();
}
} // namespace

bool PlanTextRules::isMeasureNumber(const QString &cell) {
    static const QRegularExpression number(
        QStringLiteral(R"(^\d{1,3}(?:\s?\.\s?\d{1,3})*\.{0,2}\)?$)"));
    return number.match(cell.trimmed()).hasMatch();
}

int PlanTextRules::numberDepth(const QString &number) {
    if (!isMeasureNumber(number))
        return 0;
    QString n = number.trimmed();
    while (n.endsWith(QLatin1Char('.')) || n.endsWith(QLatin1Char(')')))
        n.chop(1);
    return int(n.count(QLatin1Char('.'))) + 1;
}

PlanTextRules::SectionHead PlanTextRules::sectionHead(const QString &text) {
    static const QRegularExpression head = re(QStringLiteral(
        R"(^(?:(?:Раздел|РАЗДЕЛ)\s+)?([IVXLCІӀУХ]{1,7}|\d{1,2})(\s*[.)]|(?=\s+[А-ЯЁA-Z«"]))\s*(.*)$)"));
    SectionHead result;
    const QString t = text.trimmed();
    const auto m = head.match(t);
    if (!m.hasMatch())
        return result;
    const QString num = m.captured(1);
    const QString punct = m.captured(2).trimmed();
    const QString title = m.captured(3).trimmed();
    const bool arabic = num.front().isDigit();
    if (arabic) {
        if (punct.isEmpty())
            return result; // "1 Издание…" is a measure number and its text, not a section
        // "3.1. …" is a measure: the captured title would start with a digit.
        if (!title.isEmpty() && title.front().isDigit())
            return result;
    } else {
        bool typo = false;
        const QString latin = latinRoman(num, &typo);
        if (!validRoman(latin))
            return result;
        // Cyrillic look-alikes only count with the dot: «У нас…» is not a section.
        if (typo && punct.isEmpty())
            return result;
        result.roman = true;
        result.romanValue = latin;
        result.typo = typo;
    }
    if (!title.isEmpty() && !title.front().isLetter() && title.front() != QChar(u'«') &&
        title.front() != QLatin1Char('"'))
        return {};
    result.ok = true;
    result.number = num + punct;
    result.title = title;
    return result;
}

bool PlanTextRules::isSeparator(const QString &text) {
    static const QRegularExpression sep(QStringLiteral(R"(^[-–—_=*.\s]{2,}$)"));
    return sep.match(text.trimmed()).hasMatch() && text.trimmed().size() >= 2;
}

bool PlanTextRules::isPageNumber(const QString &text) {
    static const QRegularExpression page =
        re(QStringLiteral(
               R"(^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$|^(?:страница|стр\.?|с\.|лист)\s*\d{1,3})"
               R"((?:\s*(?:из|/)\s*\d{1,3})?$)"),
           true);
    return page.match(text.trimmed()).hasMatch();
}

bool PlanTextRules::isAbbreviation(const QString &token) {
    static const QRegularExpression abbr(QStringLiteral(R"(^[А-ЯЁ]{2,6}[,;.]?$)"));
    return abbr.match(token).hasMatch();
}

bool PlanTextRules::isInitials(const QString &token) {
    static const QRegularExpression initials(QStringLiteral(R"(^[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.?)?[,;]?$)"));
    return initials.match(token).hasMatch();
}

bool PlanTextRules::isCapitalizedWord(const QString &token) {
    static const QRegularExpression word(QStringLiteral(R"(^[«"]?[А-ЯЁ][а-яё]+)"));
    return word.match(token).hasMatch();
}

bool PlanTextRules::isPersonName(const QString &text) {
    static const QRegularExpression initialsFirst(
        QStringLiteral(R"(^[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$)"));
    static const QRegularExpression surnameFirst(
        QStringLiteral(R"(^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?$)"));
    static const QRegularExpression fullName(QStringLiteral(
        R"(^[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична|ич|чна)$)"));
    const QString t = text.trimmed();
    return initialsFirst.match(t).hasMatch() || surnameFirst.match(t).hasMatch() ||
           fullName.match(t).hasMatch();
}

QString PlanTextRules::stripSignature(const QString &text) {
    QString t = text;
    static const QRegularExpression deco(QStringLiteral(R"([_/\\|]+)"));
    t.replace(deco, QStringLiteral(" "));
    static const QRegularExpression podpis = re(QStringLiteral(R"(\(?подпись\)?)"), true);
    t.remove(podpis);
    return oneLine(t);
}

QString PlanTextRules::trailingName(const QString &text) {
    static const QRegularExpression tail(QStringLiteral(
        R"((?:^|[\s_/])([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[\s_/]*$)"));
    const auto m = tail.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString PlanTextRules::leadingPosition(const QString &text) {
    static const QRegularExpression position = re(
        QStringLiteral(R"(^((?:(?:И\.\s?о\.|Врио|Исполняющ\w*\s+обязанност\w*)\s+)?)"
                       R"((?:Директор|Заведующ|Начальник|Руководител|Председател|Глава|Заместител|)"
                       R"(Ректор|Управляющ|Министр)\w*)(?!\w))"),
        true);
    const auto m = position.match(text.trimmed());
    return m.hasMatch() ? m.captured(1) : QString();
}

bool PlanTextRules::startsWithPosition(const QString &text) {
    return !leadingPosition(text).isEmpty();
}

bool PlanTextRules::looksLikeDeadline(const QString &text) {
    static const QRegularExpression start = re(
        QStringLiteral(
            R"(^(?:до\s|в\s+течени|с\s+\d|по\s+мере|по\s+итогам|по\s+отдельн|по\s+график|по\s+план|)"
            R"(не\s+позднее|ежегодн|ежемесячн|еженедельн|ежедневн|ежеквартальн|постоянн|регулярн|)"
            R"(систематическ|весь\s|в\s+сроки|в\s+период|в\s+дни|в\s+конце|в\s+начале|в\s+соответствии|)"
            R"(согласно|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|)"
            R"(\d|[IV]{1,3}\s+(?:четверт|полугоди|квартал)|конец\s|начало\s|в\s+\d{4}))"),
        true);
    return start.match(text.trimmed()).hasMatch();
}

bool PlanTextRules::isRoleWord(const QString &token) {
    static const QRegularExpression role = re(
        QStringLiteral(
            R"(^(?:администрац|руководител|заместител|зам\.|зам$|директор|учител|классн|педагог|)"
            R"(психолог|социальн|методист|специалист|координатор|председател|член|ответственн|)"
            R"(библиотекар|логопед|дефектолог|тьютор|воспитател|заведующ|старш|начальник|)"
            R"(сотрудник|работник|эксперт|организатор|инспектор|секретар|технический|)"
            R"(системн|администратор|наблюдател|школьн|муниципальн|ММО|ШМО|РМО|МО\b|ОО\b|ОУ\b))"),
        true);
    return role.match(token).hasMatch();
}

QString PlanTextRules::stripInlineHtml(const QString &text) {
    if (!text.contains(QLatin1Char('<')) && !text.contains(QLatin1Char('&')))
        return text;
    static const QRegularExpression lineTags =
        re(QStringLiteral(R"(<\s*br\s*/?\s*>|<\s*/\s*(p|div|li|tr)\s*>)"), true);
    static const QRegularExpression inlineTags = re(
        QStringLiteral(
            R"(<\s*/?\s*(b|i|u|s|p|em|strong|span|font|div|sup|sub|a|li|ul|ol|o:p|small|big|mark|td|tr|th))"
            R"((\s[^<>]*)?/?\s*>)"),
        true);
    static const QRegularExpression entity(
        QStringLiteral(R"(&(nbsp|laquo|raquo|quot|amp|lt|gt|mdash|ndash|#\d{2,5});)"));
    QString t = text;
    t.replace(lineTags, QStringLiteral("\n"));
    t.remove(inlineTags);
    if (t.contains(QLatin1Char('&'))) {
        QString out;
        qsizetype last = 0;
        auto it = entity.globalMatch(t);
        while (it.hasNext()) {
            const auto m = it.next();
            out += QStringView(t).mid(last, m.capturedStart() - last);
            const QString name = m.captured(1);
            if (name.startsWith(QLatin1Char('#')))
                out += QChar(char16_t(name.mid(1).toUInt()));
            else if (name == QLatin1String("nbsp"))
                out += QLatin1Char(' ');
            else if (name == QLatin1String("laquo"))
                out += QChar(u'«');
            else if (name == QLatin1String("raquo"))
                out += QChar(u'»');
            else if (name == QLatin1String("quot"))
                out += QLatin1Char('"');
            else if (name == QLatin1String("amp"))
                out += QLatin1Char('&');
            else if (name == QLatin1String("lt"))
                out += QLatin1Char('<');
            else if (name == QLatin1String("gt"))
                out += QLatin1Char('>');
            else if (name == QLatin1String("mdash"))
                out += QChar(u'—');
            else
                out += QChar(u'–');
            last = m.capturedEnd();
        }
        out += QStringView(t).mid(last);
        t = out;
    }
    return t;
}

QString PlanTextRules::pdfLeftover(const QString &text) {
    if (!text.contains(QLatin1Char('$')))
        return {};
    static const QRegularExpression formula(QStringLiteral(R"(\$[^$\n]{1,60}\$)"));
    return formula.match(text).captured(0);
}

QString PlanTextRules::tidy(const QString &text) {
    // A hand-written loop: this runs on every cell of every row.
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    bool lineHasText = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n') {
            if (lineHasText)
                out += QLatin1Char('\n');
            lineHasText = false;
            pendingSpace = false;
            continue;
        }
        if (u == u' ' || u == u'\t' || u == u'\r' || u == 0x00A0 || (u >= 0x2000 && u <= 0x200B) ||
            u == 0x202F || u == 0x3000) {
            pendingSpace = lineHasText;
            continue;
        }
        if (pendingSpace)
            out += QLatin1Char(' ');
        pendingSpace = false;
        lineHasText = true;
        out += c;
    }
    while (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

QString PlanTextRules::oneLine(const QString &text) {
    return tidy(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString PlanTextRules::appendText(const QString &base, const QString &more) {
    const QString add = tidy(more);
    if (add.isEmpty())
        return base;
    if (base.isEmpty())
        return add;
    const QChar first = add.front();
    // A word hyphenated at the end of a line ("учителя-" / "предметники") is joined back.
    if (first.isLower() && base.size() > 1 && base.endsWith(QLatin1Char('-')) &&
        base.at(base.size() - 2).isLetter())
        return base + add;
    const bool newSentence = first.isUpper() || first.isDigit() || first == QLatin1Char('-') ||
                             first == QChar(u'–') || first == QChar(u'•');
    return base + (newSentence ? QStringLiteral("\n") : QStringLiteral(" ")) + add;
}

} // namespace objectivity::io
