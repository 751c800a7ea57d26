#include "objectivity/gui/shell/AppSession.h"

#include "objectivity/gui/plan/PlanTemplates.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QCoreApplication>
#include <QDate>
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
    m_plans.reset();
    m_staff.reset();
    m_db = std::move(db.value());
    m_plans = std::make_unique<storage::PlanRepository>(*m_db);
    m_staff = std::make_unique<storage::StaffRepository>(*m_db);
    m_demoPlanId = 0;
    if (m_db->isNew())
        return createDemoContent();
    return {};
}

core::Status AppSession::createDemoContent() {
    for (const QString &role : PlanTemplates::roles()) {
        storage::Person p;
        p.name = role;
        p.isRole = true;
        auto st = m_staff->add(p);
        if (!st)
            return st;
    }
    core::Organization org;
    org.name = QStringLiteral("МБОУ «СОШ № 1» (пример)");
    org.kind = core::OrganizationKind::School;
    core::Plan plan = PlanTemplates::build(PlanTemplates::Kind::School, org,
                                           core::AcademicPeriod::containing(QDate::currentDate()));
    auto st = m_plans->save(plan);
    if (st)
        m_demoPlanId = plan.id;
    return st;
}

} // namespace objectivity::gui
