#include "objectivity/gui/shell/AppSession.h"

#include "objectivity/gui/plan/PlanTemplates.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseMeta.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace objectivity::gui {

AppSession::AppSession() = default;
AppSession::~AppSession() = default;

QString AppSession::path() const {
    return m_db ? m_db->path() : QString();
}

QString AppSession::defaultDatabasePath() {
    // The same file as objectivity-cli's default: <data>/Объективность/objectivity.sqlite (the
    // organization name, used for the settings, is left out of the path on purpose).
    const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                            .filePath(QCoreApplication::applicationName());
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("objectivity.sqlite"));
}

core::Status AppSession::open(const QString &path) {
    auto db = storage::Database::open(path);
    if (!db)
        return db.error();
    if (db.value()->isNew())
        if (auto st = addReferenceData(*db.value()); !st)
            return st;
    auto demo = storage::DatabaseMeta(*db.value()).isDemo();
    if (!demo)
        return demo.error();
    m_plans.reset();
    m_staff.reset();
    m_db = std::move(db.value());
    m_plans = std::make_unique<storage::PlanRepository>(*m_db);
    m_staff = std::make_unique<storage::StaffRepository>(*m_db);
    m_isDemo = demo.value();
    return {};
}

core::Status AppSession::addReferenceData(storage::Database &db) {
    storage::StaffRepository staff(db);
    for (const QString &role : PlanTemplates::roles()) {
        storage::Person p;
        p.name = role;
        p.isRole = true;
        if (auto st = staff.add(p); !st)
            return st;
    }
    return {};
}

} // namespace objectivity::gui
