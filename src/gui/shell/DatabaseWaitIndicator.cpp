#include "objectivity/gui/shell/DatabaseWaitIndicator.h"

#include "objectivity/storage/DatabaseWait.h"

#include <QGuiApplication>
#include <QStatusBar>
#include <QThread>

namespace objectivity::gui {

namespace {
DatabaseWaitIndicator *g_active = nullptr; // touched on the GUI thread only
}

DatabaseWaitIndicator::DatabaseWaitIndicator(QStatusBar *statusBar)
    : QObject(statusBar), m_statusBar(statusBar) {
    g_active = this;
    // Runs on the waiting thread; DatabaseWait calls it under its lock, and the destructor's
    // setObserver({}) waits for a running call, so `this` is alive here.
    storage::DatabaseWait::setObserver([this](bool waiting) {
        if (QThread::currentThread() == thread())
            update(waiting);
        else
            QMetaObject::invokeMethod(
                this, [this, waiting] { update(waiting); }, Qt::QueuedConnection);
    });
}

DatabaseWaitIndicator::~DatabaseWaitIndicator() {
    if (g_active == this) {
        storage::DatabaseWait::setObserver({});
        g_active = nullptr;
    }
    while (m_waiting > 0) {
        --m_waiting;
        QGuiApplication::restoreOverrideCursor();
    }
}

QString DatabaseWaitIndicator::message() {
    return QStringLiteral("Ожидание базы данных: её использует другая программа…");
}

void DatabaseWaitIndicator::update(bool waiting) {
    if (waiting) {
        if (m_waiting++ == 0) {
            QGuiApplication::setOverrideCursor(Qt::BusyCursor);
            m_statusBar->showMessage(message());
            // the GUI thread may be blocked in the write: paint now, not from the event loop
            m_statusBar->repaint();
        }
    } else if (m_waiting > 0 && --m_waiting == 0) {
        QGuiApplication::restoreOverrideCursor();
        if (m_statusBar->currentMessage() == message())
            m_statusBar->clearMessage();
    }
}

} // namespace objectivity::gui
