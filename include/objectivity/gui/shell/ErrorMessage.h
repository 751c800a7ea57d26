#pragma once
#include "objectivity/core/common/Error.h"

#include <QString>

#include <memory>

class QMessageBox;
class QWidget;

namespace objectivity::gui {

// The one way the GUI shows a core::Error: a warning box with the Russian message (prefixed by
// `lead` when given) and the original text of the failure (Error::details: Qt's, SQLite's) under
// «Подробности…», never in the message itself. The box's own buttons are Russian too.
class ErrorMessage {
public:
    // Shows the box modally.
    static void show(QWidget *parent, const QString &title, const core::Error &error,
                     const QString &lead = QString());
    // The box, not shown (for tests and for callers that add buttons).
    static std::unique_ptr<QMessageBox> create(QWidget *parent, const QString &title,
                                               const core::Error &error,
                                               const QString &lead = QString());
    // The text the box shows: `lead`, an empty line, error.toString().
    static QString text(const core::Error &error, const QString &lead = QString());
};

} // namespace objectivity::gui
