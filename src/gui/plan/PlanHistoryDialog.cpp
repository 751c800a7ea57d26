#include "objectivity/gui/plan/PlanHistoryDialog.h"
#include "objectivity/core/common/MessageText.h"

#include "objectivity/gui/plan/PlanHistoryModel.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace objectivity::gui {

PlanHistoryDialog::PlanHistoryDialog(storage::PlanRepository &plans, const core::Plan &plan,
                                     QWidget *parent)
    : QDialog(parent), m_model(new PlanHistoryModel(this)), m_view(new QTableView(this)) {
    setWindowTitle(QStringLiteral("История изменений — план №%1").arg(plan.id));
    auto rows = plans.history(plan.id);
    auto *caption = new QLabel(this);
    caption->setWordWrap(true);
    if (rows) {
        m_model->setChanges(*rows);
        caption->setText(QStringLiteral("«%1», редакция %2, %3. Записей: %4.")
                             .arg(core::shortenAtWord(plan.title, 300))
                             .arg(plan.revision)
                             .arg(core::Plan::statusDisplayName(plan.status))
                             .arg(rows->size()));
    } else {
        caption->setText(rows.error().toString());
    }
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(PlanHistoryModel::When, 120);
    m_view->setColumnWidth(PlanHistoryModel::Who, 110);
    m_view->setColumnWidth(PlanHistoryModel::What, 190);
    m_view->setColumnWidth(PlanHistoryModel::Where, 130);
    m_view->setColumnWidth(PlanHistoryModel::Field, 140);
    m_view->setColumnWidth(PlanHistoryModel::Old, 200);
    m_view->setColumnWidth(PlanHistoryModel::New, 200);
    m_view->scrollToBottom();
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QStringLiteral("Закрыть"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(caption);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(1200, 560);
}

} // namespace objectivity::gui
