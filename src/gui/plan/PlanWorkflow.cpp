#include "objectivity/gui/plan/PlanWorkflow.h"

#include "objectivity/gui/shell/ErrorMessage.h"

#include "objectivity/core/plan/PlanOperations.h"
#include "objectivity/gui/plan/ApprovalDialog.h"
#include "objectivity/gui/plan/ColumnsDialog.h"
#include "objectivity/gui/plan/ImportPreviewDialog.h"
#include "objectivity/gui/plan/NewOwnersDialog.h"
#include "objectivity/gui/plan/NewPlanDialog.h"
#include "objectivity/gui/plan/PlanDiffDialog.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanHistoryDialog.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffOwners.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace objectivity::gui {

PlanWorkflow::PlanWorkflow(QWidget *window, AppSession *session, PlanEditor *editor)
    : QObject(window), m_window(window), m_session(session), m_editor(editor) {}

void PlanWorkflow::showError(const QString &title, const QString &text) {
    core::Error e;
    e.message = text;
    showError(title, e);
}

void PlanWorkflow::showError(const QString &title, const core::Error &error) {
    ErrorMessage::show(m_window, title, error);
}

qint64 PlanWorkflow::savePlan(core::Plan plan) {
    auto st = m_session->plans()->save(plan);
    if (!st) {
        showError(QStringLiteral("Сохранение плана"), st.error());
        return 0;
    }
    emit plansChanged();
    emit openPlan(plan.id);
    return plan.id;
}

void PlanWorkflow::newPlan() {
    auto list = m_session->plans()->list();
    NewPlanDialog dialog(list ? list.value() : QList<storage::PlanSummary>{}, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.source() == NewPlanDialog::Source::CopyOfPlan) {
        auto source = m_session->plans()->load(dialog.copyFromPlanId());
        if (!source) {
            showError(QStringLiteral("Новый план"), source.error());
            return;
        }
        savePlan(core::PlanOperations::copyToNextAcademicYear(source.value()));
    } else {
        savePlan(dialog.buildPlan());
    }
}

void PlanWorkflow::importFile(const QString &givenPath) {
    QString path = givenPath;
    if (path.isEmpty())
        path = QFileDialog::getOpenFileName(
            m_window, QStringLiteral("Импорт плана мероприятий"), QString(),
            QStringLiteral(
                "Документы плана (*.docx *.odt *.doc *.rtf *.pdf *.html *.htm *.txt *.tsv);;"
                "Все файлы (*)"));
    if (path.isEmpty())
        return;
    // Off the GUI thread: a document reads in milliseconds, but a .doc or .rtf goes through
    // LibreOffice for seconds. The dialog shows only when it takes longer than a moment.
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto *progress = new QProgressDialog(
        QStringLiteral("Открывается документ «%1»…").arg(QFileInfo(path).fileName()),
        QStringLiteral("Отмена"), 0, 0, m_window);
    progress->setWindowTitle(QStringLiteral("Импорт плана"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    auto *watcher = new QFutureWatcher<core::Result<io::PlanImport>>(this);
    connect(progress, &QProgressDialog::canceled, watcher, [cancel] { *cancel = true; });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress, cancel] {
        const core::Result<io::PlanImport> result = watcher->result();
        watcher->deleteLater();
        progress->hide();
        progress->deleteLater();
        if (!*cancel)
            previewAndSave(result);
    });
    watcher->setFuture(QtConcurrent::run(
        [path, cancel] { return io::PlanImporter::importFile(path, cancel.get()); }));
}

void PlanWorkflow::importClipboard() {
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QString text;
    if (mime && mime->hasHtml())
        text = mime->html(); // Word puts the table as text/html
    else if (mime && mime->hasText())
        text = mime->text();
    if (text.trimmed().isEmpty()) {
        showError(QStringLiteral("Вставка из буфера"),
                  QStringLiteral("В буфере обмена нет текста. Скопируйте план в Word или "
                                 "PDF-просмотрщике (Ctrl+A, Ctrl+C) и повторите."));
        return;
    }
    previewAndSave(io::PlanImporter::importText(text, QStringLiteral("буфер обмена")));
}

qint64 PlanWorkflow::previewAndSave(const core::Result<io::PlanImport> &import) {
    if (!import) {
        showError(QStringLiteral("Импорт плана"), import.error());
        return 0;
    }
    const storage::Database *db = m_session->database();
    const std::optional<core::Role> role =
        db && db->actor() ? std::optional<core::Role>(db->actor()->role) : std::nullopt;
    ImportPreviewDialog dialog(import.value(), role, m_window);
    if (dialog.exec() != QDialog::Accepted) {
        emit message(QStringLiteral("Импорт отменён, ничего не сохранено."));
        return 0;
    }
    core::Plan plan = import.value().plan;
    plan.status = dialog.status(); // as the document says, or as the user chose
    plan.approval = dialog.approval();
    for (const QString &w : import.value().warnings)
        if (!plan.warnings.contains(w))
            plan.warnings << w;
    const qint64 id = savePlan(plan);
    if (id) {
        emit message(
            plan.status == core::PlanStatus::PendingApproval
                ? QStringLiteral("План импортирован, мероприятий: %1; он ждёт утверждения.")
                      .arg(plan.measureCount())
                : QStringLiteral("План импортирован, мероприятий: %1.").arg(plan.measureCount()));
        offerNewOwners(id);
    }
    return id;
}

