#include "objectivity/gui/plan/OwnersEdit.h"

#include "objectivity/gui/common/FoldingCompleter.h"

#include <QAbstractItemView>
#include <QStandardItemModel>

namespace objectivity::gui {

OwnersEdit::OwnersEdit(QWidget *parent)
    : QLineEdit(parent), m_names(new QStandardItemModel(this)),
      m_completer(new FoldingCompleter(m_names, this)) {
    m_completer->setWidget(this);
    setPlaceholderText(QStringLiteral("Через запятую: «Заместитель директора по УВР, "
                                      "Руководители ШМО»"));
    connect(this, &QLineEdit::textEdited, this, &OwnersEdit::updateCompletion);
    connect(this, &QLineEdit::textEdited, this, &OwnersEdit::ownersEdited);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &OwnersEdit::insertCompletion);
}

void OwnersEdit::setNames(const QStringList &names) {
    m_names->clear();
    for (const QString &name : names) {
        auto *item = new QStandardItem(name);
        item->setEditable(false);
        m_names->appendRow(item);
    }
    FoldingCompleter::fold(m_names);
}

QStringList OwnersEdit::owners() const {
    QStringList result;
    for (const QString &part : text().split(QLatin1Char(',')))
        if (!part.trimmed().isEmpty())
            result << part.trimmed();
    return result;
}

void OwnersEdit::setOwners(const QStringList &owners) {
    setText(owners.join(QStringLiteral(", ")));
}

void OwnersEdit::updateCompletion() {
    const QString before = text().left(cursorPosition());
    const QString prefix = before.mid(before.lastIndexOf(QLatin1Char(',')) + 1).trimmed();
    if (prefix.size() < 1) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix); // folded by the completer
    if (m_completer->completionCount() > 0)
        m_completer->complete();
    else
        m_completer->popup()->hide();
}

void OwnersEdit::insertCompletion(const QModelIndex &index) {
    const QString name = index.data(Qt::DisplayRole).toString();
    const QString all = text();
    const int cursor = cursorPosition();
    const int start = all.left(cursor).lastIndexOf(QLatin1Char(',')) + 1;
    int end = all.indexOf(QLatin1Char(','), cursor);
    if (end < 0)
        end = int(all.size());
    QString replaced = all.left(start);
    if (start > 0)
        replaced += QLatin1Char(' ');
    replaced += name;
    const int newCursor = int(replaced.size());
    replaced += all.mid(end);
    setText(replaced);
    setCursorPosition(newCursor);
    m_completer->popup()->hide();
    emit ownersEdited();
}

} // namespace objectivity::gui
