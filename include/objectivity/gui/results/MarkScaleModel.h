#pragma once
#include "objectivity/core/results/MarkScale.h"

#include <QAbstractTableModel>

namespace objectivity::gui {

// The mark scales being edited: a working copy of the table, edited in place (kind, year, grade,
// subject, maximum, boundaries for «3»/«4»/«5», ЕГЭ minimum test score, extra condition, source)
// with its origin shown (official as shipped, or changed by the user: an edited row becomes the
// user's); changes are kept until the dialog saves them. validate() names the first problem in
// Russian.
class MarkScaleModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Kind,
        Year,
        Grade,
        Subject,
        MaxPrimary,
        Min3,
        Min4,
        Min5,
        MinTest,
        Extra,
        Source,
        Origin, // «официальная» / «изменена пользователем» (read-only)
        ColumnCount
    };

    explicit MarkScaleModel(QObject *parent = nullptr);

    void setScales(const QList<core::MarkScale> &scales);
    const QList<core::MarkScale> &scales() const { return m_scales; }
    const core::MarkScale &scale(int row) const { return m_scales.at(row); }
    int addScale(const core::MarkScale &scale); // returns its row
    void removeScale(int row);
    bool isModified() const { return m_dirty.contains(true) || !m_removed.isEmpty(); }
    bool isChanged(int row) const { return m_dirty.value(row); }
    QList<qint64> removedIds() const { return m_removed; }

    // The first problem of one scale, empty when it is fine.
    static QString validate(const core::MarkScale &scale);
    // The first problem of the whole list (also repeats of kind, year, grade and subject), with
    // *row set to the row concerned; empty when all is fine.
    QString validateAll(int *row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::MarkScale> m_scales;
    QList<bool> m_dirty; // per row: edited or added since setScales()
    QList<qint64> m_removed;
};

} // namespace objectivity::gui
