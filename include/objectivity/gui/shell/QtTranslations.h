#pragma once

class QCoreApplication;

namespace objectivity::gui {

// Qt's own texts in Russian: the standard buttons («OK», «Cancel», «Yes»…), file dialogs, context
// menus of text fields. Loads qtbase_ru.qm from Qt's translations folder (Debian package
// qt6-translations-l10n); without it those texts stay English, and the application still works.
class QtTranslations {
public:
    // Installs the translator on `app`; false when the translation file was not found.
    static bool install(QCoreApplication &app);
};

} // namespace objectivity::gui