void PlanWorkflow::offerNewOwners(qint64 planId) {
    if (!m_session->database())
        return;
    auto found = storage::StaffOwners(*m_session->database()).newOwners(planId);
    if (!found || found->isEmpty())
        return;
    // not blocking: the imported plan is already open behind it
    auto *dialog = new NewOwnersDialog(found.value(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto added = storage::StaffOwners(*m_session->database()).add(dialog->chosen());
        if (!added) {
            showError(QStringLiteral("Справочник ответственных"), added.error());
            return;
        }
        emit staffChanged();
        emit message(QStringLiteral("Добавлено в справочник ответственных: %1.").arg(*added));
    });
    dialog->open();
}

void PlanWorkflow::submitForApproval() {
    auto st = m_editor->submitForApproval();
    if (!st)
        showError(QStringLiteral("Отправка на утверждение"), st.error());
    emit plansChanged();
}

void PlanWorkflow::approve() {
    if (!m_editor->hasPlan())
        return;
    core::Approval initial = m_editor->plan().approval;
    if (initial.approverPosition.isEmpty()) {
        const auto &org = m_editor->plan().organization;
        initial.approverPosition = org.kind == core::OrganizationKind::School
                                       ? QStringLiteral("Директор ") + org.name
                                       : QStringLiteral("Руководитель ") + org.name;
    }
    ApprovalDialog dialog(initial, m_editor->plan().period, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto st = m_editor->approve(dialog.approval());
    if (!st)
        showError(QStringLiteral("Утверждение плана"), st.error());
    emit plansChanged();
}

void PlanWorkflow::returnPlan() {
    if (!m_editor->hasPlan())
        return;
    bool ok = false;
    const QString comment = QInputDialog::getMultiLineText(
        m_window, QStringLiteral("Вернуть на доработку"),
        QStringLiteral("Что нужно доработать (комментарий увидит автор плана):"), QString(), &ok);
    if (!ok)
        return;
    auto st = m_editor->returnToDraft(comment);
    if (!st)
        showError(QStringLiteral("Возврат на доработку"), st.error());
    emit plansChanged();
}

void PlanWorkflow::showHistory() {
    if (!m_editor->hasPlan() || !m_session->plans())
        return;
    PlanHistoryDialog dialog(*m_session->plans(), m_editor->plan(), m_window);
    dialog.exec();
}

void PlanWorkflow::compareRevisions() {
    if (!m_editor->hasPlan() || !m_session->plans())
        return;
    PlanDiffDialog dialog(*m_session->plans(), m_editor->plan(), m_window);
    dialog.exec();
}

void PlanWorkflow::makeRevision() {
    auto id = m_editor->makeRevision();
    if (!id) {
        showError(QStringLiteral("Новая редакция"), id.error());
        return;
    }
    emit plansChanged();
    emit openPlan(id.value());
}

void PlanWorkflow::copyToNextYear() {
    if (!m_editor->hasPlan())
        return;
    const qint64 id = savePlan(core::PlanOperations::copyToNextAcademicYear(m_editor->plan()));
    if (id)
        emit message(QStringLiteral("Создан план на следующий учебный год (черновик)."));
}

void PlanWorkflow::deletePlan() {
    if (!m_editor->hasPlan())
        return;
    const core::Plan &plan = m_editor->plan();
    if (QMessageBox::question(m_window, QStringLiteral("Удаление плана"),
                              QStringLiteral("Удалить план «%1» (%2) со всеми мероприятиями? "
                                             "Это действие нельзя отменить.")
                                  .arg(plan.title, plan.period.toDisplayString())) !=
        QMessageBox::Yes)
        return;
    // An approved plan: only an administrator removes it, and says so (force).
    const bool approved =
        plan.status == core::PlanStatus::Approved || plan.status == core::PlanStatus::Superseded;
    auto st = m_session->plans()->remove(plan.id, approved);
    if (!st) {
        showError(QStringLiteral("Удаление плана"), st.error());
        return;
    }
    m_editor->clear();
    emit plansChanged();
}

void PlanWorkflow::editColumns() {
    if (!m_editor->hasPlan())
        return;
    if (m_editor->isReadOnly()) {
        emit message(QStringLiteral("План утверждён: столбцы меняются в новой редакции."));
        return;
    }
    ColumnsDialog dialog(m_editor->plan().columns, m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_editor->setColumns(dialog.columns());
}

} // namespace objectivity::gui
