#include "objectivity/storage/ChangeNotifier.h"

#include "objectivity/storage/Database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

namespace objectivity::storage {

ChangeNotifier::ChangeNotifier(Database &db, QObject *parent)
    : QObject(parent), m_db(db), m_timer(new QTimer(this)) {
    QSqlDatabase connection = m_db.connection();
    QSqlDriver *driver = connection.driver();
    if (connection.driverName() == QLatin1String("QPSQL") && driver &&
        driver->hasFeature(QSqlDriver::EventNotifications)) {
        m_pushed = driver->subscribeToNotification(QString::fromLatin1(kChannel));
        if (m_pushed)
            connect(
                driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource source,
                       const QVariant &payload) { onNotification(name, int(source), payload); });
    }
    if (m_pushed)
        return;
    m_dataVersion = dataVersion();
    m_versions = versions();
    m_timer->setInterval(kDefaultPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ChangeNotifier::checkNow);
    m_timer->start();
}

ChangeNotifier::~ChangeNotifier() {
    if (!m_pushed)
        return;
    QSqlDatabase connection = m_db.connection();
    if (connection.isOpen() && connection.driver())
        connection.driver()->unsubscribeFromNotification(QString::fromLatin1(kChannel));
}

int ChangeNotifier::pollIntervalMs() const {
    return m_timer->interval();
}

void ChangeNotifier::setPollIntervalMs(int ms) {
    m_timer->setInterval(ms);
}

void ChangeNotifier::checkNow() {
    if (m_pushed)
        return;
    const qint64 now = dataVersion();
    if (now < 0 || now == m_dataVersion)
        return;
    m_dataVersion = now;
    const QHash<qint64, int> current = versions();
    QList<qint64> changed;
    for (auto it = current.cbegin(); it != current.cend(); ++it)
        if (m_versions.value(it.key(), -1) != it.value())
            changed << it.key();
    for (auto it = m_versions.cbegin(); it != m_versions.cend(); ++it)
        if (!current.contains(it.key()))
            changed << it.key();
    m_versions = current;
    std::sort(changed.begin(), changed.end());
    for (qint64 id : changed)
        emit planChanged(id);
}

void ChangeNotifier::onNotification(const QString &name, int source, const QVariant &payload) {
    if (name != QLatin1String(kChannel) || source == int(QSqlDriver::SelfSource))
        return;
    bool ok = false;
    const qint64 id = payload.toString().toLongLong(&ok);
    if (ok && id > 0)
        emit planChanged(id);
}

QHash<qint64, int> ChangeNotifier::versions() const {
    QHash<qint64, int> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, version FROM plans")))
        return out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return out;
}

qint64 ChangeNotifier::dataVersion() const {
    // SQLite only: the number changes when another connection commits to the file.
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace objectivity::storage
