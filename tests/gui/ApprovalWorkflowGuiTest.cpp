// Accounts and the approval workflow in the GUI: actions enabled by role, return with a comment,
// «История изменений» and «Сравнить редакции» (models checked by QAbstractItemModelTester), the
// log-in dialog and the status chosen in the import preview. With OBJECTIVITY_SCREENSHOT_DIR set,
// the approval, history and comparison dialogs are saved there as PNG for docs/images.
#include "MainWindowTest.h"
#include "objectivity/gui/plan/ApprovalDialog.h"
#include "objectivity/gui/plan/ImportPreviewDialog.h"
#include "objectivity/gui/plan/LoginDialog.h"
#include "objectivity/gui/plan/PlanDiffDialog.h"
#include "objectivity/gui/plan/PlanDiffModel.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanHistoryDialog.h"
#include "objectivity/gui/plan/PlanHistoryModel.h"
#include "objectivity/gui/shell/MainActions.h"
#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>

using namespace objectivity;
using namespace Qt::StringLiterals;
using objectivity::test::MainWindowTest;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

void saveForDocs(QWidget *widget, const QString &name) {
    const QString dir = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    widget->show();
    QApplication::processEvents();
    EXPECT_TRUE(widget->grab().save(QDir(dir).filePath(name)));
}

void signIn(storage::Database &db, const QString &name, core::Role role) {
    db.setActor(std::nullopt);
    core::Account account{0, name, role, {}};
    storage::AccountRepository accounts(db);
    if (!accounts.authenticate(name, u"пароль"_s)) {
        core::Account admin{0, u"admin"_s, core::Role::Admin, {}};
        db.setActor(admin); // managing accounts once an administrator exists
        ASSERT_TRUE(accounts.add(account, u"пароль"_s));
    }
    auto signedIn = accounts.authenticate(name, u"пароль"_s);
    ASSERT_TRUE(signedIn);
    db.setActor(signedIn.value());
}

} // namespace

TEST_F(MainWindowTest, ActionsFollowTheRoleAndTheReturnCommentIsKept) {
    storage::Database &db = *this->db.session.database();
    gui::MainActions *a = window->actions();
    gui::PlanEditor *editor = window->editor();
    signIn(db, u"Иванова"_s, core::Role::Deputy);
    window->openPlan(this->db.planId);
    EXPECT_TRUE(a->submit->isEnabled());
    EXPECT_TRUE(a->addMeasure->isEnabled());
    a->submit->trigger();
    ASSERT_EQ(editor->plan().status, core::PlanStatus::PendingApproval);
    EXPECT_FALSE(a->approve->isEnabled()); // the deputy does not approve
    EXPECT_FALSE(a->returnPlan->isEnabled());
    EXPECT_FALSE(a->addMeasure->isEnabled()); // text closed while on approval

    signIn(db, u"Мазепа"_s, core::Role::Director);
    window->openPlan(this->db.planId);
    EXPECT_TRUE(a->approve->isEnabled());
    ASSERT_TRUE(a->returnPlan->isEnabled());
    const QString comment = u"Уточнить сроки раздела 2"_s;
    bool seen = false;
    test::onNextDialog<QInputDialog>([&](QInputDialog *d) { d->setTextValue(comment); }, &seen);
    a->returnPlan->trigger();
    ASSERT_TRUE(seen);
    EXPECT_EQ(editor->plan().status, core::PlanStatus::Draft);
    EXPECT_EQ(*this->db.session.plans()->lastReturnComment(this->db.planId), comment);

    signIn(db, u"Админ"_s, core::Role::Admin);
    window->openPlan(this->db.planId);
    EXPECT_FALSE(a->submit->isEnabled());
    EXPECT_FALSE(a->addMeasure->isEnabled());
    EXPECT_TRUE(a->history->isEnabled());
}

