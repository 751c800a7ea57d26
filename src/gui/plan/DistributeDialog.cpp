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
    auto schools = distributor.schools(municipal.id);
    if (schools) {
        m_offered = *schools;
        for (const storage::DistributionSchool &s : m_offered) {
            auto *item = new QListWidgetItem(s.label(), m_schools);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_measures);
    layout->addWidget(new QLabel(schools ? QStringLiteral("Школы (%1):").arg(m_offered.size())
                                         : schools.error().message,
                                 this));
    layout->addWidget(m_schools, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = buttons->addButton(QStringLiteral("Разослать"), QDialogButtonBox::AcceptRole);
    go->setEnabled(addressed && !addressed->isEmpty() && !m_offered.isEmpty());
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
