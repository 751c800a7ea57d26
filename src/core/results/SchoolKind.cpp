#include "objectivity/core/results/SchoolKind.h"

#include <QRegularExpression>

namespace objectivity::core {

QString schoolKindCode(SchoolKind kind) {
    switch (kind) {
    case SchoolKind::Sosh:
        return QStringLiteral("СОШ");
    case SchoolKind::Oosh:
        return QStringLiteral("ООШ");
    case SchoolKind::Nosh:
        return QStringLiteral("НОШ");
    case SchoolKind::Gymnasium:
        return QStringLiteral("гимназия");
    case SchoolKind::Lyceum:
        return QStringLiteral("лицей");
    case SchoolKind::AdvancedStudy:
        return QStringLiteral("СОШ с УИОП");
    case SchoolKind::Unknown:
        break;
    }
    return QString();
}

SchoolKind schoolKindFromText(const QString &text) {
    QString t = text.simplified().toLower();
    t.replace(QChar(0x0451), QChar(0x0435)); // ё → е
    if (t.isEmpty())
        return SchoolKind::Unknown;
    // Exact codes first.
    for (SchoolKind k : {SchoolKind::AdvancedStudy, SchoolKind::Sosh, SchoolKind::Oosh,
                         SchoolKind::Nosh, SchoolKind::Gymnasium, SchoolKind::Lyceum}) {
        QString code = schoolKindCode(k).toLower();
        code.replace(QChar(0x0451), QChar(0x0435));
        if (t == code)
            return k;
    }
    // Then words inside a full name. The order matters: «лицей» and «гимназия» win over «школа».
    if (t.contains(QStringLiteral("гимнази")))
        return SchoolKind::Gymnasium;
    if (t.contains(QStringLiteral("лице")) &&
        QRegularExpression(QStringLiteral(R"((^|[^а-я])лице[йяюе])"),
                           QRegularExpression::UseUnicodePropertiesOption)
            .match(t)
            .hasMatch())
        return SchoolKind::Lyceum;
    if (t.contains(QStringLiteral("углубленн")) || t.contains(QStringLiteral("уиоп")))
        return SchoolKind::AdvancedStudy;
    static const QRegularExpression word(QStringLiteral(R"((^|[^а-я])(сош|оош|нош)([^а-я]|$))"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    if (const auto m = word.match(t); m.hasMatch()) {
        const QString w = m.captured(2);
        if (w == QStringLiteral("сош"))
            return SchoolKind::Sosh;
        if (w == QStringLiteral("оош"))
            return SchoolKind::Oosh;
        return SchoolKind::Nosh;
    }
    if (t.contains(QStringLiteral("начальн")) && t.contains(QStringLiteral("школ")))
        return SchoolKind::Nosh;
    if (t.contains(QStringLiteral("основн")) && t.contains(QStringLiteral("школ")))
        return SchoolKind::Oosh;
    if (t.contains(QStringLiteral("средн")) && t.contains(QStringLiteral("школ")))
        return SchoolKind::Sosh;
    return SchoolKind::Unknown;
}

} // namespace objectivity::core
