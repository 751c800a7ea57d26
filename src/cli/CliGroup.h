#pragma once
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace objectivity::cli {

class CliContext;

// One command of a group: `objectivity-cli <group> <name> <arguments>`.
struct CliCommand {
    QString name;        // "import"
    QString arguments;   // shown in the usage line, Russian: "ФАЙЛ", "ID [--json]"
    QString description; // one line, Russian
    // Runs with the arguments after the command name; returns the process exit code
    // (see CliContext::ExitCode). Must not print usage itself: return ExitCode::Usage via
    // ctx.usageError().
    std::function<int(CliContext &ctx, const QStringList &args)> run;
};

// A group of commands under one name: `plan`, `results`, `generate`, ...
struct CliGroup {
    QString name;        // "plan"
    QString description; // one line, Russian: "планы мероприятий"
    QList<CliCommand> commands;
};

} // namespace objectivity::cli
