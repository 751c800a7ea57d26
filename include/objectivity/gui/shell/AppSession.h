#pragma once
#include "objectivity/core/common/Result.h"

#include <QString>

#include <memory>

namespace objectivity::storage {
class Database;
class PlanRepository;
class StaffRepository;
} // namespace objectivity::storage

namespace objectivity::gui {

// The open database and its repositories. A new database gets a demo plan (the school template
// for the current academic year) and the template roles in the staff directory.
class AppSession {
public:
    AppSession();
    ~AppSession();

    core::Status open(const QString &path);
    bool isOpen() const { return m_db != nullptr; }
    QString path() const;
    storage::PlanRepository *plans() const { return m_plans.get(); }
    storage::StaffRepository *staff() const { return m_staff.get(); }
    storage::Database *database() const { return m_db.get(); }
    qint64 demoPlanId() const { return m_demoPlanId; }

    // The database used when none is given: AppDataLocation/objectivity.sqlite.
    static QString defaultDatabasePath();

private:
    core::Status createDemoContent();

    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::PlanRepository> m_plans;
    std::unique_ptr<storage::StaffRepository> m_staff;
    qint64 m_demoPlanId = 0;
};

} // namespace objectivity::gui
