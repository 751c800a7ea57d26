// «Свод по школам» in the GUI: the two table models checked by QAbstractItemModelTester, the
// distribution from the dialog with the list of schools to confirm, and a school's mark showing
// up in the roll-up. With OBJECTIVITY_SCREENSHOT_DIR set, the dialog is saved there as PNG.
#include "GuiTestSupport.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/gui/plan/DistributeDialog.h"
#include "objectivity/gui/plan/RollupDialog.h"
#include "objectivity/gui/plan/RollupModel.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanDistributor.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QListWidget>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

core::Measure measure(const QString &number, const QString &text, const QStringList &owners,
                      const QString &deadline) {
    core::Measure m;
    m.number = number;
    m.text = text;
    m.owners = owners;
    m.deadline = core::DeadlineParser::parse(deadline, {2023, 2024});
    return m;
}

} // namespace

TEST(RollupGuiTest, DistributeFromTheDialogAndSeeTheMarks) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"rollup.sqlite"_s));
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    core::Plan municipal;
    municipal.title = u"Дорожная карта управления образования на 2023/24 учебный год"_s;
    municipal.organization = {0, u"МКУ «Управление образования»"_s,
                              core::OrganizationKind::MunicipalDepartment, QString()};
    municipal.period = {2023, 2024};
    municipal.sections << core::Section{
        0,
        u"1."_s,
        u"Контроль"_s,
        {measure(u"1.1."_s, u"Анализ результатов ВПР"_s, {u"Руководители ОУ"_s}, u"Октябрь 2023"_s),
         measure(u"1.2."_s, u"Совещание с заместителями"_s, {u"Шашок А.В."_s}, u"Ноябрь 2023"_s),
         measure(u"1.3."_s, u"Консультации обучающихся"_s, {u"Руководители ОУ"_s},
                 u"В течение года"_s)}};
    storage::PlanRepository plans(db);
    ASSERT_TRUE(plans.save(municipal).ok());
    for (const QString &school : {u"МБОУ «СОШ №1»"_s, u"МБОУ «СОШ №2»"_s, u"МБОУ «СОШ №3»"_s}) {
        core::Plan own;
        own.title = u"План школы"_s;
        own.organization = {0, school, core::OrganizationKind::School, QString()};
        own.period = {2023, 2024};
        ASSERT_TRUE(plans.save(own).ok());
    }

    gui::RollupDialog dialog(db, municipal);
    QAbstractItemModelTester measuresTester(dialog.measuresModel(), kFatal);
    QAbstractItemModelTester schoolsTester(dialog.schoolsModel(), kFatal);
    EXPECT_EQ(dialog.measuresModel()->rowCount(), 0);

    // The confirmation lists the three schools, checked; one is unchecked.
    gui::DistributeDialog confirm(db, municipal, &dialog);
    ASSERT_EQ(confirm.schoolList()->count(), 3);
    EXPECT_EQ(confirm.schoolList()->item(0)->checkState(), Qt::Checked);
    confirm.schoolList()->item(2)->setCheckState(Qt::Unchecked);
    if (const QString images = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
        !images.isEmpty()) {
        confirm.show();
        confirm.grab().save(QDir(images).filePath(u"distribute-dialog.png"_s));
    }
    ASSERT_TRUE(confirm.distribute(true));
    ASSERT_EQ(confirm.outcomes().size(), 2);
    EXPECT_EQ(confirm.outcomes().at(0).added, (QStringList{u"1.1."_s, u"1.3."_s}));

    // School №1 marks 1.1 done.
    auto first = plans.load(confirm.outcomes().at(0).planId);
    ASSERT_TRUE(first.ok());
    core::Measure done = first->sections.last().measures.first();
    done.status = core::MeasureStatus::Done;
    ASSERT_TRUE(plans.updateMeasureExecution(done).ok());

    dialog.setDate(QDate(2023, 11, 15));
    dialog.refresh();
    gui::RollupModel *byMeasure = dialog.measuresModel();
    ASSERT_EQ(byMeasure->rowCount(), 2);
    EXPECT_EQ(byMeasure->columnCount(), 10);
    EXPECT_EQ(byMeasure->headerData(6, Qt::Horizontal).toString(), u"Просрочено"_s);
    EXPECT_EQ(byMeasure->data(byMeasure->index(0, 0)).toString(), u"1.1."_s);
    EXPECT_EQ(byMeasure->data(byMeasure->index(0, 3)).toInt(), 2); // schools
    EXPECT_EQ(byMeasure->data(byMeasure->index(0, 4)).toInt(), 1); // done
    EXPECT_EQ(byMeasure->data(byMeasure->index(0, 6)).toInt(), 1); // overdue
    EXPECT_TRUE(byMeasure->data(byMeasure->index(0, 6), Qt::BackgroundRole).isValid());
    EXPECT_FALSE(byMeasure->data(byMeasure->index(1, 6), Qt::BackgroundRole).isValid());
    EXPECT_EQ(byMeasure->data(byMeasure->index(0, 8)).toString(), u"50 %"_s);
    EXPECT_EQ(byMeasure->data(byMeasure->index(0, 9)).toString(), u"МБОУ «СОШ №2»"_s);
    gui::RollupModel *bySchool = dialog.schoolsModel();
    ASSERT_EQ(bySchool->rowCount(), 2);
    EXPECT_EQ(bySchool->headerData(2, Qt::Horizontal).toString(), u"Мероприятий"_s);
    EXPECT_EQ(bySchool->data(bySchool->index(0, 0)).toString(), u"МБОУ «СОШ №1»"_s);
    EXPECT_EQ(bySchool->data(bySchool->index(0, 7)).toString(), u"50 %"_s);
    EXPECT_DOUBLE_EQ(bySchool->data(bySchool->index(0, 7), Qt::UserRole).toDouble(), 0.5);
    EXPECT_EQ(bySchool->data(bySchool->index(1, 8)).toString(), u"1.1."_s);

    const QString images = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
    if (!images.isEmpty()) {
        dialog.resize(1100, 420);
        dialog.show();
        dialog.grab().save(QDir(images).filePath(u"rollup-dialog.png"_s));
        dialog.findChild<QTabWidget *>()->setCurrentIndex(1);
        dialog.grab().save(QDir(images).filePath(u"rollup-dialog-schools.png"_s));
    }
}
