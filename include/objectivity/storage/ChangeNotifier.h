#pragma once
#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

namespace objectivity::storage {

class Database;

// Tells the GUI that a plan was changed by another connection («план N изменён в другом месте»):
// another window, another program, another user on the server. Lives on the thread of the
// database's connection (the GUI thread).
//
// SQLite: every pollIntervalMs() it reads PRAGMA data_version on the connection — the number moves
// only when another connection has committed — and then compares plans.version of every plan
// with what it saw last; planChanged is emitted for each plan whose version moved, that appeared
// or that is gone. PostgreSQL: QSqlDriver::subscribeToNotification("objectivity_plans"); migration
// 010's trigger sends the plan's id as the payload on every commit that changes a plan; messages
// of this very connection (QSqlDriver::SelfSource) are dropped.
//
// The connection's own writes can be reported too (SQLite compares the whole table after someone
// else's commit): a listener compares the stored version with the one it holds.
class ChangeNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kChannel = "objectivity_plans";
    static constexpr int kDefaultPollIntervalMs = 1500;

    explicit ChangeNotifier(Database &db, QObject *parent = nullptr);
    ~ChangeNotifier() override;

    // True when the server pushes notifications (PostgreSQL); false when polling (SQLite).
    bool isPushed() const { return m_pushed; }
    int pollIntervalMs() const;
    void setPollIntervalMs(int ms);
    // One poll now (SQLite); nothing on PostgreSQL. Tests and «Обновить» use it.
    void checkNow();

signals:
    void planChanged(qint64 planId);

private:
    void onNotification(const QString &name, int source, const QVariant &payload);
    QHash<qint64, int> versions() const;
    qint64 dataVersion() const;

    Database &m_db;
    QTimer *m_timer = nullptr;
    bool m_pushed = false;
    qint64 m_dataVersion = -1;
    QHash<qint64, int> m_versions;
};

} // namespace objectivity::storage
