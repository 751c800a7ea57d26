#pragma once
#include "objectivity/core/plan/Plan.h"
#include "objectivity/gui/plan/PlanTemplates.h"
#include "objectivity/storage/plan/PlanSummary.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace objectivity::gui {

// «Новый план»: organization, its kind, the period, and what the plan starts from: nothing, a
// template, or a copy of an existing plan moved to the new academic year.
class NewPlanDialog : public QDialog {
    Q_OBJECT
public:
    enum class Source { Empty, Template, CopyOfPlan };

    NewPlanDialog(const QList<storage::PlanSummary> &existing, QWidget *parent = nullptr);

    Source source() const;
    PlanTemplates::Kind templateKind() const;
    qint64 copyFromPlanId() const;
    core::Organization organization() const;
    core::AcademicPeriod period() const;
    // The plan for Empty and Template (CopyOfPlan is built by the caller from the loaded plan).
    core::Plan buildPlan() const;

    QLineEdit *organizationEdit() const { return m_org; }
    QSpinBox *startYearSpin() const { return m_startYear; }
    void setSource(Source source);

private:
    void updateEnabled();

    QLineEdit *m_org;
    QComboBox *m_kind;
    QLineEdit *m_municipality;
    QSpinBox *m_startYear;
    QSpinBox *m_years;
    QButtonGroup *m_sourceGroup;
    QComboBox *m_template;
    QComboBox *m_copyFrom;
    class QPushButton *m_ok;
};

} // namespace objectivity::gui
