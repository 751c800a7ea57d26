#pragma once
// Alt+letter reaches one control of a window; two visible controls with the same letter make Alt
// cycle between them instead. altLetterClashes names such pairs among the visible buttons, the
// labels with a buddy, the menu bar's titles and the tab titles of a window («» when none).
#include <QAbstractButton>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

#include <functional>
#include <string>

namespace objectivity::test {

inline std::string altLetterClashes(const QWidget *window) {
    QMap<QChar, QString> seen;
    QStringList clashes;
    auto check = [&](bool visible, const QString &text) {
        const qsizetype amp = text.indexOf(u'&');
        if (!visible || amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == u'&')
            return;
        const QChar letter = text.at(amp + 1).toLower();
        if (seen.contains(letter))
            clashes << QStringLiteral("«%1» и «%2»").arg(text, seen.value(letter));
        else
            seen.insert(letter, text);
    };
    for (const QAbstractButton *b : window->findChildren<QAbstractButton *>())
        check(b->isVisible(), b->text());
    for (const QLabel *l : window->findChildren<QLabel *>())
        check(l->isVisible() && l->buddy(), l->text());
    for (const QMenuBar *bar : window->findChildren<QMenuBar *>())
        for (const QAction *a : bar->actions())
            check(bar->isVisible() && a->isVisible(), a->text());
    for (const QTabBar *tabs : window->findChildren<QTabBar *>())
        for (int i = 0; i < tabs->count(); ++i)
            check(tabs->isVisible() && tabs->isTabVisible(i), tabs->tabText(i));
    return clashes.join(QStringLiteral("; ")).toStdString();
}

// The same inside each menu of the menu bar and each of their submenus: an open menu takes the
// letter alone, and two items with it make the letter move between them instead of choosing.
inline std::string menuLetterClashes(const QMenuBar *bar) {
    QStringList clashes;
    std::function<void(const QMenu *)> walk = [&](const QMenu *menu) {
        QMap<QChar, QString> seen;
        for (const QAction *a : menu->actions()) {
            if (a->menu())
                walk(a->menu());
            const QString text = a->text();
            const qsizetype amp = text.indexOf(u'&');
            if (!a->isVisible() || amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == u'&')
                continue;
            const QChar letter = text.at(amp + 1).toLower();
            if (seen.contains(letter))
                clashes << QStringLiteral("%1: «%2» и «%3»")
                               .arg(menu->title(), text, seen.value(letter));
            else
                seen.insert(letter, text);
        }
    };
    for (const QAction *a : bar->actions())
        if (a->menu())
            walk(a->menu());
    return clashes.join(QStringLiteral("; ")).toStdString();
}

} // namespace objectivity::test
