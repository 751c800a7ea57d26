#include "objectivity/gui/plan/PlanExportController.h"
#include "objectivity/core/common/MessageText.h"

#include "objectivity/gui/shell/ErrorMessage.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanDocumentPainter.h"
#include "objectivity/io/export/PlanDocxWriter.h"
#include "objectivity/io/export/PlanOdtWriter.h"
#include "objectivity/io/export/PlanPdfWriter.h"
#include "objectivity/io/export/PlanXlsxWriter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTextDocument>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

namespace objectivity::gui {

namespace {

using Options = io::PlanExportOptions;
using Writer = std::function<core::Status(const core::Plan &, const QString &, const Options &)>;

const QString kFolderKey = QStringLiteral("export/lastFolder");
const QString kOrientationKey = QStringLiteral("export/orientation");

enum class Format { Pdf, Xlsx, Odt, Docx };

struct FormatInfo {
    QString suffix;
    QString filter;
    QString name; // for captions: «PDF», «Excel», «ODT», «Word»
};

FormatInfo formatInfo(Format format) {
    switch (format) {
    case Format::Pdf:
        return {QStringLiteral("pdf"), QStringLiteral("Документ PDF (*.pdf)"),
                QStringLiteral("PDF")};
    case Format::Xlsx:
        return {QStringLiteral("xlsx"), QStringLiteral("Книга Excel (*.xlsx)"),
                QStringLiteral("Excel")};
    case Format::Odt:
        return {QStringLiteral("odt"), QStringLiteral("Документ OpenDocument (*.odt)"),
                QStringLiteral("ODT")};
    case Format::Docx:
        return {QStringLiteral("docx"), QStringLiteral("Документ Word (*.docx)"),
                QStringLiteral("Word")};
    }
    return {};
}

// A file name from the plan's title: no characters that Windows or Linux refuse, not too long.
QString suggestedBaseName(const core::Plan &plan, bool report) {
    QString base = plan.title.simplified();
    if (base.isEmpty())
        base = QStringLiteral("План");
    base.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|«»]")), QStringLiteral(" "));
    base = base.simplified().left(80).trimmed();
    if (report)
        base.prepend(QStringLiteral("Отчёт — "));
    return base;
}

Options::Orientation savedOrientation() {
    return QSettings().value(kOrientationKey).toString() == QLatin1String("portrait")
               ? Options::Orientation::Portrait
               : Options::Orientation::Landscape;
}

// Asks the report date (when `askDate`) and the page orientation (when `askOrientation`).
// Returns false when the user cancelled.
bool askOptions(QWidget *parent, const QString &title, bool askDate, bool askOrientation,
                Options &options) {
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *form = new QFormLayout(&dialog);
    QDateEdit *date = nullptr;
    if (askDate) {
        date = new QDateEdit(QDate::currentDate(), &dialog);
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
        form->addRow(QStringLiteral("Отчёт по состоянию на:"), date);
    }
    QComboBox *orientation = nullptr;
    if (askOrientation) {
        orientation = new QComboBox(&dialog);
        orientation->addItem(QStringLiteral("Альбомная (A4)"));
        orientation->addItem(QStringLiteral("Книжная (A4)"));
        orientation->setCurrentIndex(savedOrientation() == Options::Orientation::Portrait ? 1 : 0);
        form->addRow(QStringLiteral("Ориентация страницы:"), orientation);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Продолжить"));
    buttons->button(QDialogButtonBox::Cancel)->setText(QStringLiteral("Отмена"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (date)
        options.reportDate = date->date();
    if (orientation) {
        const bool portrait = orientation->currentIndex() == 1;
        options.orientation =
            portrait ? Options::Orientation::Portrait : Options::Orientation::Landscape;
        QSettings().setValue(kOrientationKey,
                             portrait ? QStringLiteral("portrait") : QStringLiteral("landscape"));
    }
    return true;
}

QString askFileName(QWidget *parent, const core::Plan &plan, Format format, bool report) {
    const FormatInfo info = formatInfo(format);
    QSettings settings;
    QString folder = settings.value(kFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString caption = report
                                ? QStringLiteral("Экспорт отчёта об исполнении в %1").arg(info.name)
                                : QStringLiteral("Экспорт плана в %1").arg(info.name);
    const QString proposed =
        QDir(folder).filePath(suggestedBaseName(plan, report) + u'.' + info.suffix);
    QString path = QFileDialog::getSaveFileName(parent, caption, proposed, info.filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + info.suffix;
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    return path;
}

Writer writerFor(Format format) {
    switch (format) {
    case Format::Pdf:
        return &io::PlanPdfWriter::write;
    case Format::Xlsx:
        return &io::PlanXlsxWriter::write;
    case Format::Odt:
        return &io::PlanOdtWriter::write;
    case Format::Docx:
        return &io::PlanDocxWriter::write;
    }
    return {};
}

void showError(QWidget *parent, const QString &title, const QString &path,
               const core::Error &error) {
    const QString lead =
        QStringLiteral("Не удалось сохранить файл «%1».").arg(QDir::toNativeSeparators(path));
    core::Error shown = error;
    shown.file.clear(); // the lead names the file with its folder
    ErrorMessage::show(parent, title, shown, lead);
}

// A name next to the target for the file being written, so a cancelled export leaves no file and
// an existing file is replaced only by a finished one.
QString partialPath(const QString &path) {
    const QFileInfo info(path);
    return info.dir().filePath(QStringLiteral(".%1.%2.part")
                                   .arg(info.fileName())
                                   .arg(QDateTime::currentMSecsSinceEpoch()));
}

// Runs the export. All writers are safe off the GUI thread: the .xlsx is written by libxlsxwriter
// (plain C, no Qt GUI objects); PDF and ODT build their QTextDocument in the worker thread itself
// and paint it with QPdfWriter / write it with QTextDocumentWriter — no QWidget, no QPixmap, and
// text rendering outside the GUI thread is supported by Qt since 5.0. The plan is copied into the
// task, so editing it meanwhile changes nothing in the file.
void runExport(QObject *owner, QWidget *parent, const core::Plan &plan, Format format,
               const Options &options, const QString &path) {
    const QString title =
        options.isReport() ? QStringLiteral("Экспорт отчёта") : QStringLiteral("Экспорт плана");
    auto *progress = new QProgressDialog(
        QStringLiteral("Сохранение файла «%1»…").arg(QFileInfo(path).fileName()),
        QStringLiteral("Отмена"), 0, 0, parent);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);

    const QString partial = partialPath(path);
    auto *watcher = new QFutureWatcher<core::Status>(owner);
    auto cancelled = std::make_shared<bool>(false);
    QObject::connect(progress, &QProgressDialog::canceled, watcher, [cancelled, progress] {
        // The writers cannot be interrupted; the task finishes in the background and its file is
        // thrown away.
        *cancelled = true;
        progress->hide();
    });
    QPointer<QWidget> parentGuard(parent);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, progress, cancelled, partial, path, title, parentGuard] {
                         const core::Status status = watcher->result();
                         watcher->deleteLater();
                         progress->deleteLater();
                         if (*cancelled) {
                             QFile::remove(partial);
                             return;
                         }
                         progress->hide();
                         if (!status.ok()) {
                             QFile::remove(partial);
                             showError(parentGuard, title, path, status.error());
                             return;
                         }
                         if (QFile::exists(path) && !QFile::remove(path)) {
                             QFile::remove(partial);
                             showError(parentGuard, title, path,
                                       core::Error{QStringLiteral("Файл занят другой программой "
                                                                  "или защищён от записи."),
                                                   path});
                             return;
                         }
                         if (!QFile::rename(partial, path)) {
                             QFile::remove(partial);
                             showError(parentGuard, title, path,
                                       core::Error{QStringLiteral("Не удалось переименовать "
                                                                  "временный файл."),
                                                   path});
                         }
                     });
    const Writer writer = writerFor(format);
    watcher->setFuture(QtConcurrent::run(
        [writer, plan, options, partial] { return writer(plan, partial, options); }));
}

// The print preview of the plan or its report; printing goes from the dialog's own button.
void showPreview(QWidget *parent, const core::Plan &plan, const Options &options,
                 const QString &title) {
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(plan.title.simplified());
    printer.setPageLayout(io::PlanDocumentBuilder::pageLayout(options.orientation));
    // Laid out for the printer on every repaint (the user may switch the orientation or the paper
    // in the dialog), by the same painter as the PDF.
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(title);
    dialog.resize(1100, 800);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&plan, options, parent](QPrinter *device) {
                         const core::Result<int> pages =
                             io::PlanDocumentPainter::paint(plan, options, *device);
                         if (!pages.ok())
                             ErrorMessage::show(parent, QStringLiteral("Печать"), pages.error());
                     });
    dialog.exec();
}

} // namespace

