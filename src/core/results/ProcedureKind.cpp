#include "objectivity/core/results/ProcedureKind.h"

namespace objectivity::core {

QString procedureKindCode(ProcedureKind kind) {
    switch (kind) {
    case ProcedureKind::VPR:
        return QStringLiteral("ВПР");
    case ProcedureKind::OGE:
        return QStringLiteral("ОГЭ");
    case ProcedureKind::EGE:
        return QStringLiteral("ЕГЭ");
    }
    return QString();
}

namespace {
// Latin letters that look like Cyrillic ones in the codes («BПP», «OГЭ», «EГЭ»).
QString foldLookalikes(QString text) {
    static const QString latin = QStringLiteral("ABEKMHOPCTXY");
    static const QString cyrillic = QStringLiteral("АВЕКМНОРСТХУ");
    for (QChar &c : text) {
        const qsizetype i = latin.indexOf(c);
        if (i >= 0)
            c = cyrillic.at(i);
    }
    return text;
}
} // namespace

bool procedureKindFromText(const QString &text, ProcedureKind *kind) {
    QString t = foldLookalikes(text.trimmed().toUpper());
    t.remove(QLatin1Char(' '));
    t.replace(QChar(0x2013), QLatin1Char('-')).replace(QChar(0x2014), QLatin1Char('-'));
    ProcedureKind found;
    if (t == QStringLiteral("ВПР"))
        found = ProcedureKind::VPR;
    else if (t == QStringLiteral("ОГЭ") || t == QStringLiteral("ГИА-9") ||
             t == QStringLiteral("ГИА9"))
        found = ProcedureKind::OGE;
    else if (t == QStringLiteral("ЕГЭ") || t == QStringLiteral("ГИА-11") ||
             t == QStringLiteral("ГИА11"))
        found = ProcedureKind::EGE;
    else
        return false;
    if (kind)
        *kind = found;
    return true;
}

} // namespace objectivity::core
