#pragma once
#include <QSortFilterProxyModel>

namespace objectivity::gui {

// A proxy that keeps the rows whose text has every word the user typed, in any order, case and
// «ё» ignored (setText, containsAllWords); what a row's text is, each subclass says in its
// filterAcceptsRow. The plan's filter line and the analysis tables share it, so that a word is
// found the same way everywhere («отчет» finds «отчёт»).
class WordFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit WordFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    // The text as matched: lower case, «ё» as «е», runs of spaces as one.
    static QString folded(const QString &text);

protected:
    bool hasWords() const { return !m_words.isEmpty(); }
    // True when every typed word is in `text` (always, when nothing is typed).
    bool containsAllWords(const QString &text) const;

private:
    QStringList m_words;
};

} // namespace objectivity::gui
