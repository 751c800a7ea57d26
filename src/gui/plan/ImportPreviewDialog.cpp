#include "objectivity/gui/plan/ImportPreviewDialog.h"

#include "objectivity/core/plan/ApprovalWorkflow.h"
#include "objectivity/gui/common/WrappingItemDelegate.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace objectivity::gui {

ImportPreviewDialog::ImportPreviewDialog(const io::PlanImport &import,
                                         std::optional<core::Role> role, QWidget *parent)
    : QDialog(parent), m_tree(new QTreeWidget(this)), m_warnings(new QListWidget(this)),
      m_approval(new QLabel(this)), m_documentApproval(import.plan.approval),
      m_status(new QComboBox(this)), m_order(new QLineEdit(this)), m_orderDate(new QDateEdit(this)),
      m_dateRemark(new QLabel(this)) {
    const core::Plan &plan = import.plan;
    setWindowTitle(QStringLiteral("Импорт плана — проверка"));

    auto *title = new QLabel(
        plan.title.isEmpty() ? QStringLiteral("(название не найдено)") : plan.title, this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setWordWrap(true);
    QStringList info;
    if (!plan.sourceFile.isEmpty())
        info << QStringLiteral("Источник: ") + QFileInfo(plan.sourceFile).fileName();
    info << QStringLiteral("Организация: ") + (plan.organization.name.isEmpty()
                                                   ? QStringLiteral("не найдена")
                                                   : plan.organization.name);
    info << QStringLiteral("Период: ") + (plan.period.isValid() ? plan.period.toDisplayString()
                                                                : QStringLiteral("не найден"));
    info << QStringLiteral("Разделов: %1, мероприятий: %2")
                .arg(plan.sections.size())
                .arg(plan.measureCount());
    auto *infoLabel = new QLabel(info.join(QStringLiteral(" · ")), this);
    infoLabel->setWordWrap(true);

    const auto &a = plan.approval;
    QStringList approval;
    if (!a.approverPosition.isEmpty() || !a.approverName.isEmpty())
        approval << QStringLiteral("утверждает: ") +
                        QString(a.approverPosition + QLatin1Char(' ') + a.approverName).trimmed();
    if (!a.orderNumber.isEmpty())
        approval << QStringLiteral("приказ № ") + a.orderNumber;
    if (a.orderDate.isValid())
        approval << QStringLiteral("от ") + a.orderDate.toString(u"dd.MM.yyyy");
    if (!a.appendixLine.isEmpty())
        approval << a.appendixLine;
    m_approval->setText(
        QStringLiteral("Утверждение: ") +
        (approval.isEmpty() ? QStringLiteral("не найдено") : approval.join(QStringLiteral(", "))));
    m_approval->setWordWrap(true);

    // The status after the import: an approved document stays approved unless the user says not
    // — or waits for the approver when this role does not approve plans.
    const core::PlanStatus asApproved = core::ApprovalWorkflow::importStatus(
        role, core::PlanStatus::Approved, plan.organization.kind);
    m_status->addItem(core::Plan::statusDisplayName(core::PlanStatus::Draft),
                      int(core::PlanStatus::Draft));
    m_status->addItem(core::Plan::statusDisplayName(asApproved), int(asApproved));
    if (const QString note = core::ApprovalWorkflow::importStatusNote(
            role, core::PlanStatus::Approved, plan.organization.kind);
        !note.isEmpty()) {
        m_status->setToolTip(note);
        m_approval->setText(m_approval->text() + QLatin1Char('\n') + note);
    }
    const bool approved =
        core::ApprovalWorkflow::statusFromDocument(a) == core::PlanStatus::Approved;
    m_status->setCurrentIndex(approved ? 1 : 0);
    m_order->setText(a.orderNumber);
    m_order->setPlaceholderText(QStringLiteral("номер приказа"));
    m_orderDate->setCalendarPopup(true);
    m_orderDate->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_orderDate->setDate(a.orderDate.isValid() ? a.orderDate : QDate::currentDate());
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(new QLabel(QStringLiteral("Сохранить как:"), this));
    statusRow->addWidget(m_status);
    auto *orderLabel = new QLabel(QStringLiteral("приказ №"), this);
    auto *fromLabel = new QLabel(QStringLiteral("от"), this);
    statusRow->addWidget(orderLabel);
    statusRow->addWidget(m_order);
    statusRow->addWidget(fromLabel);
    statusRow->addWidget(m_orderDate);
    statusRow->addStretch(1);
    // a mistyped year of the order, said under the row as it is typed (ApprovalDialog does
    // the same); the document's own remark is this one, so it leaves the list below
    m_dateRemark->setWordWrap(true);
    m_dateRemark->setStyleSheet(QStringLiteral("color: #b03020;"));
    const QDate today = QDate::currentDate();
    const auto showOrder = [=, this] {
        const bool on = status() != core::PlanStatus::Draft;
        for (QWidget *w : {static_cast<QWidget *>(orderLabel), static_cast<QWidget *>(fromLabel),
                           static_cast<QWidget *>(m_order), static_cast<QWidget *>(m_orderDate)})
            w->setVisible(on);
        const QString remark =
            on ? core::ApprovalWorkflow::orderDateRemark(m_orderDate->date(), plan.period, today)
               : QString();
        m_dateRemark->setText(remark);
        m_dateRemark->setVisible(!remark.isEmpty());
    };
    connect(m_status, &QComboBox::currentIndexChanged, this, showOrder);
    connect(m_orderDate, &QDateEdit::dateChanged, this, showOrder);
    showOrder();

    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({QStringLiteral("№ / мероприятие"), QStringLiteral("Срок"),
                             QStringLiteral("Понято как"), QStringLiteral("Ответственные")});
    // every measure, deadline and reading shown whole, wrapped in its row: what the import made of
    // the document is what is being checked here
    new WrappingItemDelegate(m_tree);
    m_tree->setAlternatingRowColors(true);
    for (const auto &s : plan.sections) {
        auto *sectionItem = new QTreeWidgetItem(
            m_tree, {QString(s.number + QLatin1Char(0x20) + s.title).trimmed()});
        sectionItem->setFirstColumnSpanned(true);
        sectionItem->setFont(0, bold);
        for (const auto &m : s.measures) {
            auto *item = new QTreeWidgetItem(
                sectionItem,
                {QString(m.number + QLatin1Char(0x20) + m.text).trimmed(), m.deadline.text,
                 m.deadline.describe(), m.owners.join(QStringLiteral(", "))});
            item->setToolTip(0, m.text);
            if (m.deadline.kind == core::DeadlineKind::Unknown)
                item->setForeground(2, QColor(0xb0, 0x30, 0x30));
        }
    }
    m_tree->expandAll();
    m_tree->setColumnWidth(0, 470);
    m_tree->setColumnWidth(1, 150);
    m_tree->setColumnWidth(2, 170);

    QStringList warnings = import.warnings;
    for (const QString &w : plan.warnings)
        if (!warnings.contains(w))
            warnings << w;
    warnings.removeAll(core::ApprovalWorkflow::orderDateRemark(a.orderDate, plan.period, today));
    if (warnings.isEmpty())
        m_warnings->addItem(QStringLiteral("Замечаний нет."));
    else
        m_warnings->addItems(warnings);
    // a remark is read whole, on as many lines as it needs, not scrolled to sideways
    m_warnings->setWordWrap(true);
    m_warnings->setAlternatingRowColors(true);
    m_warnings->setResizeMode(QListView::Adjust);
    m_warnings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *warningsBox = new QWidget(this);
    auto *wl = new QVBoxLayout(warningsBox);
    wl->setContentsMargins(0, 0, 0, 0);
    wl->addWidget(new QLabel(QStringLiteral("Замечания импорта (%1):").arg(warnings.size()), this));
    wl->addWidget(m_warnings);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(warningsBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(this);
    auto *ok = buttons->addButton(QStringLiteral("Импортировать"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QStringLiteral("Отмена"), QDialogButtonBox::RejectRole);
    ok->setEnabled(plan.measureCount() > 0);
    ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(infoLabel);
    layout->addWidget(m_approval);
    layout->addLayout(statusRow);
    layout->addWidget(m_dateRemark);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 720);
}

QString ImportPreviewDialog::dateRemark() const {
    return m_dateRemark->isVisibleTo(this) ? m_dateRemark->text() : QString();
}

core::PlanStatus ImportPreviewDialog::status() const {
    return core::PlanStatus(m_status->currentData().toInt());
}

core::Approval ImportPreviewDialog::approval() const {
    core::Approval a = m_documentApproval;
    if (status() != core::PlanStatus::Draft) {
        a.orderNumber = m_order->text().trimmed();
        a.orderDate = m_orderDate->date();
    }
    return a;
}

} // namespace objectivity::gui
