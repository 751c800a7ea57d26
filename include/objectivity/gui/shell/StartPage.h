#pragma once
#include <QWidget>

class QAction;
class QGridLayout;
class QPushButton;

namespace objectivity::gui {

// What the main window shows instead of an empty editor while the database has no plan: a title
// and large buttons, each triggering one of the window's existing actions (import a plan, create
// one by a template, import results, open the demonstration database).
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    // Adds a large button «text» with a line of explanation under it; clicking it triggers
    // `action`. `name` is the button's object name.
    QPushButton *addEntry(const QString &name, const QString &text, const QString &hint,
                          QAction *action);

private:
    QGridLayout *m_grid;
    int m_entries = 0;
};

} // namespace objectivity::gui
