#include "results/ResultsCellText.h"

#include <QRegularExpression>

#include <cmath>

namespace objectivity::io::cellText {

bool notAttempted(QStringView t) {
    if (t.size() != 1)
        return false;
    const char16_t c = t.at(0).unicode();
    return c == u'X' || c == u'x' || c == u'Х' || c == u'х' || c == u'-' || c == u'—' || c == u'–';
}

bool variantNumber(QStringView text, int *value) {
    int found = -1;
    for (qsizetype i = 0; i < text.size();) {
        if (!text.at(i).isDigit() || text.at(i).unicode() > 0x7f) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && text.at(i).unicode() >= u'0' && text.at(i).unicode() <= u'9')
            ++i;
        if (found >= 0 || i - start > 6)
            return false; // a second number, or not a variant's
        found = text.mid(start, i - start).toInt();
    }
    if (found < 0)
        return false;
    *value = found;
    return true;
}

bool toInt(QStringView text, int *value) {
    text = text.trimmed();
    if (!text.isEmpty() && text.size() <= 9) {
        qsizetype i = text.at(0) == u'-' ? 1 : 0;
        int v = 0;
        bool digits = i < text.size();
        for (; i < text.size() && digits; ++i) {
            const char16_t c = text.at(i).unicode();
            digits = c >= u'0' && c <= u'9';
            v = v * 10 + (c - u'0');
        }
        if (digits) {
            *value = text.at(0) == u'-' ? -v : v;
            return true;
        }
    }
    QString t = text.toString();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (!ok || d != std::floor(d) || std::fabs(d) > 1e9)
        return false;
    *value = int(d);
    return true;
}

bool yearFromText(const QString &text, int *year) {
    if (toInt(text, year))
        return true;
    static const QRegularExpression plain(QStringLiteral(R"(^\s*(\d{4})\s*(?:г\.?|год)?\s*$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (const auto m = plain.match(text); m.hasMatch()) {
        *year = m.captured(1).toInt();
        return true;
    }
    static const QRegularExpression school(
        QStringLiteral(
            R"(^\s*(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})\s*(?:(?:уч\.?|учебный)\s*(?:г\.?|год)?)?\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = school.match(text); m.hasMatch()) {
        const int first = m.captured(1).toInt();
        int second = m.captured(2).toInt();
        if (m.captured(2).size() == 2)
            second += first / 100 * 100;
        if (second != first + 1)
            return false;
        *year = second;
        return true;
    }
    return false;
}

bool gradeFromText(const QString &text, int *grade) {
    if (toInt(text, grade))
        return true;
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(\d{1,2})\s*(?:-?\s*й)?\s*(?:класс(?:ы|а)?|кл\.?)?\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    *grade = m.captured(1).toInt();
    return true;
}

bool gradeOfClass(const QString &className, int *grade) {
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d{1,2})(?!\d))"));
    const auto m = re.match(className);
    if (!m.hasMatch())
        return false;
    *grade = m.captured(1).toInt();
    return true;
}

bool toDouble(QString text, double *value) {
    text = text.trimmed();
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    text.remove(QChar(0x00A0));
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && std::isfinite(*value);
}

} // namespace objectivity::io::cellText
