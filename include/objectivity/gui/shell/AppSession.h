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

// The open database and its repositories. A new database gets no plan and no results, only the
// reference data: the roles of the plan templates in the staff directory («Заместитель директора
// по УВР», …), which the owners field offers. Demo content lives in its own file (DemoDatabase),
// recognised by the mark inside it (isDemo()).
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
    // The file is the demonstration database (storage::DatabaseMeta).
    bool isDemo() const { return m_isDemo; }

    // The database used when none is given: AppDataLocation/objectivity.sqlite.
    static QString defaultDatabasePath();

    // Writes the reference data of a new database (the template roles) into `db`.
    static core::Status addReferenceData(storage::Database &db);

private:
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::PlanRepository> m_plans;
    std::unique_ptr<storage::StaffRepository> m_staff;
    bool m_isDemo = false;
};

} // namespace objectivity::gui
