#include "objectivity/gui/analysis/AnalysisView.h"

#include "analysis/AnalysisTask.h"
#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/gui/analysis/AnalysisFlagsFilter.h"
#include "objectivity/gui/analysis/AnalysisFlagsFilterBar.h"
#include "objectivity/gui/analysis/AnalysisFlagsModel.h"
#include "objectivity/gui/analysis/AnalysisOverviewPage.h"
#include "objectivity/gui/analysis/AnalysisReportDialog.h"
#include "objectivity/gui/analysis/AnalysisSchoolsFilter.h"
#include "objectivity/gui/analysis/AnalysisSchoolsModel.h"
#include "objectivity/gui/analysis/AnalysisSettingsDialog.h"
#include "objectivity/gui/analysis/FindingMeasures.h"
#include "objectivity/gui/analysis/UnitCard.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/io/export/AnalysisXlsxWriter.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace objectivity::gui {

namespace {
QTableView *makeTable(QAbstractItemModel *model, QWidget *parent) {
    auto *v = new QTableView(parent);
    v->setModel(model);
    v->setSortingEnabled(true);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 8);
    v->horizontalHeader()->setStretchLastSection(true);
    return v;
}
} // namespace

AnalysisView::AnalysisView(storage::Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_year(new QComboBox(this)), m_kind(new QComboBox(this)),
      m_run(new QPushButton(QStringLiteral("&Запустить анализ"), this)),
      m_cancel(new QPushButton(QStringLiteral("Пре&рвать"), this)),
      m_settings(new QPushButton(QStringLiteral("&Пороговые значения…"), this)),
      m_export(new QPushButton(QStringLiteral("&Экспорт в Excel…"), this)),
      m_card(new QPushButton(QStringLiteral("Подро&бнее…"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_flags(new AnalysisFlagsModel(this)), m_schools(new AnalysisSchoolsModel(this)),
      m_flagsProxy(new AnalysisFlagsFilter(this)), m_schoolsProxy(new AnalysisSchoolsFilter(this)),
      m_flagsView(nullptr), m_schoolsView(nullptr), m_detail(new QTextBrowser(this)),
      m_overview(new AnalysisOverviewPage(this)), m_poll(new QTimer(this)),
      m_watcher(new QFutureWatcher<AnalysisOutcome>(this)),
      m_exportWatcher(new QFutureWatcher<QString>(this)) {
    setWindowTitle(QStringLiteral("Анализ результатов"));
    m_kind->addItem(QStringLiteral("все"), QString());
    for (const QString &k : {QStringLiteral("ВПР"), QStringLiteral("ОГЭ"), QStringLiteral("ЕГЭ")})
        m_kind->addItem(k, k);
    m_flagsProxy->setFlagsModel(m_flags);
    m_schoolsProxy->setSchoolsModel(m_schools);
    m_flagsFilterBar = new AnalysisFlagsFilterBar(m_flagsProxy, this);
    m_flagsView = makeTable(m_flagsProxy, this);
    m_schoolsView = makeTable(m_schoolsProxy, this);
    const int flagWidths[] = {50, 90, 55, 150, 90, 210, 150, 90, 140, 290, 70, 70, 400};
    static_assert(std::size(flagWidths) == AnalysisFlagsModel::ColumnCount);
    for (int c = 0; c < AnalysisFlagsModel::ColumnCount; ++c)
        m_flagsView->setColumnWidth(c, flagWidths[c]);
    // the longest title with its part, so that the part (класс, граница) at its end is seen
    m_flagsView->setColumnWidth(
        AnalysisFlagsModel::Criterion,
        std::max(flagWidths[AnalysisFlagsModel::Criterion],
                 m_flagsView->fontMetrics().horizontalAdvance(
                     QStringLiteral("Много «повысили»: журнал строже результата, класс 11Б")) +
                     16));
    const int schoolWidths[] = {90, 300, 170, 95, 170, 70, 160, 150};
    static_assert(std::size(schoolWidths) == AnalysisSchoolsModel::ColumnCount);
    for (int c = 0; c < AnalysisSchoolsModel::ColumnCount; ++c)
        m_schoolsView->setColumnWidth(c, schoolWidths[c]);
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(QStringLiteral("Выберите строку, чтобы увидеть пояснение."));

    auto *top = new QHBoxLayout;
    auto *yearLabel = new QLabel(QStringLiteral("&Год:"), this);
    yearLabel->setBuddy(m_year);
    auto *kindLabel = new QLabel(QStringLiteral("Пр&оцедура:"), this);
    kindLabel->setBuddy(m_kind);
    top->addWidget(yearLabel);
    top->addWidget(m_year);
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    top->addWidget(m_run);
    top->addWidget(m_cancel);
    top->addWidget(m_card);
    m_card->setToolTip(QStringLiteral("Карточка выбранной единицы или школы: диаграммы "
                                      "распределения баллов, выполнения заданий, положения "
                                      "школы по годам"));
    top->addStretch();
    top->addWidget(m_settings);
    top->addWidget(m_export);
    m_reportButton = new QPushButton(QStringLiteral("Аналитическая &справка…"), this);
    m_reportButton->setEnabled(false);
    connect(m_reportButton, &QPushButton::clicked, this, [this] { openReportDialog(); });
    top->addWidget(m_reportButton);
    m_addMeasures = new QPushButton(QStringLiteral("Добавить меры в план школы…"), this);
    m_addMeasures->setToolTip(QStringLiteral("Меры по выбранному признаку (или по всем признакам "
                                             "школы, выбранной на вкладке «По школам») — в план "
                                             "школы, каждая со ссылкой на признак"));
    top->addWidget(m_addMeasures);
    connect(m_addMeasures, &QPushButton::clicked, this, &AnalysisView::addMeasures);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_status, 3);
    m_status->setWordWrap(true);

    auto *flagsPage = new QSplitter(Qt::Vertical, this);
    auto *flagsTop = new QWidget(this);
    auto *flagsTopLayout = new QVBoxLayout(flagsTop);
    flagsTopLayout->setContentsMargins(0, 0, 0, 0);
    flagsTopLayout->addWidget(m_flagsFilterBar);
    flagsTopLayout->addWidget(m_flagsView, 1);
    flagsPage->addWidget(flagsTop);
    flagsPage->addWidget(m_detail);
    flagsPage->setStretchFactor(0, 4);
    flagsPage->setStretchFactor(1, 1);
    m_tabs->addTab(flagsPage, QStringLiteral("Признаки"));
    auto *schoolsPage = new QWidget(this);
    auto *schoolsLayout = new QVBoxLayout(schoolsPage);
    auto *schoolsSearch = new QLineEdit(this);
    schoolsSearch->setPlaceholderText(QStringLiteral("Поиск: школа, логин или муниципалитет"));
    schoolsSearch->setClearButtonEnabled(true);
    connect(schoolsSearch, &QLineEdit::textChanged, m_schoolsProxy,
            &AnalysisSchoolsFilter::setText);
    schoolsLayout->addWidget(schoolsSearch);
    schoolsLayout->addWidget(m_schoolsView, 1);
    m_tabs->addTab(schoolsPage, QStringLiteral("По школам"));
    m_tabs->addTab(m_overview, QStringLiteral("Обзор"));

    auto *note = new QLabel(QStringLiteral("Признак — повод посмотреть внимательнее, а не вывод о "
                                           "необъективности. Единицы с числом участников меньше "
                                           "порога получают «недостаточно данных» и не "
                                           "отмечаются."),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(progressRow);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(note);
    // Tab goes as the eye reads: the buttons left to right, the tabs, then on the page shown the
    // filters above its table, the table and the explanation below it (creation order put the
    // last two buttons after the tables and the filters after the table). Hidden pages are
    // skipped, so the pages' order among themselves does not matter.
    auto chain = [this](const QList<QWidget *> &widgets) {
        for (qsizetype i = 1; i < widgets.size(); ++i)
            setTabOrder(widgets.at(i - 1), widgets.at(i));
    };
    chain({m_year, m_kind, m_run, m_cancel, m_card, m_settings, m_export, m_reportButton,
           m_addMeasures, m_tabs});
    chain({m_flagsFilterBar->kindBox(), m_flagsFilterBar->criterionBox(),
           m_flagsFilterBar->searchField(), m_flagsView, m_detail});
    chain({schoolsSearch, m_schoolsView});

    m_poll->setInterval(100);
    m_poll->setObjectName(QStringLiteral("analysisPoll"));
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (!m_state)
            return;
        const bool busy = m_state->reading || m_state->total == 0;
        if (!m_state->cancel) // «Прерывание…» stays
            m_status->setText(runningText(m_state->reading, m_state->total, m_state->lookingBack));
        if (busy) {
            m_progress->setRange(0, 0);
        } else {
            m_progress->setRange(0, m_state->total);
            m_progress->setValue(m_state->done);
            // the years before the chosen one, analysed for «лет подряд»
            const int earlier = m_state->lookingBack;
            m_progress->setFormat(
                earlier ? QStringLiteral("лет подряд: %1 год, единиц: %v из %m").arg(earlier)
                        : QStringLiteral("единиц: %v из %m"));
        }
    });
    connect(m_run, &QPushButton::clicked, this, &AnalysisView::startAnalysis);
    connect(m_cancel, &QPushButton::clicked, this, &AnalysisView::cancelAnalysis);
    connect(m_settings, &QPushButton::clicked, this, &AnalysisView::editSettings);
    connect(m_export, &QPushButton::clicked, this, &AnalysisView::chooseExportFile);
    connect(m_watcher, &QFutureWatcher<AnalysisOutcome>::finished, this, &AnalysisView::finished);
    connect(m_exportWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_exportWatcher->result();
        setRunning(false);
        m_status->setText(error.isEmpty() ? QStringLiteral("Отчёт сохранён.")
                                          : QStringLiteral("Отчёт не сохранён: ") + error);
        emit exportFinished(error.isEmpty(), m_status->text());
    });
    connect(m_flagsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AnalysisView::showDetail);
    // a filter that hid the chosen row shows the first one left (and its explanation)
    connect(m_flagsFilterBar, &AnalysisFlagsFilterBar::filterChanged, this, [this] {
        if (!m_flagsView->currentIndex().isValid() && m_flagsProxy->rowCount() > 0)
            m_flagsView->selectRow(0);
        showDetail();
    });
    connect(m_card, &QPushButton::clicked, this, &AnalysisView::openSelectedCard);
    connect(m_flagsView, &QTableView::doubleClicked, this, &AnalysisView::openSelectedCard);
    connect(m_schoolsView, &QTableView::doubleClicked, this, &AnalysisView::openSelectedCard);
    connect(m_overview, &AnalysisOverviewPage::schoolActivated, this,
            &AnalysisView::openSchoolCard);
    reloadFilters();
    setRunning(false);
    m_status->setText(QStringLiteral("Выберите год и процедуру и нажмите «Запустить анализ»."));
}

AnalysisView::~AnalysisView() {
    if (m_state)
        m_state->cancel = true;
    m_watcher->waitForFinished();
    m_exportWatcher->waitForFinished();
}

void AnalysisView::reloadFilters() {
    const QVariant current = m_year->currentData();
    m_year->clear();
    m_year->addItem(QStringLiteral("все"), 0);
    QSet<int> years;
    if (auto procedures = storage::ResultsRepository(m_db).procedures())
        for (const auto &p : procedures.value())
            years.insert(p.year);
    QList<int> list(years.cbegin(), years.cend());
    std::sort(list.begin(), list.end(), std::greater<int>());
    for (int y : list)
        m_year->addItem(QString::number(y), y);
    const int i = m_year->findData(current);
    m_year->setCurrentIndex(i >= 0 ? i : 0);
}

void AnalysisView::setFilter(int year, const QString &kind) {
    const int y = m_year->findData(year);
    m_year->setCurrentIndex(y >= 0 ? y : 0);
    const int k = m_kind->findData(kind);
    m_kind->setCurrentIndex(k >= 0 ? k : 0);
}

bool AnalysisView::isRunning() const {
    return m_watcher->isRunning();
}
bool AnalysisView::isExporting() const {
    return m_exportWatcher->isRunning();
}

void AnalysisView::setRunning(bool running) {
    const bool busy = running || isExporting();
    m_run->setEnabled(!busy);
    m_cancel->setEnabled(running);
    m_settings->setEnabled(!busy);
    m_export->setEnabled(!busy && m_report);
    if (m_reportButton)
        m_reportButton->setEnabled(!busy && m_report);
    m_card->setEnabled(!busy && m_report);
    m_addMeasures->setEnabled(!busy && m_report);
    m_year->setEnabled(!busy);
    m_kind->setEnabled(!busy);
    if (busy) {
        m_poll->start();
    } else {
        m_poll->stop();
        m_progress->setRange(0, 1);
        m_progress->setValue(m_report ? 1 : 0);
        m_progress->setFormat(m_report ? QStringLiteral("готово") : QString());
    }
}

void AnalysisView::startAnalysis() {
    if (isRunning() || isExporting())
        return;
    const int year = m_year->currentData().toInt();
    int kind = -1;
    core::ProcedureKind k = core::ProcedureKind::VPR;
    if (core::procedureKindFromText(m_kind->currentData().toString(), &k))
        kind = static_cast<int>(k);
    m_state = std::make_shared<AnalysisProgress>();
    m_runYear = year;
    m_runKind = kind;
    m_status->setText(QStringLiteral("Анализ…"));
    setRunning(true);
    m_progress->setRange(0, 0);
    const storage::Database *db = &m_db;
    auto state = m_state;
    m_watcher->setFuture(QtConcurrent::run(
        [db, year, kind, state] { return AnalysisTask::run(*db, year, kind, state); }));
}

void AnalysisView::cancelAnalysis() {
    if (!isRunning())
        return;
    m_state->cancel = true;
    m_status->setText(QStringLiteral("Прерывание…"));
}

void AnalysisView::finished() {
    const AnalysisOutcome out = m_watcher->result();
    if (out.ok) {
        m_flags->setReport(nullptr);
        m_flagsFilterBar->setReport(nullptr);
        m_schools->setReport(nullptr);
        m_overview->setReport(nullptr);
        m_report = out.report;
        m_flags->setReport(m_report.get());
        m_flagsFilterBar->setReport(m_report.get());
        m_schools->setReport(m_report.get());
        m_overview->setReport(m_report.get());
        m_tabs->setTabText(0, QStringLiteral("Признаки (%1)").arg(m_flags->rowCount()));
        m_tabs->setTabText(1, QStringLiteral("По школам (%1)").arg(m_schools->rowCount()));
        m_status->setText(summaryText(*m_report, out.participants, out.elapsedMs));
        m_flagsView->sortByColumn(-1, Qt::AscendingOrder);
        // the model's order (most signs of results first), not the header's last sort
        m_schoolsView->sortByColumn(-1, Qt::AscendingOrder);
        // «Лет подряд» needs more than one year: of the units, or the years before the one
        // analysed (the engine looks back at them)
        QSet<int> years;
        for (const auto &u : m_report->units)
            years.insert(u.year);
        m_schoolsView->setColumnHidden(AnalysisSchoolsModel::YearsInRow,
                                       years.size() < 2 && !m_report->yearsInRowOverHistory);
        if (m_flags->rowCount() > 0)
            m_flagsView->selectRow(0);
    } else if (out.cancelled) {
        m_status->setText(QStringLiteral("Анализ прерван; прежние результаты сохранены."));
    } else {
        m_status->setText(QStringLiteral("Анализ не выполнен: ") + out.error);
    }
    m_state.reset();
    setRunning(false);
    emit analysisFinished(out.ok);
}

QString AnalysisView::runningText(bool reading, int units, int lookingBack) {
    if (reading)
        return QStringLiteral("Анализ: чтение результатов из базы…");
    if (units == 0)
        return QStringLiteral("Анализ: подготовка эталонов — регион, муниципалитеты, классы, "
                              "когорты…");
    if (lookingBack)
        return QStringLiteral("Анализ: %1 год — для столбца «Лет подряд»…").arg(lookingBack);
    return QStringLiteral("Анализ: проверка единиц по критериям…");
}

QString AnalysisView::summaryText(const core::AnalysisReport &report, qint64 participants,
                                  qint64 elapsedMs) {
    // Units and schools apart: the «По школам» tab and the overview count schools, the «Признаки»
    // tab findings; a reader of «7» alone could not tell which. Units flagged by each kind are
    // counted by the engine per school (SchoolSummary::markers, ::currentAssessment).
    using core::NumberText;
    QSet<QString> schools;
    int insufficient = 0;
    for (const auto &u : report.units) {
        schools.insert(u.schoolCode);
        insufficient += u.insufficient ? 1 : 0;
    }
    int resultUnits = 0, currentUnits = 0, resultSchools = 0, currentSchools = 0;
    for (const auto &s : report.schools) {
        resultUnits += s.markers;
        currentUnits += s.currentAssessment;
        resultSchools += s.markers > 0 ? 1 : 0;
        currentSchools += s.currentAssessment > 0 ? 1 : 0;
    }
    auto units = [](qint64 n) { return NumberText::counted(n, u"единица", u"единицы", u"единиц"); };
    auto found = [&](int n, int inSchools) {
        return n == 0 ? QStringLiteral("не выявлены")
                      : units(n) + QStringLiteral(" в ") +
                            NumberText::counted(inSchools, u"школе", u"школах", u"школах");
    };
    return QStringLiteral("Проанализировано: %1 анализа в %2 (участников в базе: %3). Признаки "
                          "необъективности результатов: %4; текущего оценивания: %5; "
                          "недостаточно данных: %6. Время: %7 с.")
        .arg(units(report.units.size()),
             NumberText::counted(schools.size(), u"школе", u"школах", u"школах"),
             NumberText::grouped(participants), found(resultUnits, resultSchools),
             found(currentUnits, currentSchools), units(insufficient),
             NumberText::fixed(elapsedMs / 1000.0, 1));
}

QString AnalysisView::unitCriteriaHtml(const core::UnitReport &u) {
    const QLocale ru(QLocale::Russian);
    auto number = [&](double v, int decimals) {
        return std::isnan(v) ? QStringLiteral("—") : ru.toString(v, 'f', decimals);
    };
    QString html = QStringLiteral(
        "<p>Все критерии этой единицы:</p><table border=\"1\" cellspacing=\"0\" "
        "cellpadding=\"2\"><tr><th>Критерий</th><th>Вид</th><th>Статистика</th><th>p</th>"
        "<th>q</th><th>Эффект</th><th>Порог</th><th>Итог</th></tr>");
    for (const auto &f : u.findings)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                               "<td>%6</td><td>%7</td><td>%8</td></tr>")
                    .arg(core::findingTitle(f).toHtmlEscaped(),
                         f.kind() == core::CriterionKind::Results
                             ? QStringLiteral("результаты")
                             : QStringLiteral("текущее оценивание"),
                         number(f.statistic, 2), core::probabilityText(f, f.pValue),
                         core::probabilityText(f, f.qValue), number(f.effectSize, 2),
                         number(f.threshold, 2), f.reasonText.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

void AnalysisView::showDetail() {
    const QModelIndex i = m_flagsProxy->mapToSource(m_flagsView->currentIndex());
    const core::UnitReport *u = m_flags->unitAt(i.row());
    const core::CriterionFinding *f = m_flags->findingAt(i.row());
    if (!u || !f) {
        m_detail->clear();
        return;
    }
    QString html =
        QStringLiteral("<b>%1</b> — %2 %3, %4, %5 класс, %6 (%7), участников: %8<br>%9")
            .arg(core::findingTitle(*f).toHtmlEscaped(), core::procedureKindCode(u->kind),
                 QString::number(u->year),
                 u->subject.isEmpty() ? QStringLiteral("медали") : u->subject.toHtmlEscaped(),
                 QString::number(u->grade), u->schoolName.toHtmlEscaped(),
                 u->schoolCode.toHtmlEscaped(), QString::number(u->n),
                 f->explanation.toHtmlEscaped());
    if (!f->participants.isEmpty())
        html += QStringLiteral("<br>Участники: ") +
                f->participants.join(QStringLiteral(", ")).toHtmlEscaped();
    html += QStringLiteral("<p><i>%1.</i> %2</p>")
                .arg(core::criterionKindTitle(f->kind()).toHtmlEscaped(),
                     core::criterionKindMeaning(f->kind()).toHtmlEscaped());
    html += FindingMeasures::measuresHtml(
        m_db, {f->code, u->kind, u->year, u->grade, u->subject, u->schoolCode, QString()});
    html += unitCriteriaHtml(*u);
    m_detail->setHtml(html);
}

void AnalysisView::addMeasures() {
    if (!m_report)
        return;
    QString school;
    core::FindingRef finding;
    if (m_tabs->currentIndex() == 1) {
        const QModelIndex i = m_schoolsProxy->mapToSource(m_schoolsView->currentIndex());
        if (const core::SchoolSummary *s = m_schools->schoolAt(i.row()))
            school = s->schoolCode;
    } else {
        const QModelIndex i = m_flagsProxy->mapToSource(m_flagsView->currentIndex());
        const core::UnitReport *u = m_flags->unitAt(i.row());
        const core::CriterionFinding *f = m_flags->findingAt(i.row());
        if (u && f) {
            school = u->schoolCode;
            finding = {f->code, u->kind, u->year, u->grade, u->subject, u->schoolCode, QString()};
        }
    }
    if (school.isEmpty()) {
        m_status->setText(QStringLiteral("Выберите признак или школу, для которой нужны меры."));
        return;
    }
    PlanEditor *editor = parentWidget() ? parentWidget()->findChild<PlanEditor *>() : nullptr;
    auto changed = FindingMeasures::addFromAnalysis(m_db, *m_report, school, finding, editor, this);
    if (!changed)
        m_status->setText(QStringLiteral("Меры не добавлены: ") + changed.error().message);
    else if (*changed > 0)
        m_status->setText(QStringLiteral("Меры добавлены в план №%1.").arg(*changed));
    showDetail();
}

void AnalysisView::editSettings() {
    AnalysisSettingsDialog dialog(m_db, this);
    if (dialog.exec() == QDialog::Accepted && m_report)
        m_status->setText(QStringLiteral("Пороги изменены: запустите анализ ещё раз."));
}

void AnalysisView::chooseExportFile() {
    if (!m_report)
        return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("analysis/exportDir")).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("Экспорт анализа в Excel"),
        QDir(dir).filePath(QStringLiteral("Анализ объективности.xlsx")),
        QStringLiteral("Книга Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("analysis/exportDir"), QFileInfo(path).path());
    exportTo(path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? path : path + u".xlsx");
}

void AnalysisView::exportTo(const QString &path) {
    if (!m_report || isRunning() || isExporting())
        return;
    auto report = m_report;
    m_status->setText(QStringLiteral("Сохранение отчёта «%1»…").arg(QFileInfo(path).fileName()));
    io::AnalysisScope scope;
    scope.year = m_runYear;
    scope.kind = m_runKind;
    m_exportWatcher->setFuture(QtConcurrent::run([report, path, scope] {
        const auto st = io::AnalysisXlsxWriter::write(*report, path, scope);
        return st ? QString() : st.error().toString();
    }));
    setRunning(false);
    m_progress->setRange(0, 0);
    m_progress->setFormat(QStringLiteral("сохранение…"));
}

AnalysisReportDialog *AnalysisView::openReportDialog() {
    if (!m_report)
        return nullptr;
    auto *dialog = new AnalysisReportDialog(m_report, m_runYear, m_runKind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

UnitCard *AnalysisView::openUnitCard(const core::UnitReport &unit) {
    if (!m_report)
        return nullptr;
    auto *card = new UnitCard(m_db, m_report, unit, this);
    card->setWindowFlag(Qt::Window);
    card->setAttribute(Qt::WA_DeleteOnClose);
    card->show();
    return card;
}

UnitCard *AnalysisView::openSchoolCard(const QString &schoolCode) {
    if (!m_report)
        return nullptr;
    const core::UnitReport *first = nullptr;
    for (const auto &u : m_report->units)
        if (u.schoolCode == schoolCode) {
            if (!u.flags().isEmpty())
                return openUnitCard(u);
            if (!first)
                first = &u;
        }
    return first ? openUnitCard(*first) : nullptr;
}

void AnalysisView::openSelectedCard() {
    if (m_tabs->currentIndex() == 0) {
        const QModelIndex i = m_flagsProxy->mapToSource(m_flagsView->currentIndex());
        if (const core::UnitReport *u = m_flags->unitAt(i.row()))
            openUnitCard(*u);
    } else if (m_tabs->currentIndex() == 1) {
        const QModelIndex i = m_schoolsProxy->mapToSource(m_schoolsView->currentIndex());
        if (const core::SchoolSummary *s = m_schools->schoolAt(i.row()))
            openSchoolCard(s->schoolCode);
    } else if (m_tabs->currentWidget() == m_overview) {
        const QModelIndex i = m_overview->rankingView()->currentIndex();
        if (i.isValid())
            emit m_overview->rankingView()->doubleClicked(i);
    }
}

QString AnalysisView::statusText() const {
    return m_status->text();
}

} // namespace objectivity::gui