TEST_F(MainWindowTest, ApprovalHistoryAndComparisonDialogs) {
    gui::MainActions *a = window->actions();
    gui::PlanEditor *editor = window->editor();
    storage::Database &db = *this->db.session.database();
    signIn(db, u"Иванова"_s, core::Role::Deputy);
    window->openPlan(this->db.planId);
    a->submit->trigger();
    signIn(db, u"Мазепа"_s, core::Role::Director);
    window->openPlan(this->db.planId);
    ASSERT_TRUE(a->approve->isEnabled());
    test::onNextDialog<gui::ApprovalDialog>([](gui::ApprovalDialog *d) {
        d->positionEdit()->setText(u"Директор МКОУ «СОШ №20» ИГОСК"_s);
        d->nameEdit()->setText(u"В.Д. Мазепа"_s);
        d->orderNumberEdit()->setText(u"149"_s);
        // a year mistyped: the plan is for 2022–2024
        d->orderDateEdit()->setDate(QDate(2024, 9, 12));
        EXPECT_TRUE(d->dateRemark().startsWith(u"Приказ датирован позже окончания периода плана "
                                               u"(2022/23–2023/24 учебные годы, по 31.08.2024)"_s))
            << d->dateRemark().toStdString();
        saveForDocs(d, u"approval-date-remark.png"_s);
        d->orderDateEdit()->setDate(QDate(2022, 7, 1));
        EXPECT_EQ(d->dateRemark(), QString());
        saveForDocs(d, u"approval.png"_s);
    });
    a->approve->trigger();
    ASSERT_EQ(editor->plan().status, core::PlanStatus::Approved);

    // An execution mark on the approved plan, then a new revision with one change.
    core::Measure mark = editor->plan().sections[0].measures[0];
    mark.status = core::MeasureStatus::Done;
    mark.completionDate = QDate(2022, 9, 15);
    signIn(db, u"Иванова"_s, core::Role::Deputy);
    ASSERT_TRUE(this->db.session.plans()->updateMeasureExecution(mark));
    signIn(db, u"Мазепа"_s, core::Role::Director);
    window->openPlan(this->db.planId);
    ASSERT_TRUE(a->revision->isEnabled());
    a->revision->trigger();
    const qint64 revision = editor->plan().id;
    ASSERT_NE(revision, this->db.planId);
    ASSERT_TRUE(editor->editMeasure(0, 1, gui::MeasureField::Deadline, u"Октябрь 2022 г."_s));
    ASSERT_TRUE(editor->removeItem(editor->model()->measureIndex(1, 0)));
    ASSERT_TRUE(editor
                    ->addMeasure(editor->model()->measureIndex(0, 1),
                                 u"Посещение уроков в 4-х классах перед ВПР"_s)
                    .isValid());

    gui::PlanHistoryDialog history(*this->db.session.plans(),
                                   this->db.session.plans()->load(this->db.planId).value());
    QAbstractItemModelTester historyTester(history.model(), kFatal);
    const auto &rows = history.model()->changes();
    ASSERT_GE(rows.size(), 5);
    QStringList actions;
    for (const auto &c : rows)
        actions << c.action;
    EXPECT_EQ(actions.mid(1), (QStringList{u"submit"_s, u"approve"_s, u"execution"_s,
                                           u"execution"_s, u"revise"_s}));
    EXPECT_EQ(history.model()->index(2, gui::PlanHistoryModel::Comment).data().toString(),
              u"приказ № 149 от 01.07.2022"_s);
    EXPECT_EQ(rows[1].user, u"Иванова"_s);
    EXPECT_EQ(rows[2].user, u"Мазепа"_s);
    history.resize(1250, 420);
    saveForDocs(&history, u"history.png"_s);

    gui::PlanDiffDialog diff(*this->db.session.plans(), editor->plan());
    QAbstractItemModelTester diffTester(diff.model(), kFatal);
    EXPECT_EQ(diff.otherPlan()->currentData().toLongLong(), this->db.planId);
    const core::PlanDiff &d = diff.model()->diff();
    EXPECT_EQ(d.count(core::PlanDiffEntry::Kind::Removed), 1);
    EXPECT_EQ(d.count(core::PlanDiffEntry::Kind::Added), 1);
    // The deadline changed; the execution mark is on the old revision only (copied before).
    bool deadline = false;
    for (const auto &e : d.entries)
        deadline = deadline || e.fields.contains(u"deadline"_s);
    EXPECT_TRUE(deadline);
    EXPECT_TRUE(diff.model()
                    ->data(diff.model()->index(0, 0), Qt::BackgroundRole)
                    .value<QBrush>()
                    .color()
                    .isValid());
    diff.resize(1250, 420);
    saveForDocs(&diff, u"diff.png"_s);
    // Rows are as tall as their text at the widths shown: the changed measure and its one change
    // fit on one line each (it stayed three lines tall, measured before the last column was
    // stretched).
    diff.show();
    QApplication::processEvents();
    const auto *view = diff.findChild<QTableView *>();
    ASSERT_NE(view, nullptr);
    EXPECT_LT(view->rowHeight(0), 2 * view->fontMetrics().lineSpacing());
}

TEST(LoginDialogTest, WrongPasswordStaysOpenRightOneSignsIn) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"a.sqlite"_s));
    ASSERT_TRUE(opened);
    storage::Database &db = **opened;
    EXPECT_TRUE(gui::LoginDialog::signIn(db)); // no accounts: nothing asked
    core::Account a{0, u"Сазонова"_s, core::Role::Director, {}};
    ASSERT_TRUE(storage::AccountRepository(db).add(a, u"секрет"_s));
    gui::LoginDialog dialog(db);
    dialog.nameEdit()->setText(u"Сазонова"_s);
    dialog.passwordEdit()->setText(u"не тот"_s);
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_FALSE(dialog.errorLabel()->isHidden());
    EXPECT_FALSE(db.actor());
    dialog.passwordEdit()->setText(u"секрет"_s);
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    ASSERT_TRUE(db.actor());
    EXPECT_EQ(db.actor()->role, core::Role::Director);
}