PlanExportController::PlanExportController(QWidget *parentWindow)
    : QObject(parentWindow), m_window(parentWindow) {}

void PlanExportController::printPreview(const core::Plan &plan) {
    Options options;
    options.orientation = savedOrientation();
    showPreview(
        m_window, plan, options,
        QStringLiteral("Предварительный просмотр — %1").arg(core::shortenAtWord(plan.title, 80)));
}

void PlanExportController::printReport(const core::Plan &plan) {
    Options options;
    if (!askOptions(m_window, QStringLiteral("Отчёт об исполнении плана"), true, false, options))
        return;
    options.orientation = savedOrientation();
    showPreview(m_window, plan, options,
                QStringLiteral("Отчёт об исполнении на %1 — предварительный просмотр")
                    .arg(options.reportDate.toString(QStringLiteral("dd.MM.yyyy"))));
}

void PlanExportController::exportPdf(const core::Plan &plan) {
    Options options;
    if (!askOptions(m_window, QStringLiteral("Экспорт плана в PDF"), false, true, options))
        return;
    const QString path = askFileName(m_window, plan, Format::Pdf, false);
    if (!path.isEmpty())
        runExport(this, m_window, plan, Format::Pdf, options, path);
}

void PlanExportController::exportXlsx(const core::Plan &plan) {
    const QString path = askFileName(m_window, plan, Format::Xlsx, false);
    if (!path.isEmpty())
        runExport(this, m_window, plan, Format::Xlsx, Options{}, path);
}

