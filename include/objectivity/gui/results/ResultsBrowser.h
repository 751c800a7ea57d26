#pragma once
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

class ResultsBrowserModel;

// «Результаты»: the imported participant results with filters (year, procedure, grade, subject,
// municipality, school) and the counts for the current filter. Fast on a million rows (see
// ResultsBrowserModel).
class ResultsBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ResultsBrowser(storage::Database &db, QWidget *parent = nullptr);

    ResultsBrowserModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString countsText() const;

    // Re-reads the data (after an import) keeping the chosen filters where they still exist.
    void reload();
    // Sets the filters by value (tests, screenshots): empty / 0 = all.
    void setFilterValues(int year, const QString &kind, int grade, const QString &subject,
                         const QString &municipality, const QString &schoolCode);

private:
    void fillChoices();
    void applyFilter();

    ResultsBrowserModel *m_model;
    QComboBox *m_year, *m_kind, *m_grade, *m_subject, *m_municipality, *m_school;
    QLabel *m_counts;
    QTableView *m_view;
    bool m_filling = false;
};

} // namespace objectivity::gui
