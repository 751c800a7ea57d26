// `objectivity-cli db copy --from SOURCE --to TARGET`: a whole database into an empty one (SQLite
// file ↔ PostgreSQL server), to move a department onto the server or to keep a backup.
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseCopier.h"
#include "objectivity/storage/PostgresUrl.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace objectivity::cli {
namespace {

void removeSqliteFiles(const QString &path) {
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

int runCopy(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    const std::optional<QString> from =
        CliContext::takeOption(args, QStringLiteral("--from"), &missing);
    if (missing)
        return ctx.usageError(QStringLiteral("после --from нужен файл или адрес сервера"),
                              QStringLiteral("db"));
    const std::optional<QString> to =
        CliContext::takeOption(args, QStringLiteral("--to"), &missing);
    if (missing)
        return ctx.usageError(QStringLiteral("после --to нужен файл или адрес сервера"),
                              QStringLiteral("db"));
    if (int rc = ctx.rejectUnknownOptions(args, QStringLiteral("db")); rc != 0)
        return rc;
    if (!args.isEmpty())
        return ctx.usageError(QStringLiteral("лишний аргумент «%1»").arg(args.first()),
                              QStringLiteral("db"));
    if (!from || !to)
        return ctx.usageError(QStringLiteral("укажите, откуда и куда копировать: --from и --to"),
                              QStringLiteral("db"));
    if (!storage::PostgresUrl::isUrl(*from) && !QFileInfo::exists(*from))
        return ctx.fail(QStringLiteral("Файл «%1» не найден — копировать нечего").arg(*from));

    auto source = storage::Database::open(*from);
    if (!source)
        return ctx.fail(source.error());
    auto target = storage::Database::open(*to);
    if (!target)
        return ctx.fail(target.error());
    const bool createdTarget = (*target)->isNew() && !storage::PostgresUrl::isUrl(*to);

    QElapsedTimer timer;
    timer.start();
    auto report = storage::DatabaseCopier::copy(**source, **target);
    if (!report) {
        target->reset();
        if (createdTarget)
            removeSqliteFiles(*to);
        ctx.err() << QStringLiteral("Копирование не выполнено, «%1» не изменена.\n").arg(*to);
        return ctx.fail(report.error());
    }
    for (const storage::DatabaseCopier::TableCount &t : report->tables)
        ctx.out() << QStringLiteral("%1: %2 → %3\n")
                         .arg(storage::DatabaseCopier::label(t.table))
                         .arg(t.source)
                         .arg(t.target);
    if (report->demoMarkLeftOut)
        ctx.out() << QStringLiteral("Отметка демонстрационной базы не скопирована: копия — "
                                    "обычная база.\n");
    ctx.out() << QStringLiteral("Скопировано строк: %1 за %2 с, «%3» → «%4».\n")
                     .arg(report->rows())
                     .arg(QString::number(double(timer.elapsed()) / 1000.0, 'f', 1)
                              .replace(QLatin1Char('.'), QLatin1Char(',')))
                     .arg((*source)->path(), (*target)->path());
    return CliContext::Ok;
}

CliGroup makeDbCopyGroup() {
    return {QStringLiteral("db"),
            QString(),
            {{QStringLiteral("copy"), QStringLiteral("--from ИСТОЧНИК --to ЦЕЛЬ"),
              QStringLiteral("копия всей базы в пустую (файл или postgresql://…): переезд на "
                             "сервер, резервная копия"),
              runCopy}}};
}

const CliRegistrar registrar(makeDbCopyGroup);

} // namespace
} // namespace objectivity::cli
