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
#include <cmath>

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
// A municipality's label on the chart: its name and, in brackets, its number of schools. A long
// name is shortened here, before the count: Qt cuts a long label at its end, and «Демонстрационный
// городской ок…» lost the number (two lines do not fit the bars of six municipalities either).
// The full name is in the table beside the chart.
QString chartLabel(const QString &name, int schools) {
    constexpr qsizetype kLabel = 22;
    const QString count = QStringLiteral(" (%1)").arg(schools);
    if (name.size() + count.size() <= kLabel)
        return name + count;
    return name.left(std::max<qsizetype>(1, kLabel - count.size() - 1)).trimmed() + u'…' + count;
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
    // years in a row need more than one year analysed (or looked back at)
    m_rankingView->setColumnHidden(AnalysisRankingModel::YearsInRow,
                                   years.size() < 2 && !(report && report->yearsInRowOverHistory));
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
    // shares, not counts (a large municipality has more schools); as many municipalities as the
    // chart has room for, the highest shares on top: all of them are in the table beside it
    const QList<AnalysisOverview::MunicipalityRow> rows =
        m_overview.topByShare(kChartMunicipalities);
    const auto all = m_overview.municipalities.size();
    auto *chart = new QChart;
    chart->setTitle(rows.size() < all
                        ? QStringLiteral("Доля школ с признаками: %1 муниципалитетов с наибольшей "
                                         "долей (из %2)")
                              .arg(rows.size())
                              .arg(all)
                        : QStringLiteral("Доля школ с признаками по муниципалитетам"));
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setLocale(QLocale(QLocale::Russian, QLocale::Russia));
    chart->setLocalizeNumbers(true);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *results = new QBarSet(QStringLiteral("Признаки результатов"));
    auto *current = new QBarSet(QStringLiteral("Признаки текущего оценивания"));
    auto *official = new QBarSet(QStringLiteral("В официальном списке"));
    results->setColor(QColor(io::ChartPalette::results));
    current->setColor(QColor(io::ChartPalette::current));
    official->setColor(QColor(io::ChartPalette::official));
    QStringList categories;
    double top = 0;
    // one decimal on the bars, as in the table («8,3», not «8,33»)
    const auto tenth = [](double v) { return std::round(v * 10) / 10; };
    // horizontal bars are drawn from the bottom: the highest share last, on top
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        categories << chartLabel(it->municipality.isEmpty() ? QStringLiteral("не указан")
                                                            : it->municipality,
                                 it->schools);
        *results << tenth(it->resultsShare());
        *current << tenth(it->currentShare());
        *official << tenth(it->officialShare());
        top = std::max({top, it->resultsShare(), it->currentShare(), it->officialShare()});
    }
    auto *series = new QHorizontalBarSeries;
    series->append({results, current});
    // the official lists' bar only when a list was imported
    if (m_overview.total.official > 0)
        series->append(official);
    else
        delete official;
    // wide bars with a little smaller labels: the two labels of a municipality do not overlap
    series->setBarWidth(0.9);
    for (QBarSet *set : series->barSets()) {
        set->setLabelColor(Qt::black);
        QFont label = set->labelFont();
        label.setPointSizeF(label.pointSizeF() * 0.9);
        set->setLabelFont(label);
    }
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setTitleText(QStringLiteral("Муниципалитет (школ)"));
    auto *x = new QValueAxis;
    x->setTitleText(QStringLiteral("Доля школ муниципалитета, %"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    // round ticks, room for the labels after the longest bar
    const int step = top < 25 ? 5 : top < 50 ? 10 : 20;
    const int max = std::min(120, (static_cast<int>(top) / step + 2) * step);
    x->setRange(0, max);
    x->setTickCount(max / step + 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    QString hint =
        QStringLiteral(
            "Доля школ муниципалитета (в скобках — число проанализированных школ), у которых есть "
            "признаки необъективности результатов и признаки необъективности текущего "
            "оценивания%1.")
            .arg(m_overview.total.official > 0
                     ? QStringLiteral(", и доля названных в официальных списках")
                     : QString());
    if (rows.size() < all)
        hint += QStringLiteral(" Показаны %1 из %2 муниципалитетов — с наибольшей долей школ с "
                               "признаками результатов; все — в таблице слева.")
                    .arg(rows.size())
                    .arg(all);
    hint += QStringLiteral(" В муниципалитете из двух-трёх школ одна школа — это треть или "
                           "половина.");
    m_chart->setChart(chart, hint);
}

} // namespace objectivity::gui
