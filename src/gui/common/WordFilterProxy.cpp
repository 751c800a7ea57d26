#include "objectivity/gui/common/WordFilterProxy.h"

namespace objectivity::gui {

WordFilterProxy::WordFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {}

void WordFilterProxy::setText(const QString &text) {
    const QStringList words = folded(text).split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

QString WordFilterProxy::folded(const QString &text) {
    QString s = text.toLower().simplified();
    s.replace(u'ё', u'е');
    return s;
}

bool WordFilterProxy::containsAllWords(const QString &text) const {
    if (m_words.isEmpty())
        return true;
    const QString haystack = folded(text);
    for (const QString &w : m_words)
        if (!haystack.contains(w))
            return false;
    return true;
}

} // namespace objectivity::gui
