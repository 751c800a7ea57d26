#include "results/FisokoHeading.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/core/results/SubjectCatalog.h"

#include <QRegularExpression>

namespace objectivity::io {

namespace {

// The cells of a row, each once (a title merged over the width fills every cell).
QString joined(const QStringList &row) {
    QString line, last;
    for (const QString &c : row)
        if (const QString t = c.trimmed(); !t.isEmpty() && t != last) {
            line += t + QLatin1Char(' ');
            last = t;
        }
    return line;
}

} // namespace

FisokoHeading FisokoHeading::read(const QList<QStringList> &before) {
    FisokoHeading h;
    for (const QStringList &row : before)
        h.title += joined(row);
    static const QRegularExpression kindRe(QStringLiteral("(ВПР|ОГЭ|ЕГЭ)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression yearRe(QStringLiteral(R"((?<!\d)(20\d\d)(?!\d))"));
    static const QRegularExpression gradeRe(QStringLiteral(R"((\d{1,2})\s*(?:-?й\s*)?класс)"),
                                            QRegularExpression::CaseInsensitiveOption);
    // «Логин ОО: sch610001» (any login after its label), or a login of the usual form anywhere
    static const QRegularExpression loginRe(
        QStringLiteral(R"(логин(?:\s+оо)?\s*[:—–-]\s*([\w.-]+)|\b((?:edu|sch)\d{3,})\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QString subjectText;
    for (const QStringList &row : before) {
        const QString line = joined(row);
        const auto k = kindRe.match(line);
        const auto y = yearRe.match(line);
        if (k.hasMatch() && y.hasMatch() && subjectText.isEmpty()) {
            QString rest = line;
            rest.remove(kindRe).remove(yearRe).remove(gradeRe);
            subjectText = rest.simplified();
        }
    }
    if (const auto m = loginRe.match(h.title); m.hasMatch())
        h.login = core::canonicalSchoolLogin(m.hasCaptured(1) ? m.captured(1) : m.captured(2));
    core::Procedure &p = h.procedure;
    const auto k = kindRe.match(h.title);
    const auto y = yearRe.match(h.title);
    const auto g = gradeRe.match(h.title);
    if (!k.hasMatch() || !core::procedureKindFromText(k.captured(1), &p.kind) || !y.hasMatch() ||
        !g.hasMatch()) {
        h.problem =
            QStringLiteral("не найден заголовок вида «ВПР 2024 Математика 5 класс» над таблицей");
        return h;
    }
    p.year = y.captured(1).toInt();
    p.grade = g.captured(1).toInt();
    p.subject = core::SubjectCatalog::canonical(subjectText);
    if (p.subject.isEmpty()) {
        // The subject may share its line with other words: try the words one by one and in pairs.
        const QStringList words = subjectText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < words.size() && p.subject.isEmpty(); ++i)
            for (qsizetype n = qMin<qsizetype>(4, words.size() - i); n >= 1 && p.subject.isEmpty();
                 --n)
                p.subject = core::SubjectCatalog::canonical(words.mid(i, n).join(QLatin1Char(' ')));
    }
    if (p.subject.isEmpty())
        h.problem = QStringLiteral("неизвестный предмет в заголовке %1")
                        .arg(core::quoteForMessage(h.title.trimmed()));
    return h;
}

QString FisokoHeading::procedureText() const {
    return QStringLiteral("%1 %2, %3, %4 класс")
        .arg(core::procedureKindCode(procedure.kind))
        .arg(procedure.year)
        .arg(procedure.subject)
        .arg(procedure.grade);
}

} // namespace objectivity::io
