#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// Per school of an analysis report: markers (flagged units), markers by year, the longest run of
// consecutive years with markers, and the markers of the imported official lists beside them.
// Only schools with computed or official markers are listed.
class AnalysisSchoolsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SchoolCode,
        SchoolName,
        Municipality,
        Markers, // units with signs of non-objective results
        ByYear,
        YearsInRow,
        Official,
        CurrentAssessment, // units with signs of non-objective current assessment
        ColumnCount
    };

    explicit AnalysisSchoolsModel(QObject *parent = nullptr);
    void setReport(const core::AnalysisReport *report);
    const core::SchoolSummary *schoolAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<const core::SchoolSummary *> m_rows;
};

} // namespace objectivity::gui
