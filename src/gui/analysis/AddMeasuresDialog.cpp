#include "objectivity/gui/analysis/AddMeasuresDialog.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/plan/MeasureProposer.h"
#include "objectivity/core/plan/OwnerSplitter.h"
#include "objectivity/gui/common/WrappingItemDelegate.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace objectivity::gui {

using namespace Qt::StringLiterals;

namespace {
enum Column { Text, Deadline, Owners, Basis };
}

AddMeasuresDialog::AddMeasuresDialog(storage::Database &db,
                                     const QList<core::MeasureProposal> &proposals,
                                     const QString &schoolName, int year, QWidget *parent)
    : QDialog(parent), m_db(db), m_proposals(proposals),
      m_newSection(core::MeasureProposer::sectionTitle(year)), m_list(new QTreeWidget(this)),
      m_plan(new QComboBox(this)), m_section(new QComboBox(this)), m_error(new QLabel(this)) {
    setWindowTitle(u"Добавить меры в план школы"_s);
    resize(1400, 560);
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({u"Мероприятие"_s, u"Срок"_s, u"Ответственные"_s, u"Основание"_s});
    m_list->setRootIsDecorated(false);
    new WrappingItemDelegate(m_list); // each proposal read whole before it is added
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(Text, 620);
    m_list->setColumnWidth(Deadline, 150);
    m_list->setColumnWidth(Owners, 300);
    for (const core::MeasureProposal &p : proposals) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
        item->setCheckState(Text, Qt::Checked);
        item->setText(Text, p.measure.text);
        item->setToolTip(Text, p.measure.text);
        item->setText(Deadline, p.measure.deadline.text);
        item->setText(Owners, p.measure.owners.join(u", "_s));
        item->setToolTip(Owners, item->text(Owners));
        item->setText(Basis, p.finding.describe());
        item->setToolTip(Basis, p.finding.describe());
    }
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);

    m_plan->addItem(u"Новый план (черновик) для %1"_s.arg(schoolName), 0);
    auto plans = storage::PlanRepository(db).list();
    if (plans)
        for (const storage::PlanSummary &s : *plans)
            if (s.organizationName == schoolName && s.status == core::PlanStatus::Draft)
                m_plan->addItem(u"№%1 %2 (%3, %4)"_s.arg(s.id).arg(
                                    core::shortenAtWord(s.title, 100), s.period.toDisplayString(),
                                    core::Plan::statusDisplayName(s.status)),
                                s.id);
    if (m_plan->count() > 1)
        m_plan->setCurrentIndex(1); // the school's own draft first
    // as wide as the dialog, not as its longest plan title (the dialog grew past the screen)
    for (QComboBox *box : {m_plan, m_section}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(40);
    }
    connect(m_plan, &QComboBox::currentIndexChanged, this, &AddMeasuresDialog::fillSections);
    fillSections();

    auto *form = new QFormLayout;
    form->addRow(u"&План:"_s, m_plan);
    form->addRow(u"&Раздел:"_s, m_section);
    m_error->setWordWrap(true);
    auto *note = new QLabel(u"Отметьте меры, которые нужно добавить; текст, срок и ответственных "
                            "можно исправить двойным щелчком. Каждая мера запомнит признак, по "
                            "которому добавлена."_s,
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(u"Добавить в план"_s);
    buttons->button(QDialogButtonBox::Cancel)->setText(u"Отмена"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen().isEmpty());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    if (!plans)
        m_error->setText(plans.error().message);
}

void AddMeasuresDialog::fillSections() {
    m_section->clear();
    m_section->addItem(u"Новый раздел «%1»"_s.arg(m_newSection), -1);
    const qint64 id = planId();
    if (id <= 0)
        return;
    auto plan = storage::PlanRepository(m_db).load(id);
    if (!plan) {
        m_error->setText(plan.error().message);
        return;
    }
    for (qsizetype i = 0; i < plan->sections.size(); ++i) {
        const core::Section &s = plan->sections[i];
        m_section->addItem(u"%1 %2"_s.arg(s.number, core::shortenAtWord(s.title, 120)), int(i));
        if (s.title.simplified() == m_newSection)
            m_section->setCurrentIndex(m_section->count() - 1);
    }
}

QList<core::MeasureProposal> AddMeasuresDialog::chosen() const {
    QList<core::MeasureProposal> out;
    for (int i = 0; i < m_list->topLevelItemCount() && i < m_proposals.size(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->checkState(Text) != Qt::Checked || item->text(Text).trimmed().isEmpty())
            continue;
        core::MeasureProposal p = m_proposals[i];
        p.measure.text = item->text(Text).trimmed();
        p.measure.deadline.text = item->text(Deadline).trimmed();
        p.measure.owners = core::OwnerSplitter::split(item->text(Owners));
        out << p;
    }
    return out;
}

qint64 AddMeasuresDialog::planId() const {
    return m_plan->currentData().toLongLong();
}

int AddMeasuresDialog::sectionIndex() const {
    return m_section->currentData().toInt();
}

} // namespace objectivity::gui
