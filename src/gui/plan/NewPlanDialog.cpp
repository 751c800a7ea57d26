#include "objectivity/gui/plan/NewPlanDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace objectivity::gui {

using core::OrganizationKind;

NewPlanDialog::NewPlanDialog(const QList<storage::PlanSummary> &existing, QWidget *parent)
    : QDialog(parent), m_org(new QLineEdit(this)), m_kind(new QComboBox(this)),
      m_municipality(new QLineEdit(this)), m_startYear(new QSpinBox(this)),
      m_years(new QSpinBox(this)), m_sourceGroup(new QButtonGroup(this)),
      m_template(new QComboBox(this)), m_copyFrom(new QComboBox(this)) {
    setWindowTitle(QStringLiteral("Новый план мероприятий"));
    for (auto k : {OrganizationKind::School, OrganizationKind::MunicipalDepartment,
                   OrganizationKind::RegionalBody})
        m_kind->addItem(core::Organization::kindDisplayName(k), int(k));
    m_org->setPlaceholderText(QStringLiteral("МБОУ «СОШ № 1»"));
    const int current = core::AcademicPeriod::containing(QDate::currentDate()).startYear;
    m_startYear->setRange(2000, 2100);
    m_startYear->setValue(current);
    m_years->setRange(1, 5);
    m_years->setSuffix(QStringLiteral(" уч. г."));
    for (auto k : PlanTemplates::all())
        m_template->addItem(PlanTemplates::displayName(k), int(k));
    for (const auto &p : existing)
        m_copyFrom->addItem(QStringLiteral("%1 — %2, %3")
                                .arg(p.organizationName, p.title, p.period.toDisplayString()),
                            p.id);
    if (!existing.isEmpty()) {
        m_org->setText(existing.first().organizationName);
    }

    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Организация:"), m_org);
    form->addRow(QStringLiteral("Вид:"), m_kind);
    form->addRow(QStringLiteral("Муниципалитет:"), m_municipality);
    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(m_startYear);
    periodRow->addWidget(m_years);
    periodRow->addStretch();
    form->addRow(QStringLiteral("С 1 сентября года, на:"), periodRow);

    auto *box = new QGroupBox(QStringLiteral("Начать с"), this);
    auto *boxLayout = new QFormLayout(box);
    auto *empty = new QRadioButton(QStringLiteral("пустого плана"), box);
    auto *tmpl = new QRadioButton(QStringLiteral("шаблона:"), box);
    auto *copy = new QRadioButton(QStringLiteral("копии плана на следующий год:"), box);
    m_sourceGroup->addButton(empty, int(Source::Empty));
    m_sourceGroup->addButton(tmpl, int(Source::Template));
    m_sourceGroup->addButton(copy, int(Source::CopyOfPlan));
    boxLayout->addRow(empty);
    boxLayout->addRow(tmpl, m_template);
    boxLayout->addRow(copy, m_copyFrom);
    copy->setEnabled(!existing.isEmpty());
    tmpl->setChecked(true);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(QStringLiteral("Создать"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QStringLiteral("Отмена"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(box);
    layout->addWidget(buttons);
    connect(m_sourceGroup, &QButtonGroup::idClicked, this, &NewPlanDialog::updateEnabled);
    connect(m_org, &QLineEdit::textChanged, this, &NewPlanDialog::updateEnabled);
    connect(m_template, &QComboBox::currentIndexChanged, this, [this](int i) {
        // The municipal template is for a department.
        if (PlanTemplates::Kind(m_template->itemData(i).toInt()) == PlanTemplates::Kind::Municipal)
            m_kind->setCurrentIndex(m_kind->findData(int(OrganizationKind::MunicipalDepartment)));
    });
    updateEnabled();
    resize(600, sizeHint().height());
}

void NewPlanDialog::setSource(Source source) {
    m_sourceGroup->button(int(source))->setChecked(true);
    updateEnabled();
}

void NewPlanDialog::updateEnabled() {
    const Source s = source();
    m_template->setEnabled(s == Source::Template);
    m_copyFrom->setEnabled(s == Source::CopyOfPlan);
    m_org->setEnabled(s != Source::CopyOfPlan);
    m_kind->setEnabled(s != Source::CopyOfPlan);
    m_municipality->setEnabled(s != Source::CopyOfPlan);
    m_startYear->setEnabled(s != Source::CopyOfPlan);
    m_years->setEnabled(s != Source::CopyOfPlan);
    m_ok->setEnabled(s == Source::CopyOfPlan ? m_copyFrom->count() > 0
                                             : !m_org->text().trimmed().isEmpty());
}

NewPlanDialog::Source NewPlanDialog::source() const {
    return Source(m_sourceGroup->checkedId());
}

PlanTemplates::Kind NewPlanDialog::templateKind() const {
    return PlanTemplates::Kind(m_template->currentData().toInt());
}

qint64 NewPlanDialog::copyFromPlanId() const {
    return m_copyFrom->currentData().toLongLong();
}

core::Organization NewPlanDialog::organization() const {
    core::Organization o;
    o.name = m_org->text().trimmed();
    o.kind = OrganizationKind(m_kind->currentData().toInt());
    o.municipality = m_municipality->text().trimmed();
    return o;
}

core::AcademicPeriod NewPlanDialog::period() const {
    return {m_startYear->value(), m_startYear->value() + m_years->value()};
}

core::Plan NewPlanDialog::buildPlan() const {
    if (source() == Source::Template)
        return PlanTemplates::build(templateKind(), organization(), period());
    core::Plan plan;
    plan.organization = organization();
    plan.period = period();
    plan.title = QStringLiteral("План мероприятий по обеспечению объективности проведения "
                                "оценочных процедур на %1 учебный год")
                     .arg(plan.period.toDisplayString());
    core::Section first;
    first.number = QStringLiteral("1.");
    first.title = QStringLiteral("Организационные мероприятия");
    plan.sections.append(first);
    return plan;
}

} // namespace objectivity::gui
