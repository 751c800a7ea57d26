#include "objectivity/gui/shell/ErrorMessage.h"

#include "objectivity/core/common/MessageText.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QTranslator>

namespace objectivity::gui {

namespace {

// Qt ships no Russian for QMessageBox's own labels here: the «Show Details...» button of a box with
// detailed text would be English. This translator answers for those few labels.
class MessageBoxTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char * = nullptr,
                      int = -1) const override {
        if (qstrcmp(context, "QMessageBox") != 0 || !sourceText)
            return QString();
        if (qstrcmp(sourceText, "Show Details...") == 0)
            return QStringLiteral("Подробности…");
        if (qstrcmp(sourceText, "Hide Details...") == 0)
            return QStringLiteral("Скрыть подробности");
        return QString();
    }
};

void installTranslator() {
    static bool installed = false;
    if (installed || !QCoreApplication::instance())
        return;
    installed =
        QCoreApplication::installTranslator(new MessageBoxTranslator(QCoreApplication::instance()));
}

} // namespace

QString ErrorMessage::text(const core::Error &error, const QString &lead) {
    const QString message = error.toString();
    if (lead.isEmpty())
        return message;
    return message.isEmpty() ? lead : lead + QStringLiteral("\n\n") + message;
}

std::unique_ptr<QMessageBox> ErrorMessage::create(QWidget *parent, const QString &title,
                                                  const core::Error &error, const QString &lead) {
    installTranslator();
    auto box = std::make_unique<QMessageBox>(QMessageBox::Warning, title, text(error, lead),
                                             QMessageBox::Ok, parent);
    if (!error.details.isEmpty())
        box->setDetailedText(core::shortenForMessage(error.details, 4000));
    return box;
}

void ErrorMessage::show(QWidget *parent, const QString &title, const core::Error &error,
                        const QString &lead) {
    create(parent, title, error, lead)->exec();
}

} // namespace objectivity::gui
