#pragma once
#include <QSortFilterProxyModel>

namespace objectivity::gui {

// The filter line over the plan view: keeps the measures whose text, owners, deadline (as written
// or as understood), expected result or note contain every word typed, with their sections.
class PlanFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PlanFilterProxy(QObject *parent = nullptr);
    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace objectivity::gui
