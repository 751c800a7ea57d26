#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// The flags of an analysis report, one row per flagged criterion of a unit: year, procedure,
// grade, subject, school, municipality, participants, criterion, p, q (Benjamini–Hochberg) and
// the Russian explanation. Signs of non-objective results come first, then those of current
// assessment, each in the report's order.
class AnalysisFlagsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Year,
        Kind,
        Grade,
        Subject,
        SchoolCode,
        SchoolName,
        Municipality,
        Participants,
        SignKind, // «результаты» / «текущее оценивание» (core::criterionKind)
        Criterion,
        PValue,
        QValue,
        Explanation,
        ColumnCount
    };

    explicit AnalysisFlagsModel(QObject *parent = nullptr);

    // The report must outlive the model's use of it (the view keeps it).
    void setReport(const core::AnalysisReport *report);
    const core::UnitReport *unitAt(int row) const;
    const core::CriterionFinding *findingAt(int row) const;

    // Russian name of a criterion code («Высокие результаты не подтверждены»).
    static QString criterionTitle(const QString &code);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        const core::UnitReport *unit;
        int finding;
    };
    QList<Row> m_rows;
};

} // namespace objectivity::gui
