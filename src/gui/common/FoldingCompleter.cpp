#include "objectivity/gui/common/FoldingCompleter.h"

#include "objectivity/gui/common/WordFilterProxy.h"

namespace objectivity::gui {

FoldingCompleter::FoldingCompleter(QAbstractItemModel *model, QObject *parent)
    : QCompleter(model, parent) {
    setCompletionRole(FoldedRole);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains);
    setCompletionMode(QCompleter::PopupCompletion);
}

void FoldingCompleter::fold(QAbstractItemModel *model) {
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, 0);
        model->setData(i, WordFilterProxy::folded(i.data(Qt::DisplayRole).toString()), FoldedRole);
    }
}

QStringList FoldingCompleter::splitPath(const QString &path) const {
    return {WordFilterProxy::folded(path)};
}

QString FoldingCompleter::pathFromIndex(const QModelIndex &index) const {
    return index.data(Qt::DisplayRole).toString();
}

} // namespace objectivity::gui
