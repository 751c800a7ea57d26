#include "objectivity/gui/plan/DistributeDialog.h"

#include "objectivity/gui/shell/ErrorMessage.h"
#include "objectivity/storage/plan/PlanDistributor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace objectivity::gui {

DistributeDialog::DistributeDialog(storage::Database &db, const core::Plan &municipal,
                                   QWidget *parent)
    : QDialog(parent), m_db(db), m_plan(municipal), m_measures(new QLabel(this)),
      m_schools(new QListWidget(this)) {
    setWindowTitle(QStringLiteral("Разослать в планы школ"));
    resize(640, 520);
    storage::PlanDistributor distributor(db);
    auto addressed = distributor.addressedMeasures(municipal.id);
    QStringList numbers;
    if (addressed)
        for (const core::Measure &m : *addressed)
            numbers << m.number;
    m_measures->setWordWrap(true);
    m_measures->setText(
        addressed
            ? QStringLiteral("Мероприятия, адресованные школам (%1): %2\nОни попадут в "
                             "раздел «%3» текущего плана каждой отмеченной школы; у школы "
                             "без плана будет создан черновик. Повторная рассылка добавит "
                             "только недостающие и обновит изменённые, отметки школ о "
                             "выполнении сохранятся.")
                  .arg(numbers.size())
                  .arg(numbers.join(QStringLiteral(" ")), storage::PlanDistributor::sectionTitle())
            : addressed.error().message);
    // The schools of the plan's municipality, checked; when the plan names none of the
    // municipalities the schools are of, every school, none checked: the user picks.
    const auto scope = distributor.scope(municipal.id);
    const bool undetermined = scope && !scope->undetermined.isEmpty();
    auto schools = undetermined ? distributor.allSchools() : distributor.schools(municipal.id);
    if (schools) {
        m_offered = *schools;
        for (const storage::DistributionSchool &s : m_offered) {
            auto *item = new QListWidgetItem(s.label(), m_schools);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(undetermined ? Qt::Unchecked : Qt::Checked);
        }
    }
    QString caption =
        schools ? QStringLiteral("Школы (%1):").arg(m_offered.size()) : schools.error().message;
    if (schools && undetermined)
        caption = QStringLiteral("В базе школы нескольких муниципалитетов, а в плане муниципалитет "
                                 "не указан и по названию не определяется: отметьте школы, в чьи "
                                 "планы рассылать (%1):")
                      .arg(m_offered.size());
    else if (schools && scope && scope->guessed)
        caption = QStringLiteral("Школы муниципалитета «%1» — он назван в плане (%2):")
                      .arg(scope->municipality)
                      .arg(m_offered.size());
    auto *label = new QLabel(caption, this);
    label->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_measures);
    layout->addWidget(label);
    layout->addWidget(m_schools, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = buttons->addButton(QStringLiteral("Разослать"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("distribute"));
    const bool anyMeasure = addressed && !addressed->isEmpty();
    auto updateGo = [this, go, anyMeasure] {
        bool anyChecked = false;
        for (int i = 0; i < m_schools->count() && !anyChecked; ++i)
            anyChecked = m_schools->item(i)->checkState() == Qt::Checked;
        go->setEnabled(anyMeasure && anyChecked);
    };
    updateGo();
    connect(m_schools, &QListWidget::itemChanged, this, updateGo);
    buttons->button(QDialogButtonBox::Cancel)->setText(QStringLiteral("Отмена"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (distribute())
            accept();
    });
}

bool DistributeDialog::distribute(bool quiet) {
    QList<storage::DistributionSchool> chosen;
    for (int i = 0; i < m_schools->count(); ++i)
        if (m_schools->item(i)->checkState() == Qt::Checked)
            chosen << m_offered.at(i);
    auto outcomes = storage::PlanDistributor(m_db).distribute(m_plan.id, chosen);
    if (!outcomes) {
        if (!quiet)
            ErrorMessage::show(this, QStringLiteral("Рассылка в планы школ"), outcomes.error());
        return false;
    }
    m_outcomes = *outcomes;
    if (!quiet) {
        QStringList lines;
        for (const storage::DistributionOutcome &o : m_outcomes)
            lines << QStringLiteral("%1: %2 — добавлено %3, обновлено %4")
                         .arg(o.school.label(), o.planCreated
                                                    ? QStringLiteral("новый план №%1").arg(o.planId)
                                                    : QStringLiteral("план №%1").arg(o.planId))
                         .arg(o.added.size())
                         .arg(o.updated.size());
        QMessageBox box(QMessageBox::Information, QStringLiteral("Рассылка в планы школ"),
                        QStringLiteral("План разослан в планы школ: %1.").arg(m_outcomes.size()),
                        QMessageBox::Ok, this);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
    }
    return true;
}

} // namespace objectivity::gui
