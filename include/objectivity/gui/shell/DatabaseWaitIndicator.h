#pragma once
#include <QObject>

class QStatusBar;

namespace objectivity::gui {

// Shows in the status bar, with a busy cursor, that a write waits for the database because
// another program holds it (storage::DatabaseWait reports waits longer than 0.5 s). A wait on the
// GUI thread (a save after an edit) is shown at once, painted while the thread is blocked; a
// worker's wait (an import) arrives through the event loop. One indicator is active at a time:
// the newest replaces the previous one.
class DatabaseWaitIndicator : public QObject {
    Q_OBJECT
public:
    explicit DatabaseWaitIndicator(QStatusBar *statusBar);
    ~DatabaseWaitIndicator() override;

    static QString message();
    bool isShowing() const { return m_waiting > 0; }

private:
    void update(bool waiting);

    QStatusBar *m_statusBar;
    int m_waiting = 0;
};

} // namespace objectivity::gui
