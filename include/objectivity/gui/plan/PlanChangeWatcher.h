#pragma once
#include <QFrame>
#include <QObject>
#include <QPointer>

#include <functional>
#include <utility>

class QLabel;
class QPushButton;

namespace objectivity::storage {
class ChangeNotifier;
class Database;
} // namespace objectivity::storage

namespace objectivity::gui {

class PlanEditor;

// Two people, one plan: listens to storage::ChangeNotifier and, when the open plan was changed
// elsewhere (its stored version is not the editor's), reloads it — the view keeps its selection
// and the status bar says «План обновлён: изменения внёс USER» — or, while the user is in the
// middle of an edit (busy probe: a cell editor open, typing in the measure panel) or the last
// save failed, shows a banner «План изменён другим пользователем …» with «Обновить».
class PlanChangeWatcher : public QObject {
    Q_OBJECT
public:
    PlanChangeWatcher(storage::Database &db, PlanEditor *editor, QObject *parent = nullptr);
    ~PlanChangeWatcher() override;

    storage::ChangeNotifier *notifier() const { return m_notifier; }
    // The banner, hidden until needed; the window places it above the plan table.
    QFrame *banner() const { return m_banner; }
    QPushButton *refreshButton() const { return m_refresh; }
    // True while the user is editing something not yet saved (then no reload under their hands).
    void setBusyProbe(std::function<bool()> busy) { m_busy = std::move(busy); }
    // A plan changed elsewhere (the notifier's signal; tests call it directly).
    void planChangedElsewhere(qint64 planId);
    // «Обновить»: loads the open plan as stored now.
    void refresh();

signals:
    void message(const QString &text); // for the status bar
    void plansChanged();               // the list of plans may be out of date

private:
    // The last change's author and time (dd.MM.yyyy HH:mm) from the plan's history; empty when
    // unknown.
    std::pair<QString, QString> whoChanged(qint64 planId) const;

    storage::Database &m_db;
    PlanEditor *m_editor;
    storage::ChangeNotifier *m_notifier;
    QPointer<QFrame> m_banner; // owned by the view it is placed in, or by this watcher
    QLabel *m_bannerText;
    QPushButton *m_refresh;
    std::function<bool()> m_busy;
};

} // namespace objectivity::gui
