#pragma once
#include <QCompleter>

namespace objectivity::gui {

// A completer that finds what is typed anywhere in an item, case and «ё» ignored, as the tables'
// searches do (WordFilterProxy::folded), and inserts the item as written. The items' folded texts
// live in FoldedRole: call fold() after the model is filled.
class FoldingCompleter : public QCompleter {
    Q_OBJECT
public:
    static constexpr int FoldedRole = Qt::UserRole + 64;

    explicit FoldingCompleter(QAbstractItemModel *model, QObject *parent = nullptr);
    // Writes FoldedRole of every row of `model` (column 0) from its text.
    static void fold(QAbstractItemModel *model);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;
};

} // namespace objectivity::gui
