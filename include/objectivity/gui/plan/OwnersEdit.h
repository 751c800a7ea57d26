#pragma once
#include <QLineEdit>

class QCompleter;
class QModelIndex;
class QStandardItemModel;

namespace objectivity::gui {

// A line of comma-separated owners; the entry being typed completes from the staff directory
// (any part of a name, case and «ё» ignored: «елкина» offers «Ёлкина А.А.»).
class OwnersEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit OwnersEdit(QWidget *parent = nullptr);
    void setNames(const QStringList &names);
    QStringList owners() const;
    void setOwners(const QStringList &owners);
    QCompleter *completer() const { return m_completer; }

signals:
    // The user typed or picked a completion.
    void ownersEdited();

private:
    void updateCompletion();
    void insertCompletion(const QModelIndex &index);

    QStandardItemModel *m_names; // before the completer, which is made on it
    QCompleter *m_completer;     // a FoldingCompleter
};

} // namespace objectivity::gui
