#include "objectivity/gui/analysis/AnalysisOverviewPage.h"

#include "objectivity/gui/analysis/AnalysisOverviewModel.h"
#include "objectivity/gui/analysis/AnalysisRankingModel.h"
#include "objectivity/gui/analysis/ChartPanel.h"
#include "objectivity/io/export/ChartPalette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace objectivity::gui {

namespace {
QTableView *makeTable(QAbstractItemModel *model, QWidget *parent) {
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    auto *v = new QTableView(parent);
    v->setModel(proxy);
    v->setSortingEnabled(true);
    v->sortByColumn(-1, Qt::AscendingOrder);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setAlternatingRowColors(true);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 8);
    v->horizontalHeader()->setStretchLastSection(true);
    v->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return v;
}
} // namespace

AnalysisOverviewPage::AnalysisOverviewPage(QWidget *parent)
    : QWidget(parent), m_year(new QComboBox(this)), m_kind(new QComboBox(this)),
      m_municipality(new QComboBox(this)), m_municipalities(new AnalysisOverviewModel(this)),
      m_ranking(new AnalysisRankingModel(this)), m_municipalityView(nullptr),
      m_rankingView(nullptr), m_chart(new ChartPanel(this)), m_summary(new QLabel(this)) {
    m_municipalityView = makeTable(m_municipalities, this);
    m_rankingView = makeTable(m_ranking, this);
    // by name with «Итого» last: a sorted column would move the total among the municipalities
    m_municipalityView->setSortingEnabled(false);
    m_rankingView->setWordWrap(false);
    m_summary->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    auto label = [&](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        filters->addWidget(l);
        filters->addWidget(buddy);
    };
    label(QStringLiteral("Го&д:"), m_year);
    label(QStringLiteral("Процед&ура:"), m_kind);
    label(QStringLiteral("&Муниципалитет:"), m_municipality);
    m_municipality->setMinimumContentsLength(24);
    filters->addStretch();

    auto *tables = new QWidget(this);
    auto *tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->addWidget(new QLabel(QStringLiteral("<b>По муниципалитетам</b>"), tables));
    tablesLayout->addWidget(m_municipalityView, 1);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(tables);
    top->addWidget(m_chart);
    top->setSizes({700, 640});
    auto *ranking = new QWidget(this);
    auto *rankingLayout = new QVBoxLayout(ranking);
    rankingLayout->setContentsMargins(0, 0, 0, 0);
    rankingLayout->addWidget(new QLabel(QStringLiteral("<b>Рейтинг школ</b> (двойной щелчок — "
                                                       "карточка школы)"),
                                        ranking));
    rankingLayout->addWidget(m_rankingView, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(ranking);
    split->setSizes({450, 350});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    for (QComboBox *c : {m_year, m_kind, m_municipality})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                refresh();
        });
    connect(m_rankingView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        auto *proxy = static_cast<QSortFilterProxyModel *>(m_rankingView->model());
        const QModelIndex source = proxy->mapToSource(i);
        if (source.isValid())
            emit schoolActivated(m_ranking->rowAt(source.row()).code);
    });
    setReport(nullptr);
}

void AnalysisOverviewPage::setReport(const core::AnalysisReport *report) {
    m_report = report;
    const AnalysisOverview::Filter keep = filter();
    m_filling = true;
    QSet<int> years;
    QSet<QString> municipalities;
    if (report)
        for (const auto &u : report->units) {
            years.insert(u.year);
            municipalities.insert(u.municipality);
        }
    m_year->clear();
    m_year->addItem(QStringLiteral("все"), 0);
    QList<int> yearList(years.cbegin(), years.cend());
    std::sort(yearList.begin(), yearList.end(), std::greater<int>());
    for (int y : yearList)
        m_year->addItem(QString::number(y), y);
    m_kind->clear();
    m_kind->addItem(QStringLiteral("все"), -1);
    for (auto k : {core::ProcedureKind::VPR, core::ProcedureKind::OGE, core::ProcedureKind::EGE})
        m_kind->addItem(core::procedureKindCode(k), static_cast<int>(k));
    m_municipality->clear();
    m_municipality->addItem(QStringLiteral("все"), QString());
    QStringList names(municipalities.cbegin(), municipalities.cend());
    names.sort();
    for (const QString &n : names)
        m_municipality->addItem(n, n);
    m_filling = false;
    setFilter(keep);
}

