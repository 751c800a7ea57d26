#include "objectivity/core/plan/SchoolAddressees.h"

#include <QRegularExpression>

namespace objectivity::core {

namespace {

// Abbreviations of a school as a whole word: ОО, ОУ, ОО(У), МБОУ, МКОУ, МАОУ, ГБОУ, СОШ, ООШ…
const QRegularExpression &schoolAbbreviation() {
    static const QRegularExpression re(
        QStringLiteral("(?<![\\p{L}])(ОО|ОУ|ООУ|[МГ][БКА]?ОУ|СОШ|ООШ|НОШ)(?![\\p{L}])"),
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// The words naming schools in full, any case ending: общеобразовательн(ые|ых|ыми) организаци…,
// учреждени…, школ(ы|ам|ами) — but not «школьн…» (школьные методические объединения).
const QRegularExpression &schoolWords() {
    static const QRegularExpression re(
        QStringLiteral("общеобразовательн\\p{L}*\\s+(организаци|учреждени)|"
                       "(?<![\\p{L}])школ(ы|а|ам|ами|ах)?(?![\\p{L}])|"
                       "образовательн\\p{L}*\\s+организаци"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Doers named in the text (instrumental case): «общеобразовательными учреждениями»,
// «общеобразовательными организациями», «школами», «руководителями ОУ».
const QRegularExpression &schoolDoers() {
    static const QRegularExpression re(
        QStringLiteral("общеобразовательными\\s+(организациями|учреждениями)|"
                       "(?<![\\p{L}])школами(?![\\p{L}])|руководителями\\s+(ОО|ОУ)(?![\\p{L}])"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Bodies of the department that only mention schools: муниципальные методические объединения,
// управление образования.
const QRegularExpression &departmentWords() {
    static const QRegularExpression re(
        QStringLiteral("(?<![\\p{L}])(ММО|РМО|ГМО)(?![\\p{L}])|управлени\\p{L}*\\s+образовани|"
                       "комитет\\p{L}*\\s+(по\\s+)?образовани|муниципальн"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

} // namespace

bool SchoolAddressees::isSchoolOwner(const QString &owner) {
    const QString text = owner.simplified();
    if (text.isEmpty())
        return false;
    if (schoolAbbreviation().match(text).hasMatch())
        return true;
    if (departmentWords().match(text).hasMatch())
        return false;
    return schoolWords().match(text).hasMatch();
}

bool SchoolAddressees::addressedToSchools(const Measure &measure) {
    for (const QString &owner : measure.owners)
        if (isSchoolOwner(owner))
            return true;
    return schoolDoers().match(measure.text).hasMatch();
}

QStringList SchoolAddressees::schoolOwners(const Measure &measure) {
    QStringList owners;
    for (const QString &owner : measure.owners)
        if (isSchoolOwner(owner))
            owners << owner.simplified();
    if (owners.isEmpty() && addressedToSchools(measure))
        owners << QStringLiteral("Руководители ОУ");
    return owners;
}

} // namespace objectivity::core
