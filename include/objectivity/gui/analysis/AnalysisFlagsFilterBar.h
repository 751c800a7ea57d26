#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace objectivity::gui {

class AnalysisFlagsFilter;

// The row above the «Признаки» table: «Вид» (both kinds, signs of non-objective results, of
// current assessment — each with its count), «Признак» (the criteria found, of the chosen kind,
// with counts), «Поиск» (school, login, municipality, subject) and how many rows are shown. It
// sets the filter it is given; setReport() refills the choices after each analysis and keeps the
// user's choice where it still exists.
class AnalysisFlagsFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisFlagsFilterBar(AnalysisFlagsFilter *filter, QWidget *parent = nullptr);

    void setReport(const core::AnalysisReport *report);

    QComboBox *kindBox() const { return m_kind; }
    QComboBox *criterionBox() const { return m_criterion; }
    QLineEdit *searchField() const { return m_search; }
    QString shownText() const;

signals:
    void filterChanged();

private:
    void fillCriteria();
    void applyKind();
    void updateShown();

    AnalysisFlagsFilter *m_filter;
    const core::AnalysisReport *m_report = nullptr;
    QComboBox *m_kind, *m_criterion;
    QLineEdit *m_search;
    QLabel *m_shown;
};

} // namespace objectivity::gui
