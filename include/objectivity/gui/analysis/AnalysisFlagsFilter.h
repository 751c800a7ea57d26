#pragma once
#include "objectivity/core/analysis/CriterionKind.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace objectivity::gui {

class AnalysisFlagsModel;

// The «Признаки» table as the user narrows it: one kind of sign, one criterion, and words that
// the school's name, its login, its municipality or the subject must contain (case and «ё»
// ignored; several words must all be found). Sorting stays the view's (Qt::UserRole: numbers as
// numbers). The source is an AnalysisFlagsModel.
class AnalysisFlagsFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AnalysisFlagsFilter(QObject *parent = nullptr);

    void setFlagsModel(AnalysisFlagsModel *model);
    void setKind(std::optional<core::CriterionKind> kind); // nullopt: both kinds
    void setCriterion(const QString &code);                // empty: every criterion
    void setText(const QString &text);
    std::optional<core::CriterionKind> kind() const { return m_kind; }
    QString criterion() const { return m_criterion; }

    // The text as matched: lower case, «ё» as «е», runs of spaces as one.
    static QString folded(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AnalysisFlagsModel *m_flags = nullptr;
    std::optional<core::CriterionKind> m_kind;
    QString m_criterion;
    QStringList m_words;
};

} // namespace objectivity::gui
