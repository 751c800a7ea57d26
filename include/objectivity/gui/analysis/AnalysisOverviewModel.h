#pragma once
#include "objectivity/gui/analysis/AnalysisOverview.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// The municipalities of an AnalysisOverview, one row each and «Итого» last: schools analysed,
// with signs of each kind, the share with signs of non-objective results, in the official list.
// Qt::UserRole gives the sort value.
class AnalysisOverviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Municipality, Schools, WithResults, WithCurrent, Share, Official, ColumnCount };

    explicit AnalysisOverviewModel(QObject *parent = nullptr);
    void setOverview(const AnalysisOverview &overview);
    // The row's figures; the last row is the total.
    const AnalysisOverview::MunicipalityRow &rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AnalysisOverview::MunicipalityRow> m_rows;
};

} // namespace objectivity::gui
