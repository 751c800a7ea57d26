#pragma once
#include <QString>
#include <QStringList>

namespace objectivity::core {

// Canonical subject names and their synonyms: «Русский» = «Русский язык»; «Математика (база)» and
// «Математика (профиль)» stay different subjects; «Окружающий мир», «Иностранный язык (английский)»
// ...
class SubjectCatalog {
public:
    // The canonical name, or an empty string for an unknown subject.
    static QString canonical(const QString &name);
    static QStringList canonicalNames();
    // Whether `name` (under any of its synonyms) is ЕГЭ «Математика (база)», which has a mark and
    // no test score.
    static bool isBasicMath(const QString &name);
};

} // namespace objectivity::core
