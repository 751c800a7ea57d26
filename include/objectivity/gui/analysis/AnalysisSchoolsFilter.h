#pragma once
#include <QSortFilterProxyModel>

namespace objectivity::gui {

class AnalysisSchoolsModel;

// The «По школам» table as the user narrows it: the words typed must all be found in the school's
// name, login or municipality, matched as in the «Признаки» table (AnalysisFlagsFilter::folded:
// case and «ё» ignored). Sorting stays the view's (Qt::UserRole: numbers as numbers).
class AnalysisSchoolsFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AnalysisSchoolsFilter(QObject *parent = nullptr);

    void setSchoolsModel(AnalysisSchoolsModel *model);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AnalysisSchoolsModel *m_schools = nullptr;
    QStringList m_words;
};

} // namespace objectivity::gui
