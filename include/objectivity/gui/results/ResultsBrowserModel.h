#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/core/results/Procedure.h"
#include "objectivity/core/results/School.h"
#include "objectivity/storage/results/ParticipantQuery.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// Imported participant results as a table, fast on a million rows: reload() reads only the units
// (school × procedure with their counts, one pass over an index) and the small schools and
// procedures tables; a filter selects units, so the row count and the counts are known at once;
// rows are read lazily by pages of kPageRows (each page a few LIMIT/OFFSET queries inside units)
// and a bounded number of pages is kept.
class ResultsBrowserModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Filter {
        int year = 0;  // 0 = all
        int kind = -1; // -1 = all, else static_cast<int>(core::ProcedureKind)
        int grade = 0;
        QString subject;
        QString municipality;
        QString schoolCode;
    };
    enum Column {
        Year,
        Kind,
        Grade,
        Subject,
        Municipality,
        SchoolCode,
        SchoolName,
        ClassName,
        Code,
        Variant,
        Tasks,
        Primary,
        Mark,
        TestScore,
        Journal,
        Annual,
        Medal,
        ColumnCount
    };
    static constexpr int kPageRows = 200;
    static constexpr int kMaxPages = 40;

    explicit ResultsBrowserModel(storage::Database &db, QObject *parent = nullptr);
    ~ResultsBrowserModel() override;

    // Re-reads the units, schools and procedures (after an import).
    core::Status reload();
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }

    qint64 totalRows() const { return m_total; }      // with the filter
    int schoolCount() const { return m_schoolCount; } // with the filter
    int procedureCount() const { return m_procedureCount; }
    qint64 allRows() const { return m_allRows; }  // without a filter
    int pagesRead() const { return m_pagesRead; } // for tests: pages fetched since reload

    // Values present in the data, for the filter choices.
    QList<int> years() const;
    QList<int> grades() const;
    QStringList subjects() const;
    QStringList municipalities() const;
    QList<core::School> schools() const; // with participants, by code

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void readFailed(const QString &message);

private:
    struct UnitRef {
        qint64 schoolId;
        qint64 procedureId;
        int count;
    };
    const QList<core::ParticipantResult> *page(int pageIndex) const;
    bool matches(const storage::ParticipantQuery::Unit &unit) const;
    void applyFilter();
    QVariant cell(const core::ParticipantResult &row, int column) const;

    storage::Database &m_db;
    storage::ParticipantQuery m_query;
    QList<storage::ParticipantQuery::Unit> m_allUnits; // sorted for display
    QHash<qint64, core::School> m_schools;
    QHash<qint64, core::Procedure> m_procedures;
    Filter m_filter;
    QList<UnitRef> m_units;     // matching the filter
    QList<qint64> m_unitStarts; // first global row of each matching unit
    qint64 m_total = 0;
    qint64 m_allRows = 0;
    int m_schoolCount = 0;
    int m_procedureCount = 0;
    mutable QHash<int, QList<core::ParticipantResult>> m_pages;
    mutable int m_pagesRead = 0;
    mutable bool m_failed = false;
};

} // namespace objectivity::gui
