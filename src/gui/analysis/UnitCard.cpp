#include "objectivity/gui/analysis/UnitCard.h"

#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/gui/analysis/ChartPanel.h"
#include "objectivity/gui/analysis/UnitCardData.h"
#include "objectivity/gui/analysis/UnitCharts.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/SchoolPositionQuery.h"

#include <QChart>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace objectivity::gui {

struct UnitCardOutcome {
    bool ok = false;
    QString error;
    UnitCardData data;
};

namespace {
QString unitTitle(const core::UnitReport &u) {
    if (u.subject.isEmpty())
        return QStringLiteral("Медали, %1").arg(u.year);
    return QStringLiteral("%1 %2, %3, %4 класс")
        .arg(core::procedureKindCode(u.kind))
        .arg(u.year)
        .arg(u.subject)
        .arg(u.grade);
}
} // namespace

UnitCard::UnitCard(storage::Database &db, std::shared_ptr<const core::AnalysisReport> report,
                   const core::UnitReport &unit, QWidget *parent)
    : QDialog(parent), m_db(db), m_report(std::move(report)), m_unitChoice(new QComboBox(this)),
      m_header(new QLabel(this)), m_status(new QLabel(this)), m_notes(new QLabel(this)),
      m_charts(new QWidget(this)), m_grid(new QGridLayout(m_charts)),
      m_watcher(new QFutureWatcher<UnitCardOutcome>(this)),
      m_positionsWatcher(new QFutureWatcher<UnitCardOutcome>(this)) {
    setWindowTitle(QStringLiteral("Карточка: %1").arg(unit.schoolName));
    for (const auto &u : m_report->units)
        if (u.schoolCode == unit.schoolCode)
            m_units.append(u);
    std::stable_sort(m_units.begin(), m_units.end(), [](const auto &a, const auto &b) {
        return std::make_tuple(-a.year, a.kind, a.grade, a.subject) <
               std::make_tuple(-b.year, b.kind, b.grade, b.subject);
    });
    int start = 0;
    for (int i = 0; i < m_units.size(); ++i) {
        const auto &u = m_units[i];
        const int signs = static_cast<int>(u.flags().size());
        m_unitChoice->addItem(
            signs ? QStringLiteral("%1 — признаков: %2").arg(unitTitle(u)).arg(signs)
                  : unitTitle(u));
        if (u.year == unit.year && u.kind == unit.kind && u.grade == unit.grade &&
            u.subject == unit.subject)
            start = i;
    }
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_notes->setWordWrap(true);
    m_status->setWordWrap(true);
    auto *choiceRow = new QHBoxLayout;
    auto *choiceLabel = new QLabel(QStringLiteral("&Единица анализа:"), this);
    choiceLabel->setBuddy(m_unitChoice);
    choiceRow->addWidget(choiceLabel);
    choiceRow->addWidget(m_unitChoice, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_charts);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QStringLiteral("Закрыть"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choiceRow);
    layout->addWidget(m_header);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_notes);
    layout->addWidget(buttons);
    resize(1360, 940);

    connect(m_watcher, &QFutureWatcher<UnitCardOutcome>::finished, this, &UnitCard::build);
    connect(m_positionsWatcher, &QFutureWatcher<UnitCardOutcome>::finished, this,
            &UnitCard::buildPositions);
    connect(m_unitChoice, &QComboBox::currentIndexChanged, this, &UnitCard::showUnit);
    m_unitChoice->setCurrentIndex(start);
    if (m_current < 0)
        showUnit(start);
}

UnitCard::~UnitCard() {
    m_watcher->waitForFinished();
    m_positionsWatcher->waitForFinished();
}

bool UnitCard::isLoading() const {
    return m_loading;
}

ChartPanel *UnitCard::panel(Part part) const {
    return m_panels[part];
}

QString UnitCard::explanationUnderScale(const QString &explanation, const QString &scale) {
    const QString tail = QStringLiteral(" Шкала: ") + scale + u'.';
    if (scale.isEmpty() || !explanation.endsWith(tail))
        return explanation;
    return explanation.left(explanation.size() - tail.size());
}

QString UnitCard::headerText() const {
    return m_header->text();
}

QString UnitCard::notesText() const {
    return m_notes->text();
}

QString UnitCard::sameParallelText(const QList<core::UnitReport> &schoolUnits,
                                   const core::UnitReport &unit) {
    if (unit.kind != core::ProcedureKind::VPR || unit.subject.isEmpty())
        return {};
    QStringList others;
    for (const core::UnitReport &u : schoolUnits)
        if (u.kind == core::ProcedureKind::VPR && u.year == unit.year && u.grade == unit.grade &&
            !u.subject.isEmpty() && u.subject != unit.subject)
            others << (others.isEmpty()
                           ? QStringLiteral("%1 — %2").arg(
                                 u.subject, core::NumberText::counted(u.n, u"участник",
                                                                      u"участника", u"участников"))
                           : QStringLiteral("%1 — %2").arg(u.subject).arg(u.n));
    if (others.isEmpty())
        return {};
    return QStringLiteral("Другие ВПР %1 класса в %2 году: %3.")
        .arg(unit.grade)
        .arg(unit.year)
        .arg(others.join(QStringLiteral(", ")));
}

