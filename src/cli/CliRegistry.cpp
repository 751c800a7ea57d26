#include "CliRegistry.h"

#include "CliContext.h"

#include <algorithm>

namespace objectivity::cli {

namespace {
// A function-local static: groups register during static initialization, in any order.
QList<CliGroup> &registry() {
    static QList<CliGroup> groups;
    return groups;
}

bool isHelp(const QString &arg) {
    return arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
           arg == QLatin1String("help");
}
} // namespace

void CliRegistry::add(CliGroup group) {
    // Commands of one group may come from several files (plan export lives apart from plan import).
    for (CliGroup &existing : registry())
        if (existing.name == group.name) {
            existing.commands.append(group.commands);
            if (existing.description.isEmpty())
                existing.description = group.description;
            return;
        }
    registry().append(std::move(group));
}

QList<CliGroup> CliRegistry::groups() {
    QList<CliGroup> sorted = registry();
    std::sort(sorted.begin(), sorted.end(),
              [](const CliGroup &a, const CliGroup &b) { return a.name < b.name; });
    return sorted;
}

const CliGroup *CliRegistry::find(const QString &name) {
    for (const CliGroup &g : registry())
        if (g.name == name)
            return &g;
    return nullptr;
}

void CliRegistry::printHelp(CliContext &ctx) {
    QTextStream &out = ctx.out();
    out << QStringLiteral(
        "Использование: objectivity-cli [--db ФАЙЛ] ГРУППА КОМАНДА [АРГУМЕНТЫ]\n\n"
        "«Объективность» из командной строки: планы мероприятий по обеспечению "
        "объективности\nи результаты оценочных процедур.\n\n"
        "Общие параметры:\n"
        "  --db ФАЙЛ    файл базы данных (иначе $OBJECTIVITY_DB или файл в папке данных "
        "программы)\n"
        "               или база на сервере PostgreSQL: "
        "postgresql://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР:ПОРТ/БАЗА\n"
        "               (пароль — из PGPASSWORD или ~/.pgpass)\n"
        "  --help       эта справка\n\n"
        "Группы команд:\n");
    for (const CliGroup &g : groups())
        out << QStringLiteral("  %1  %2\n").arg(g.name, -12).arg(g.description);
    out << QStringLiteral("\nСправка по группе: objectivity-cli ГРУППА --help") << Qt::endl;
}

void CliRegistry::printGroupHelp(CliContext &ctx, const CliGroup &group) {
    QTextStream &out = ctx.out();
    out << QStringLiteral("Использование: objectivity-cli [--db ФАЙЛ] %1 КОМАНДА [АРГУМЕНТЫ]\n\n")
               .arg(group.name)
        << QStringLiteral("Группа «%1»: %2\n\nКоманды:\n").arg(group.name, group.description);
    for (const CliCommand &c : group.commands) {
        const QString usage =
            c.arguments.isEmpty() ? c.name : c.name + QLatin1Char(' ') + c.arguments;
        out << QStringLiteral("  %1\n      %2\n").arg(usage, c.description);
    }
    out.flush();
}

int CliRegistry::dispatch(CliContext &ctx, const QStringList &args) {
    if (args.isEmpty()) {
        printHelp(ctx);
        return CliContext::Usage;
    }
    if (isHelp(args.first())) {
        printHelp(ctx);
        return CliContext::Ok;
    }
    if (args.first().startsWith(QLatin1Char('-')))
        return ctx.usageError(QStringLiteral("неизвестный параметр «%1»").arg(args.first()));
    const CliGroup *group = find(args.first());
    if (!group)
        return ctx.usageError(QStringLiteral("неизвестная группа команд «%1»").arg(args.first()));
    // A group whose command has an empty name runs it directly: `analyze --json`.
    for (const CliCommand &c : group->commands)
        if (c.name.isEmpty() &&
            (args.size() < 2 || (args.at(1).startsWith(QLatin1Char('-')) && !isHelp(args.at(1)))))
            return c.run(ctx, args.mid(1));
    if (args.size() < 2) {
        printGroupHelp(ctx, *group);
        return CliContext::Usage;
    }
    if (isHelp(args.at(1))) {
        printGroupHelp(ctx, *group);
        return CliContext::Ok;
    }
    for (const CliCommand &c : group->commands) {
        if (c.name != args.at(1))
            continue;
        QStringList rest = args.mid(2);
        if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
            ctx.out() << QStringLiteral(
                             "Использование: objectivity-cli [--db ФАЙЛ] %1 %2 %3\n    %4")
                             .arg(group->name, c.name, c.arguments, c.description)
                      << Qt::endl;
            return CliContext::Ok;
        }
        const int code = c.run(ctx, rest);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }
    return ctx.usageError(
        QStringLiteral("в группе «%1» нет команды «%2»").arg(group->name, args.at(1)), group->name);
}

} // namespace objectivity::cli
