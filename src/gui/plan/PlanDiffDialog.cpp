#include "objectivity/gui/plan/PlanDiffDialog.h"
#include "objectivity/core/common/MessageText.h"

#include "objectivity/gui/plan/PlanDiffModel.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace objectivity::gui {

PlanDiffDialog::PlanDiffDialog(storage::PlanRepository &plans, const core::Plan &plan,
                               QWidget *parent)
    : QDialog(parent), m_plans(plans), m_plan(plan), m_other(new QComboBox(this)),
      m_summary(new QLabel(this)), m_model(new PlanDiffModel(this)), m_view(new QTableView(this)) {
    setWindowTitle(QStringLiteral("Сравнение редакций — план №%1").arg(plan.id));
    qint64 preferred = plan.parentPlanId;
    if (auto list = plans.list()) {
        for (const auto &s : *list) {
            if (s.id == plan.id)
                continue;
            m_other->addItem(
                QStringLiteral("№%1 · редакция %2 · %3 · %4")
                    .arg(s.id)
                    .arg(s.revision)
                    .arg(core::Plan::statusDisplayName(s.status), core::shortenAtWord(s.title, 80)),
                s.id);
            if (preferred <= 0 && s.parentPlanId == plan.id)
                preferred = s.id;
        }
    }
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(PlanDiffModel::Kind, 100);
    m_view->setColumnWidth(PlanDiffModel::Number, 70);
    m_view->setColumnWidth(PlanDiffModel::Text, 480);
    // rows as tall as their text at the widths shown: the last column is stretched only when the
    // dialog is laid out, and rows measured before that stayed three lines tall for one line
    // (queued: while the signal is sent the view still measures with the old width)
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, m_view,
            &QTableView::resizeRowsToContents, Qt::QueuedConnection);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(QStringLiteral("Прежняя редакция:"), this));
    row->addWidget(m_other, 1);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QStringLiteral("Закрыть"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(m_other, &QComboBox::currentIndexChanged, this,
            [this](int i) { compareWith(m_other->itemData(i).toLongLong()); });
    const int at = m_other->findData(preferred);
    if (at >= 0)
        m_other->setCurrentIndex(at);
    compareWith(m_other->currentData().toLongLong());
    resize(1200, 620);
}

void PlanDiffDialog::compareWith(qint64 otherPlanId) {
    if (otherPlanId <= 0) {
        m_model->setDiff({});
        m_summary->setText(QStringLiteral("В базе нет другого плана для сравнения."));
        return;
    }
    auto other = m_plans.load(otherPlanId);
    if (!other) {
        m_model->setDiff({});
        m_summary->setText(other.error().toString());
        return;
    }
    // The older of the two on the left.
    const bool otherIsOlder = other->revision < m_plan.revision ||
                              (other->revision == m_plan.revision && other->id < m_plan.id);
    const core::Plan &before = otherIsOlder ? *other : m_plan;
    const core::Plan &after = otherIsOlder ? m_plan : *other;
    const core::PlanDiff diff = core::PlanDiff::compare(before, after);
    m_model->setDiff(diff);
    using K = core::PlanDiffEntry::Kind;
    m_summary->setText(QStringLiteral("План №%1 (редакция %2) → план №%3 (редакция %4): "
                                      "добавлено %5, удалено %6, изменено %7.")
                           .arg(before.id)
                           .arg(before.revision)
                           .arg(after.id)
                           .arg(after.revision)
                           .arg(diff.count(K::Added))
                           .arg(diff.count(K::Removed))
                           .arg(diff.count(K::Changed)));
    m_view->resizeRowsToContents();
}

} // namespace objectivity::gui