void UnitCard::showUnit(int index) {
    if (index < 0 || index >= m_units.size() || index == m_current)
        return;
    // a unit still being read: its charts are not wanted any more
    m_watcher->waitForFinished();
    m_positionsWatcher->waitForFinished();
    m_current = index;
    m_loading = true;
    m_stage = 1;
    if (m_unitChoice->currentIndex() != index) { // called directly, not from the drop-down
        const QSignalBlocker block(m_unitChoice);
        m_unitChoice->setCurrentIndex(index);
    }
    const core::UnitReport &u = m_units[index];
    QString html = QStringLiteral("<b>%1</b> (%2), %3<br><b>%4</b>, участников: %5")
                       .arg(u.schoolName.toHtmlEscaped(), u.schoolCode.toHtmlEscaped(),
                            u.municipality.toHtmlEscaped(), unitTitle(u).toHtmlEscaped())
                       .arg(u.n);
    if (const QString others = sameParallelText(m_units, u); !others.isEmpty())
        html += QStringLiteral("<br><small>%1</small>").arg(others.toHtmlEscaped());
    if (!u.scale.isEmpty()) // which mark scale the boundaries come from
        html += QStringLiteral("<br><small>Шкала: %1</small>").arg(u.scale.toHtmlEscaped());
    const auto flags = u.flags();
    if (flags.isEmpty()) {
        html += QStringLiteral("<br>Признаков нет.");
    } else {
        html += QStringLiteral("<ul style=\"margin-top:2px\">");
        for (const auto &f : flags)
            html += QStringLiteral("<li><b>%1</b>%2 (%3): %4</li>")
                        .arg(core::criterionTitle(f.code).toHtmlEscaped(),
                             f.label.isEmpty() ? QString()
                                               : QStringLiteral(", ") + f.label.toHtmlEscaped(),
                             core::criterionKindTitle(f.kind()).toHtmlEscaped(),
                             explanationUnderScale(f.explanation, u.scale).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_header->setText(html);
    m_status->setText(QStringLiteral("Загрузка данных для диаграмм…"));
    m_status->show();
    for (ChartPanel *&p : m_panels) {
        delete p;
        p = nullptr;
    }
    m_notes->clear();
    storage::Database *db = &m_db;
    const core::UnitReport unit = u;
    const QList<core::UnitReport> known = m_units;
    m_watcher->setFuture(QtConcurrent::run([db, unit, known] {
        UnitCardOutcome out;
        auto worker = db->openWorker();
        if (!worker) {
            out.error = worker.error().toString();
            return out;
        }
        // the positions the report has only: the others (a slow scan) come in the second stage
        auto data = UnitCardData::load(*worker.value(), unit, known, false);
        if (!data) {
            out.error = data.error().toString();
            return out;
        }
        out.ok = true;
        out.data = std::move(data.value());
        return out;
    }));
}

void UnitCard::build() {
    if (!m_loading || m_stage != 1) // a finished signal of a unit replaced meanwhile
        return;
    const UnitCardOutcome out = m_watcher->result();
    if (!out.ok) {
        m_loading = false;
        m_status->setText(QStringLiteral("Данные для диаграмм не прочитаны: ") + out.error);
        emit loaded(false);
        return;
    }
    m_status->hide();
    const UnitCharts::Chart charts[PartCount] = {
        UnitCharts::distribution(out.data), UnitCharts::journal(out.data),
        UnitCharts::tasks(out.data), UnitCharts::positions(out.data), UnitCharts::medals(out.data)};
    // wide charts (many tasks, many years) go first in a row of their own
    const Part order[] = {Distribution, Tasks, Journal, Positions, Medals};
    QStringList notes;
    int cell = 0;
    for (Part part : order) {
        const auto &c = charts[part];
        if (!c.chart) {
            if (!c.hint.isEmpty())
                notes << c.hint;
            continue;
        }
        auto *panel = new ChartPanel(m_charts);
        panel->setChart(c.chart, c.hint);
        panel->setMinimumHeight(420);
        m_panels[part] = panel;
        m_grid->addWidget(panel, cell / 2, cell % 2);
        ++cell;
    }
    m_cells = cell;
    m_notes->setText(notes.join(QLatin1Char(' ')));
    m_notes->setVisible(!notes.isEmpty());
    m_data = out.data;

    // second stage: the positions in the procedures the report does not cover
    m_stage = 2;
    storage::Database *db = &m_db;
    const QString school = m_data.unit.schoolCode;
    const QList<storage::SchoolPosition> known = m_data.positions;
    m_positionsWatcher->setFuture(QtConcurrent::run([db, school, known] {
        UnitCardOutcome out;
        auto worker = db->openWorker();
        if (!worker) {
            out.error = worker.error().toString();
            return out;
        }
        auto positions = storage::SchoolPositionQuery(*worker.value()).read(school, known);
        if (!positions) {
            out.error = positions.error().toString();
            return out;
        }
        out.ok = true;
        out.data.positions = positions.value();
        return out;
    }));
}

void UnitCard::buildPositions() {
    if (!m_loading || m_stage != 2)
        return;
    const UnitCardOutcome out = m_positionsWatcher->result();
    m_loading = false;
    if (!out.ok) {
        const QString note = m_notes->text() +
                             QStringLiteral(" Положение школы в других "
                                            "процедурах не прочитано: ") +
                             out.error;
        m_notes->setText(note.trimmed());
        m_notes->show();
    } else if (out.data.positions.size() != m_data.positions.size()) {
        m_data.positions = out.data.positions;
        const UnitCharts::Chart c = UnitCharts::positions(m_data);
        if (c.chart) {
            if (!m_panels[Positions]) {
                m_panels[Positions] = new ChartPanel(m_charts);
                m_panels[Positions]->setMinimumHeight(420);
                m_grid->addWidget(m_panels[Positions], m_cells / 2, m_cells % 2);
                ++m_cells;
            }
            m_panels[Positions]->setChart(c.chart, c.hint);
        }
    }
    emit loaded(true);
}

} // namespace objectivity::gui
