#include "objectivity/gui/plan/RollupDialog.h"

#include "objectivity/core/plan/PlanPermissions.h"
#include "objectivity/gui/plan/DistributeDialog.h"
#include "objectivity/gui/plan/RollupModel.h"
#include "objectivity/gui/shell/ErrorMessage.h"
#include "objectivity/io/export/PlanRollupReport.h"
#include "objectivity/io/export/PlanRollupXlsxWriter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanDistributor.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace objectivity::gui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent) {
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    auto *view = new QTableView(parent);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->setWordWrap(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultSectionSize(78);
    return view;
}

} // namespace

RollupDialog::RollupDialog(storage::Database &db, const core::Plan &municipal, QWidget *parent)
    : QDialog(parent), m_db(db), m_plan(municipal),
      m_date(new QDateEdit(QDate::currentDate(), this)), m_totals(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_measuresModel(new RollupModel(RollupModel::Kind::Measures, this)),
      m_schoolsModel(new RollupModel(RollupModel::Kind::Schools, this)) {
    setWindowTitle(QStringLiteral("Свод по школам — план №%1").arg(municipal.id));
    resize(1100, 640);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_totals->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("Исполнение на:"), this));
    top->addWidget(m_date);
    top->addStretch(1);
    auto *distribute = new QPushButton(QStringLiteral("Разослать в планы школ…"), this);
    const std::optional<core::Role> role =
        db.actor() ? std::optional<core::Role>(db.actor()->role) : std::nullopt;
    distribute->setEnabled(core::PlanPermissions::allowed(
        role, core::PlanAction::Distribute, municipal.status, municipal.organization.kind));
    top->addWidget(distribute);

    QTableView *measures = makeTable(m_measuresModel, this);
    QTableView *schools = makeTable(m_schoolsModel, this);
    measures->setColumnWidth(0, 50);
    measures->setColumnWidth(1, 280);
    measures->setColumnWidth(2, 110);
    schools->setColumnWidth(0, 300);
    measures->horizontalHeader()->resizeSection(8, 92); // «Выполнено, %»
    schools->horizontalHeader()->resizeSection(7, 120); // «Доля выполненных»
    m_tabs->addTab(measures, QStringLiteral("По мероприятиям"));
    m_tabs->addTab(schools, QStringLiteral("По школам"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(QStringLiteral("Закрыть"));
    QPushButton *xlsx =
        buttons->addButton(QStringLiteral("Сохранить в Excel…"), QDialogButtonBox::ActionRole);
    QPushButton *pdf =
        buttons->addButton(QStringLiteral("Сохранить в PDF…"), QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(municipal.title.simplified(), this);
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    layout->addLayout(top);
    layout->addWidget(m_totals);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(xlsx, &QPushButton::clicked, this, [this] { save(false); });
    connect(pdf, &QPushButton::clicked, this, [this] { save(true); });
    connect(m_date, &QDateEdit::dateChanged, this, [this] { refresh(); });
    connect(distribute, &QPushButton::clicked, this, &RollupDialog::startDistribution);
    refresh();
}

void RollupDialog::startDistribution() {
    DistributeDialog dialog(m_db, m_plan, this);
    if (dialog.exec() == QDialog::Accepted) {
        refresh();
        emit distributed();
    }
}

void RollupDialog::setDate(const QDate &date) {
    m_date->setDate(date); // refreshes
}

void RollupDialog::refresh() {
    auto copies = storage::PlanDistributor(m_db).copies(m_plan.id);
    if (!copies) {
        ErrorMessage::show(this, QStringLiteral("Свод по школам"), copies.error());
        return;
    }
    m_rollup = core::PlanRollup::build(m_plan, *copies, m_date->date());
    m_measuresModel->setRollup(m_rollup);
    m_schoolsModel->setRollup(m_rollup);
    const core::RollupCounts &t = m_rollup.totals;
    m_totals->setText(
        t.total == 0
            ? QStringLiteral("План ещё не разослан в планы школ: нажмите «Разослать в планы "
                             "школ…».")
            : QStringLiteral("Школ %1, мероприятий в их планах %2: выполнено %3 (%4 %), в работе "
                             "%5, просрочено %6, не начато %7.")
                  .arg(m_rollup.schools.size())
                  .arg(t.total)
                  .arg(t.done)
                  .arg(std::lround(t.doneShare() * 100))
                  .arg(t.inProgress)
                  .arg(t.overdue)
                  .arg(t.notStarted));
}

void RollupDialog::save(bool pdf) {
    const QString suffix = pdf ? QStringLiteral("pdf") : QStringLiteral("xlsx");
    const QString proposed = QDir::home().filePath(
        QStringLiteral("Свод по школам, план %1, %2.%3")
            .arg(m_plan.id)
            .arg(m_rollup.date.toString(QStringLiteral("dd.MM.yyyy")), suffix));
    QString path = QFileDialog::getSaveFileName(
        this,
        pdf ? QStringLiteral("Сохранить свод в PDF") : QStringLiteral("Сохранить свод в Excel"),
        proposed,
        pdf ? QStringLiteral("Документ PDF (*.pdf)") : QStringLiteral("Книга Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    const core::Status s = pdf ? io::PlanRollupReport::writePdf(m_plan, m_rollup, path)
                               : io::PlanRollupXlsxWriter::write(m_plan, m_rollup, path);
    if (!s)
        ErrorMessage::show(this, QStringLiteral("Сохранение свода"), s.error());
}

} // namespace objectivity::gui