void PlanExportController::exportOdt(const core::Plan &plan) {
    Options options;
    options.orientation = savedOrientation();
    const QString path = askFileName(m_window, plan, Format::Odt, false);
    if (!path.isEmpty())
        runExport(this, m_window, plan, Format::Odt, options, path);
}

void PlanExportController::exportDocx(const core::Plan &plan) {
    Options options;
    options.orientation = savedOrientation();
    const QString path = askFileName(m_window, plan, Format::Docx, false);
    if (!path.isEmpty())
        runExport(this, m_window, plan, Format::Docx, options, path);
}

void PlanExportController::exportReportPdf(const core::Plan &plan) {
    Options options;
    if (!askOptions(m_window, QStringLiteral("Отчёт об исполнении в PDF"), true, true, options))
        return;
    const QString path = askFileName(m_window, plan, Format::Pdf, true);
    if (!path.isEmpty())
        runExport(this, m_window, plan, Format::Pdf, options, path);
}

void PlanExportController::exportReportXlsx(const core::Plan &plan) {
    Options options;
    if (!askOptions(m_window, QStringLiteral("Отчёт об исполнении в Excel"), true, false, options))
        return;
    const QString path = askFileName(m_window, plan, Format::Xlsx, true);
    if (!path.isEmpty())
        runExport(this, m_window, plan, Format::Xlsx, options, path);
}

} // namespace objectivity::gui