TEST(ImportPreviewStatusTest, ApprovedDocumentIsOfferedAsApproved) {
    const QString seed = test::seedPath(u"000"_s);
    if (seed.isEmpty())
        GTEST_SKIP() << "../shared is absent";
    auto import = io::PlanImporter::importFile(seed);
    ASSERT_TRUE(import);
    gui::ImportPreviewDialog dialog(import.value());
    EXPECT_EQ(dialog.status(), core::PlanStatus::Approved);
    EXPECT_EQ(dialog.approval().orderNumber, u"149"_s);
    EXPECT_EQ(dialog.approval().orderDate, QDate(2022, 7, 1));
    dialog.orderEdit()->setText(u"150"_s);
    EXPECT_EQ(dialog.approval().orderNumber, u"150"_s);
    // the order of 01.07.2022 fits the plan for 2022–2024; a year typed wrong is said at once
    EXPECT_EQ(dialog.dateRemark(), QString());
    dialog.orderDateEdit()->setDate(QDate(2027, 7, 1));
    EXPECT_TRUE(dialog.dateRemark().startsWith(u"Дата приказа ещё не наступила"_s))
        << dialog.dateRemark().toStdString();
    dialog.orderDateEdit()->setDate(QDate(2020, 7, 1));
    EXPECT_TRUE(dialog.dateRemark().startsWith(u"Приказ датирован больше чем за год до начала"_s))
        << dialog.dateRemark().toStdString();
    dialog.orderDateEdit()->setDate(QDate(2022, 7, 1));
    EXPECT_EQ(dialog.dateRemark(), QString());
    dialog.statusBox()->setCurrentIndex(0);
    EXPECT_EQ(dialog.status(), core::PlanStatus::Draft);
    EXPECT_EQ(dialog.approval().orderNumber, u"149"_s); // the document's, untouched
}

// The deputy records no approval: the approved document is offered «на утверждении», with the
// document's order kept and a line that says who approves it.
TEST(ImportPreviewStatusTest, ForTheDeputyAnApprovedDocumentWaitsForTheDirector) {
    const QString seed = test::seedPath(u"000"_s);
    if (seed.isEmpty())
        GTEST_SKIP() << "../shared is absent";
    auto import = io::PlanImporter::importFile(seed);
    ASSERT_TRUE(import);
    gui::ImportPreviewDialog dialog(import.value(), core::Role::Deputy);
    EXPECT_EQ(dialog.status(), core::PlanStatus::PendingApproval);
    EXPECT_EQ(dialog.statusBox()->currentText(), u"на утверждении"_s);
    EXPECT_EQ(dialog.approval().orderNumber, u"149"_s);
    EXPECT_TRUE(dialog.approvalLabel()->text().contains(u"директор"_s))
        << dialog.approvalLabel()->text().toStdString();
    for (int i = 0; i < dialog.statusBox()->count(); ++i)
        EXPECT_NE(dialog.statusBox()->itemData(i).toInt(), int(core::PlanStatus::Approved));
}

// A document whose order is dated 2015 for a plan of 2025/26: the remark stands under the date,
// where correcting the date removes it, and not also in the list of the import's remarks.
TEST(ImportPreviewStatusTest, AMistypedOrderYearIsSaidUnderTheDateOnce) {
    auto import = io::PlanImporter::importText(
        u"УТВЕРЖДАЮ\nДиректор МБОУ «СОШ № 7»\nПриказ № 12 от 28.08.2015\n\n"
        u"План мероприятий на 2025-2026 учебный год\n\n№\tМероприятия\tСроки\tОтветственные\n"
        u"1.\tСовещание\tСентябрь\tДиректор\n"_s,
        u"план.txt"_s);
    ASSERT_TRUE(import) << import.error().toString().toStdString();
    gui::ImportPreviewDialog dialog(import.value());
    EXPECT_TRUE(dialog.dateRemark().startsWith(u"Приказ датирован больше чем за год до начала"_s))
        << dialog.dateRemark().toStdString();
    for (int i = 0; i < dialog.warnings()->count(); ++i)
        EXPECT_FALSE(dialog.warnings()->item(i)->text().startsWith(u"Приказ датирован"_s));
    saveForDocs(&dialog, u"plan-import-date-remark.png"_s);
    dialog.orderDateEdit()->setDate(QDate(2025, 8, 28));
    EXPECT_EQ(dialog.dateRemark(), QString());
    EXPECT_EQ(dialog.approval().orderDate, QDate(2025, 8, 28));
}
