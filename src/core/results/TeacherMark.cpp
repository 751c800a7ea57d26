#include "objectivity/core/results/TeacherMark.h"

#include <QString>

#include <cmath>

namespace objectivity::core {

namespace {

bool isSign(QChar c) {
    const char16_t u = c.unicode();
    return u == u'+' || u == u'-' || u == u'−' || u == u'–' || u == u'—';
}

// «5», «5.0», «5,0»; false for anything else.
bool wholeNumber(const QString &t, int *value, bool *fractional) {
    QString s = t;
    s.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double d = s.toDouble(&ok);
    if (!ok || d < 0 || d > 100)
        return false;
    if (d != std::floor(d)) {
        *fractional = true;
        return false;
    }
    *value = int(d);
    return true;
}

} // namespace

TeacherMark teacherMarkFromText(QStringView text) {
    QString t = text.trimmed().toString().toLower();
    t.replace(QChar(u'ё'), QChar(u'е'));
    t.remove(QChar(u' '));
    t.remove(QChar(u'\u00a0'));
    if (t.isEmpty())
        return {0, TeacherMark::Form::NoMark};
    int value = 0;
    bool fractional = false;
    if (wholeNumber(t, &value, &fractional))
        return {value, TeacherMark::Form::Plain};
    if (fractional)
        return {0, TeacherMark::Form::Average};
    // «4+», «5-»: one digit and one sign
    if (t.size() == 2 && t.at(0).isDigit() && isSign(t.at(1)))
        return {t.at(0).digitValue(), TeacherMark::Form::Signed};
    if (t.endsWith(QLatin1Char('.')))
        t.chop(1);
    // the names of the marks, full or cut short as the certificate and journals write them
    struct Word {
        const char16_t *text;
        int mark;
    };
    static const Word kWords[] = {
        {u"отлично", 5},           {u"отл", 5},   {u"хорошо", 4}, {u"хор", 4},
        {u"удовлетворительно", 3}, {u"удовл", 3}, {u"уд", 3},     {u"неудовлетворительно", 2},
        {u"неудовл", 2},           {u"неуд", 2}};
    for (const Word &w : kWords)
        if (t == QStringView(w.text))
            return {w.mark, TeacherMark::Form::Plain};
    static const char16_t *const kNoMark[] = {u"н/а", u"на",    u"н",    u"нп",  u"н/я",
                                              u"-",   u"—",     u"–",    u"нет", u"осв",
                                              u"зач", u"незач", u"неатт"};
    for (const char16_t *w : kNoMark)
        if (t == QStringView(w))
            return {0, TeacherMark::Form::NoMark};
    // spaces are removed above: «не аттестован» is «неаттестован» here
    static const char16_t *const kNoMarkPrefixes[] = {u"неаттест", u"неатест", u"освоб", u"зачет",
                                                      u"зачт",     u"незачет", u"незачт"};
    for (const char16_t *w : kNoMarkPrefixes)
        if (t.startsWith(QStringView(w)))
            return {0, TeacherMark::Form::NoMark};
    return {0, TeacherMark::Form::Unreadable};
}

} // namespace objectivity::core
