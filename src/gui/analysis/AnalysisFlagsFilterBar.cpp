#include "objectivity/gui/analysis/AnalysisFlagsFilterBar.h"

#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/gui/analysis/AnalysisFlagsFilter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

namespace objectivity::gui {

namespace {
// Combo data of «Вид»: -1 both kinds, else the CriterionKind.
constexpr int kBothKinds = -1;

std::optional<core::CriterionKind> kindOf(const QVariant &data) {
    const int k = data.toInt();
    if (k == kBothKinds)
        return std::nullopt;
    return static_cast<core::CriterionKind>(k);
}
} // namespace

AnalysisFlagsFilterBar::AnalysisFlagsFilterBar(AnalysisFlagsFilter *filter, QWidget *parent)
    : QWidget(parent), m_filter(filter), m_kind(new QComboBox(this)),
      m_criterion(new QComboBox(this)), m_search(new QLineEdit(this)), m_shown(new QLabel(this)) {
    auto *kindLabel = new QLabel(QStringLiteral("Ви&д:"), this);
    kindLabel->setBuddy(m_kind);
    auto *criterionLabel = new QLabel(QStringLiteral("Пр&изнак:"), this);
    criterionLabel->setBuddy(m_criterion);
    auto *searchLabel = new QLabel(QStringLiteral("Поис&к:"), this);
    searchLabel->setBuddy(m_search);
    m_kind->setToolTip(QStringLiteral(
        "«Необъективных результатов» — признаки самих результатов ВПР/ГИА: только они относят "
        "школу к школам с признаками необъективных результатов. «Текущего оценивания» — отметки "
        "по журналу и годовые отметки расходятся с независимой оценкой (ВПР, ОГЭ, ЕГЭ) "
        "сильнее, чем в других школах."));
    // as wide as the usual titles; a longer one is elided in the box, whole in its list
    m_criterion->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_criterion->setMinimumContentsLength(36);
    m_search->setPlaceholderText(QStringLiteral("школа, логин, муниципалитет или предмет"));
    m_search->setClearButtonEnabled(true);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 6, 0); // the count clear of the frame
    row->addWidget(kindLabel);
    row->addWidget(m_kind);
    row->addWidget(criterionLabel);
    row->addWidget(m_criterion);
    row->addWidget(searchLabel);
    row->addWidget(m_search, 1);
    row->addWidget(m_shown);
    setReport(nullptr);

    connect(m_kind, &QComboBox::activated, this, [this] {
        applyKind();
        fillCriteria();
        updateShown();
    });
    connect(m_criterion, &QComboBox::activated, this, [this] {
        m_filter->setCriterion(m_criterion->currentData().toString());
        updateShown();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateShown();
    });
}

void AnalysisFlagsFilterBar::setReport(const core::AnalysisReport *report) {
    m_report = report;
    int results = 0, current = 0;
    if (report)
        for (const core::UnitReport &u : report->units)
            for (const core::CriterionFinding &f : u.findings)
                if (f.flagged)
                    ++(f.kind() == core::CriterionKind::Results ? results : current);
    const QVariant chosen = m_kind->currentData();
    m_kind->clear();
    m_kind->addItem(QStringLiteral("все (%1)").arg(results + current), kBothKinds);
    m_kind->addItem(QStringLiteral("необъективных результатов (%1)").arg(results),
                    int(core::CriterionKind::Results));
    m_kind->addItem(QStringLiteral("текущего оценивания (%1)").arg(current),
                    int(core::CriterionKind::CurrentAssessment));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(chosen.isValid() ? chosen : kBothKinds)));
    applyKind();
    fillCriteria();
    updateShown();
}

void AnalysisFlagsFilterBar::applyKind() {
    m_filter->setKind(kindOf(m_kind->currentData()));
}

void AnalysisFlagsFilterBar::fillCriteria() {
    const std::optional<core::CriterionKind> kind = kindOf(m_kind->currentData());
    struct Count {
        QString code;
        int n = 0;
    };
    QList<Count> counts;
    if (m_report)
        for (const core::UnitReport &u : m_report->units)
            for (const core::CriterionFinding &f : u.findings) {
                if (!f.flagged || (kind && f.kind() != *kind))
                    continue;
                auto it = std::find_if(counts.begin(), counts.end(),
                                       [&](const Count &c) { return c.code == f.code; });
                if (it == counts.end())
                    counts.append({f.code, 1});
                else
                    ++it->n;
            }
    // the results' criteria first, then the most frequent
    std::stable_sort(counts.begin(), counts.end(), [](const Count &a, const Count &b) {
        const bool ra = core::criterionKind(a.code) == core::CriterionKind::Results;
        const bool rb = core::criterionKind(b.code) == core::CriterionKind::Results;
        return ra != rb ? ra : a.n > b.n;
    });
    const QString chosen = m_criterion->currentData().toString();
    m_criterion->clear();
    m_criterion->addItem(QStringLiteral("все"), QString());
    for (const Count &c : counts)
        m_criterion->addItem(QStringLiteral("%1 (%2)").arg(core::criterionTitle(c.code)).arg(c.n),
                             c.code);
    const int keep = chosen.isEmpty() ? 0 : m_criterion->findData(chosen);
    m_criterion->setCurrentIndex(std::max(0, keep));
    m_filter->setCriterion(m_criterion->currentData().toString());
}

QString AnalysisFlagsFilterBar::shownText() const {
    return m_shown->text();
}

void AnalysisFlagsFilterBar::updateShown() {
    const int all = m_filter->sourceModel() ? m_filter->sourceModel()->rowCount() : 0;
    const int shown = m_filter->rowCount();
    m_shown->setText(shown == all ? QStringLiteral("Показаны все: %1").arg(all)
                                  : QStringLiteral("Показано: %1 из %2").arg(shown).arg(all));
    emit filterChanged();
}

} // namespace objectivity::gui
