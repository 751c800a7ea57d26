// `objectivity-cli db ...`: the database file itself.
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/storage/Database.h"

#include <QSqlQuery>

namespace objectivity::cli {
namespace {

int runInfo(CliContext &ctx, const QStringList &args) {
    if (!args.isEmpty())
        return ctx.usageError(QStringLiteral("лишний аргумент «%1»").arg(args.first()),
                              QStringLiteral("db"));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    ctx.out() << ((*db)->isPostgres() ? QStringLiteral("База данных PostgreSQL: %1\n")
                                      : QStringLiteral("Файл: %1\n"))
                     .arg((*db)->path())
              << QStringLiteral("Версия схемы: %1 (программа знает до %2)\n")
                     .arg((*db)->schemaVersion())
                     .arg(storage::Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    if (q.exec(QStringLiteral("SELECT count(*) FROM plans")) && q.next())
        ctx.out() << QStringLiteral("Планов: %1\n").arg(q.value(0).toInt());
    if (!(*db)->backupPath().isEmpty())
        ctx.out()
            << QStringLiteral("Резервная копия перед обновлением: %1\n").arg((*db)->backupPath());
    return CliContext::Ok;
}

CliGroup makeDbGroup() {
    return {QStringLiteral("db"),
            QStringLiteral("файл базы данных"),
            {{QStringLiteral("info"), QString(),
              QStringLiteral("путь, версия схемы и число планов (создаёт базу, если её нет)"),
              runInfo}}};
}

const CliRegistrar registrar(makeDbGroup);

} // namespace
} // namespace objectivity::cli
