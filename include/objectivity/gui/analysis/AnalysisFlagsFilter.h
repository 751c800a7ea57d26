#pragma once
#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/gui/common/WordFilterProxy.h"

#include <optional>

namespace objectivity::gui {

class AnalysisFlagsModel;

// The «Признаки» table as the user narrows it: one kind of sign, one criterion, and words that
// the school's name, its login, its municipality or the subject must contain (WordFilterProxy:
// case and «ё» ignored, every word found). The source is an AnalysisFlagsModel.
class AnalysisFlagsFilter : public WordFilterProxy {
    Q_OBJECT
public:
    explicit AnalysisFlagsFilter(QObject *parent = nullptr);

    void setFlagsModel(AnalysisFlagsModel *model);
    void setKind(std::optional<core::CriterionKind> kind); // nullopt: both kinds
    void setCriterion(const QString &code);                // empty: every criterion
    std::optional<core::CriterionKind> kind() const { return m_kind; }
    QString criterion() const { return m_criterion; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AnalysisFlagsModel *m_flags = nullptr;
    std::optional<core::CriterionKind> m_kind;
    QString m_criterion;
};

} // namespace objectivity::gui
