#pragma once
#include "objectivity/gui/analysis/AnalysisOverview.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// The school ranking of an AnalysisOverview: place, login, name, municipality, units with signs
// of each kind, years in a row with signs of non-objective results, years in the official list.
// Only schools with a sign or an official listing. Qt::UserRole gives the sort value.
class AnalysisRankingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Place,
        SchoolCode,
        SchoolName,
        Municipality,
        ResultsSigns,
        CurrentSigns,
        YearsInRow,
        Official,
        ColumnCount
    };

    explicit AnalysisRankingModel(QObject *parent = nullptr);
    void setOverview(const AnalysisOverview &overview);
    const AnalysisOverview::SchoolRow &rowAt(int row) const { return m_rows[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AnalysisOverview::SchoolRow> m_rows;
};

} // namespace objectivity::gui