AnalysisOverview::Filter AnalysisOverviewPage::filter() const {
    AnalysisOverview::Filter f;
    f.year = m_year->currentData().toInt();
    f.kind = m_kind->currentIndex() >= 0 ? m_kind->currentData().toInt() : -1;
    f.municipality = m_municipality->currentData().toString();
    return f;
}

void AnalysisOverviewPage::setFilter(const AnalysisOverview::Filter &f) {
    m_filling = true;
    m_year->setCurrentIndex(std::max(0, m_year->findData(f.year)));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(f.kind)));
    m_municipality->setCurrentIndex(
        f.municipality.isEmpty() ? 0 : std::max(0, m_municipality->findData(f.municipality)));
    m_filling = false;
    refresh();
}

void AnalysisOverviewPage::refresh() {
    m_overview = m_report ? AnalysisOverview::compute(*m_report, filter()) : AnalysisOverview();
    m_municipalities->setOverview(m_overview);
    m_ranking->setOverview(m_overview);
    // the two-line headings and the names as wide as they are, a very long name cut
    m_municipalityView->resizeColumnsToContents();
    for (int c = AnalysisOverviewModel::Schools; c < AnalysisOverviewModel::ColumnCount; ++c)
        m_municipalityView->setColumnWidth(
            c, std::min(m_municipalityView->columnWidth(c),
                        m_municipalityView->fontMetrics().horizontalAdvance(
                            QStringLiteral("текущ. оценивания")) +
                            8));
    m_municipalityView->setColumnWidth(
        AnalysisOverviewModel::Municipality,
        std::min(m_municipalityView->columnWidth(AnalysisOverviewModel::Municipality), 180));
    m_rankingView->resizeColumnsToContents();
    m_rankingView->setColumnWidth(
        AnalysisRankingModel::SchoolName,
        std::min(m_rankingView->columnWidth(AnalysisRankingModel::SchoolName), 340));
    const auto &t = m_overview.total;
    m_summary->setText(
        m_report ? QStringLiteral("Школ проанализировано: %1; с признаками необъективности "
                                  "результатов: %2, текущего оценивания: %3; в официальном "
                                  "списке: %4.")
                       .arg(t.schools)
                       .arg(t.withResults)
                       .arg(t.withCurrent)
                       .arg(t.official)
                 : QStringLiteral("Запустите анализ, чтобы увидеть обзор по муниципалитетам."));
    rebuildChart();
}

void AnalysisOverviewPage::rebuildChart() {
    auto *chart = new QChart;
    chart->setTitle(QStringLiteral("Школы с признаками по муниципалитетам"));
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setLocale(QLocale(QLocale::Russian, QLocale::Russia));
    chart->setLocalizeNumbers(true);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *analysed = new QBarSet(QStringLiteral("Всего школ"));
    auto *results = new QBarSet(QStringLiteral("Признаки результатов"));
    auto *current = new QBarSet(QStringLiteral("Признаки оценивания"));
    auto *official = new QBarSet(QStringLiteral("В офиц. списке"));
    analysed->setColor(QColor(io::ChartPalette::analysed));
    results->setColor(QColor(io::ChartPalette::results));
    current->setColor(QColor(io::ChartPalette::current));
    official->setColor(QColor(io::ChartPalette::official));
    for (QBarSet *set : {analysed, results, current, official})
        set->setLabelColor(Qt::black);
    QStringList categories;
    int top = 1;
    // horizontal bars are drawn from the bottom: the first municipality (by name) on top
    for (auto it = m_overview.municipalities.crbegin(); it != m_overview.municipalities.crend();
         ++it) {
        categories << (it->municipality.isEmpty() ? QStringLiteral("(не указан)")
                                                  : it->municipality);
        *analysed << it->schools;
        *results << it->withResults;
        *current << it->withCurrent;
        *official << it->official;
        top = std::max(top, it->schools);
    }
    auto *series = new QHorizontalBarSeries;
    series->append({analysed, results, current, official});
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setTitleText(QStringLiteral("Число школ"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    // whole numbers of schools on round ticks, room for the labels after the longest bar
    const int step = top < 10 ? 1 : top < 20 ? 2 : top < 50 ? 5 : top < 100 ? 10 : 50;
    const int max = (top / step + 1) * step;
    x->setRange(0, max);
    x->setTickCount(max / step + 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    m_chart->setChart(
        chart, QStringLiteral("Для каждого муниципалитета: сколько школ проанализировано, у "
                              "скольких есть признаки необъективности результатов и текущего "
                              "оценивания и сколько названо в официальных списках. Сравнивайте "
                              "доли, а не числа: в большом муниципалитете больше школ."));
}

} // namespace objectivity::gui
