#include "objectivity/gui/plan/ImportPreviewDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace objectivity::gui {

ImportPreviewDialog::ImportPreviewDialog(const io::PlanImport &import, QWidget *parent)
    : QDialog(parent), m_tree(new QTreeWidget(this)), m_warnings(new QListWidget(this)),
      m_approval(new QLabel(this)) {
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

    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({QStringLiteral("№ / мероприятие"), QStringLiteral("Срок"),
                             QStringLiteral("Понято как"), QStringLiteral("Ответственные")});
    m_tree->setWordWrap(true);
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
    if (warnings.isEmpty())
        m_warnings->addItem(QStringLiteral("Замечаний нет."));
    else
        m_warnings->addItems(warnings);
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
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 720);
}

} // namespace objectivity::gui
