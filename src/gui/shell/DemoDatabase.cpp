#include "objectivity/gui/shell/DemoDatabase.h"

#include "objectivity/gui/plan/PlanTemplates.h"
#include "objectivity/gui/results/DemoResultsLoader.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseMeta.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace objectivity::gui {

namespace {

void removeWithCompanions(const QString &path) {
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

core::Status fill(storage::Database &db, QWidget *parent) {
    if (auto st = storage::DatabaseMeta(db).markDemo(); !st)
        return st;
    if (auto st = AppSession::addReferenceData(db); !st)
        return st;
    core::Organization org;
    org.name = DemoDatabase::organizationName();
    org.kind = core::OrganizationKind::School;
    core::Plan plan = PlanTemplates::build(PlanTemplates::Kind::School, org,
                                           core::AcademicPeriod::containing(QDate::currentDate()));
    if (auto st = storage::PlanRepository(db).save(plan); !st)
        return st;
    return DemoResultsLoader::run(db, parent);
}

} // namespace

QString DemoDatabase::defaultPath() {
    return QFileInfo(AppSession::defaultDatabasePath())
        .dir()
        .filePath(QStringLiteral("objectivity-demo.sqlite"));
}

QString DemoDatabase::organizationName() {
    return QStringLiteral("МБОУ «Демонстрационная школа № 1»");
}

core::Status DemoDatabase::ensure(const QString &path, QWidget *parent) {
    if (QFileInfo::exists(path))
        return {};
    return create(path, parent);
}

core::Status DemoDatabase::create(const QString &path, QWidget *parent) {
    const QString part = path + QStringLiteral(".part");
    removeWithCompanions(part);
    core::Status result;
    {
        auto db = storage::Database::open(part);
        if (!db)
            return db.error();
        result = fill(**db, parent);
    } // closed here: the WAL is folded into the file
    if (result && !QFile::rename(part, path)) {
        core::Error e;
        e.file = path;
        e.message = QStringLiteral("не удалось записать демонстрационную базу");
        result = e;
    }
    removeWithCompanions(part);
    if (!result) {
        core::Error e = result.error();
        e.message = QStringLiteral("Демонстрационная база не создана: ") + e.message;
        return e;
    }
    return {};
}

} // namespace objectivity::gui
